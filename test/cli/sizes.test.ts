import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCacheSize, parseCacheSizes } from '../../src/cli/sizes.js';

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
  });

  it('refuses a dot with a unit, zero, a word and a size past 8 PiB, as commander errors', () => {
    for (const bad of ['1.5GB', '0', '0.0', '.', 'lots', '1 PB', '-1', '99999999999T']) expect(() => parseCacheSize(bad)).toThrow(InvalidArgumentError);
    expect(() => parseCacheSize('1.5GB')).toThrow(/^cache size "1\.5GB" is not a size: write e\.g\. 128MiB/);
    expect(() => parseCacheSize('0.0')).toThrow('cache size "0.0": a fraction of the working set must be above 0.');
    expect(() => parseCacheSize('99999999999T')).toThrow(/must be from 1 byte to 8 PiB/);
  });

  it('reads n<unit> as n times the unit for every unit spelling (property)', () => {
    const units: Array<[string, number]> = [['', 1], ['b', 1], ['KiB', 2 ** 10], ['mb', 2 ** 20], ['G', 2 ** 30], ['tib', 2 ** 40]];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.constantFrom(...units), (n, [u, mult]) => {
        expect(parseCacheSize(`${n}${u}`)).toBe(n * mult);
      }),
      { seed: 128, numRuns: 200 },
    );
  });
});

describe('parseCacheSizes', () => {
  it('reads a comma-separated list, skipping empty items', () => {
    expect(parseCacheSizes('128MiB, 0.5,,1GiB')).toEqual([128 * 2 ** 20, { fraction: 0.5 }, 2 ** 30]);
    expect(() => parseCacheSizes(' , ')).toThrow('give at least one cache size, e.g. 128MiB,256MiB.');
  });
});
