import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnit, parseCacheSize, parseCacheSizes, parseObjectSize } from '../../src/cli/sizes.js';
import { parseQuantity } from '../../src/capacity/quantity.js';

describe('parseCacheSize (libCacheSim conv_cache_sizes)', () => {
  it('reads a value with a dot as a fraction of the working set', () => {
    expect(parseCacheSize('0.1')).toEqual({ fraction: 0.1 });
    expect(parseCacheSize('2.')).toEqual({ fraction: 2 });
    expect(parseCacheSize(' .5 ')).toEqual({ fraction: 0.5 });
  });

  it('reads a value without one as bytes, every unit binary and case-insensitive', () => {
    expect(parseCacheSize('4096')).toBe(4096);
    expect(parseCacheSize('128MiB')).toBe(128 * 2 ** 20);
    expect(parseCacheSize('1gb')).toBe(2 ** 30);
    expect(parseCacheSize('2 K')).toBe(2048);
    expect(parseCacheSize('1T')).toBe(2 ** 40);
    // Kubernetes quantities, the grammar of scenarios and plan, where libCacheSim's binary forms do not read them.
    expect(parseCacheSize('1Gi')).toBe(2 ** 30);
    expect(parseCacheSize('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(parseCacheSize('512Ki')).toBe(512 * 1024);
    expect(parseCacheSize('1e3')).toBe(1000);
    expect(parseCacheSize('2G')).toBe(2 * 2 ** 30); // libCacheSim's G (binary) wins over Kubernetes' (decimal)
  });

  it('refuses a dot with a unit, zero, a word and a size past 8 PiB, as commander errors', () => {
    for (const bad of ['1.5GB', '0', '0.0', '.', 'lots', '1 PB', '-1', '99999999999T', '-1Gi', '1u', '1e2147483647', '1Gi '.repeat(2), '1.3Ki'])
      expect(() => parseCacheSize(bad)).toThrow(InvalidArgumentError);
    expect(() => parseCacheSize('1.5GB')).toThrow(/^cache size "1\.5GB" is not a size: write e\.g\. 128MiB/);
    expect(() => parseCacheSize('0.0')).toThrow('cache size "0.0": a fraction of the working set must be above 0.');
    expect(() => parseCacheSize('99999999999T')).toThrow(/must be from 1 byte to 8 PiB/);
  });

  it('reads n<unit> as n times the unit for every unit spelling (property)', () => {
    const units: Array<[string, number]> = [
      ['', 1],
      ['b', 1],
      ['KiB', 2 ** 10],
      ['mb', 2 ** 20],
      ['G', 2 ** 30],
      ['tib', 2 ** 40],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.constantFrom(...units), (n, [u, mult]) => {
        expect(parseCacheSize(`${n}${u}`)).toBe(n * mult);
      }),
      { seed: 128, numRuns: 200 },
    );
  });
});

describe('Kubernetes quantities as cache sizes', () => {
  it('a binary-suffixed quantity of whole bytes reads as resource.Quantity Value() does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8191 }), fc.constantFrom(0, 5, 25, 75), fc.constantFrom('Ki', 'Mi', 'Gi', 'Ti'), (n, frac, u) => {
        const text = frac ? `${n}.${frac}${u}` : `${n}${u}`;
        expect(parseCacheSize(text)).toBe(Number(parseQuantity(text).bytes));
        expect(parseObjectSize(text)).toBe(Number(parseQuantity(text).bytes));
        expect(hasUnit(text)).toBe(true);
      }),
      { seed: 29, numRuns: 200 },
    );
  });

  it('a plain number has no unit (a count of objects where sizes are objects); --object-size refuses nonsense', () => {
    for (const t of ['1000', ' 5 ', '1e3', '0.5']) expect(hasUnit(t)).toBe(false);
    for (const t of ['1k', '4MiB', '1Gi', '1e3k']) expect(hasUnit(t)).toBe(true);
    expect(parseObjectSize('4MiB')).toBe(4 * 2 ** 20);
    expect(parseObjectSize('4096')).toBe(4096);
    for (const bad of ['0', '4x', '-4Mi', '0.5'])
      expect(() => parseObjectSize(bad)).toThrow(/^--object-size "[^"]*" is not a size: write e\.g\. 4096, 4MiB or 4Mi\.$/);
  });
});

describe('parseCacheSizes', () => {
  it('reads a comma-separated list, skipping empty items', () => {
    expect(parseCacheSizes('128MiB, 0.5,,1GiB')).toEqual([128 * 2 ** 20, { fraction: 0.5 }, 2 ** 30]);
    expect(() => parseCacheSizes(' , ')).toThrow('give at least one cache size, e.g. 128MiB,256MiB.');
  });
});
