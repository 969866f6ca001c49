import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MAX_RAM_PERCENTAGE, maxDirectBytes, maxHeapBytes, readJvmMemoryOptions } from '../../src/capacity/jvm-options.js';
import { jvmSizeFloor, parseJvmSize } from '../../src/capacity/jvm-size.js';

const GiB = 1n << 30n;
const F = 'spec.worker.jvmOptions';

describe('readJvmMemoryOptions (HotSpot arguments.cpp)', () => {
  it('reads -Xmx, -Xms and -XX:MaxDirectMemorySize in every spelling, with the list item each came from', () => {
    const o = readJvmMemoryOptions(['-Dx=1', '-Xmx12g', '-Xms12288m', '-XX:MaxDirectMemorySize=12884901888'], F);
    expect(o.maxHeap).toEqual({ option: '-Xmx12g', field: `${F}[1]`, bytes: 12n * GiB });
    expect(o.initialHeap?.bytes).toBe(12n * GiB);
    expect(o.maxDirect).toEqual({ option: '-XX:MaxDirectMemorySize=12884901888', field: `${F}[3]`, bytes: 12n * GiB });
    expect(readJvmMemoryOptions(['-XX:MaxHeapSize=12G -XX:InitialHeapSize=12582912k'], F)).toMatchObject({
      maxHeap: { bytes: 12n * GiB, field: `${F}[0]` },
      initialHeap: { bytes: 12n * GiB },
    });
    expect(o.invalid).toEqual([]);
  });
  it('the last of a repeated option wins; an item may hold several options', () => {
    const o = readJvmMemoryOptions(['-Xmx4g -Xmx6g', '-XX:MaxDirectMemorySize=1g', '-XX:MaxDirectMemorySize=2g'], F);
    expect(o.maxHeap?.bytes).toBe(6n * GiB);
    expect(o.maxDirect).toMatchObject({ bytes: 2n * GiB, field: `${F}[2]` });
  });
  it('a size HotSpot refuses is invalid, with what the JVM says; other options are not memory options', () => {
    const o = readJvmMemoryOptions(['-Xmx12gb', '-Xms1.5g', '-XX:MaxDirectMemorySize=8gb', '-XX:MaxRAMPercentage=150', '-Xss1m', '-XX:+UseG1GC'], F);
    expect(o.invalid.map((x) => [x.option, x.field, x.problem])).toEqual([
      ['-Xmx12gb', `${F}[0]`, 'Invalid maximum heap size'],
      ['-Xms1.5g', `${F}[1]`, 'Invalid initial heap size'],
      ['-XX:MaxDirectMemorySize=8gb', `${F}[2]`, "Improperly specified VM option 'MaxDirectMemorySize'"],
      ['-XX:MaxRAMPercentage=150', `${F}[3]`, "Improperly specified VM option 'MaxRAMPercentage' (a percent from 0 to 100)"],
    ]);
    expect(o.maxHeap).toBeUndefined();
  });
  it('without -Xmx the heap is MaxRAMPercentage of the limit (25 % by default), at least -Xms; direct memory defaults to the heap', () => {
    expect(DEFAULT_MAX_RAM_PERCENTAGE).toBe(25);
    expect(maxHeapBytes(readJvmMemoryOptions([], F), 20n * GiB)).toBe(5n * GiB);
    expect(maxHeapBytes(readJvmMemoryOptions(['-XX:MaxRAMPercentage=75.0'], F), 20n * GiB)).toBe(15n * GiB);
    expect(maxHeapBytes(readJvmMemoryOptions(['-Xms8g'], F), 20n * GiB)).toBe(8n * GiB);
    expect(maxHeapBytes(readJvmMemoryOptions([], F), undefined)).toBeUndefined();
    const o = readJvmMemoryOptions(['-Xmx8g'], F);
    expect(maxDirectBytes(o, maxHeapBytes(o, undefined))).toBe(8n * GiB);
  });
  it('property: any spelling of a size as -Xmx, -XX:MaxHeapSize= or -XX:MaxDirectMemorySize= reads as parseJvmSize reads it', () => {
    const suffixes: Array<[string, bigint]> = [
      ['', 1n],
      ['k', 1n << 10n],
      ['K', 1n << 10n],
      ['m', 1n << 20n],
      ['M', 1n << 20n],
      ['g', GiB],
      ['G', GiB],
      ['t', 1n << 40n],
    ];
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 20n) - 1n }),
        fc.constantFrom(...suffixes),
        fc.constantFrom('-Xmx', '-XX:MaxHeapSize=', '-XX:MaxDirectMemorySize='),
        (n, [s, mult], flag) => {
          const o = readJvmMemoryOptions([`${flag}${n}${s}`], F);
          const setting = flag === '-XX:MaxDirectMemorySize=' ? o.maxDirect : o.maxHeap;
          expect(setting?.bytes).toBe(n * mult);
          expect(parseJvmSize(`${n}${s}`)).toBe(n * mult);
        },
      ),
      { seed: 2405, numRuns: 300 },
    );
  });
  it('property: jvmSizeFloor is the largest whole g (m under 1 GiB) at most the bytes, and HotSpot reads it back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 45n }), (b) => {
        const f = jvmSizeFloor(b);
        expect(f.bytes <= b).toBe(true);
        expect(parseJvmSize(f.text)).toBe(f.bytes);
        expect(b - f.bytes < (b >= GiB ? GiB : 1n << 20n)).toBe(true);
      }),
      { seed: 2406, numRuns: 300 },
    );
  });
});
