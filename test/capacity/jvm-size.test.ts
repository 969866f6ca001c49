import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJvmSize } from '../../src/capacity/jvm-size.js';

describe('parseJvmSize (HotSpot Arguments::atojulong)', () => {
  it('reads every spelling of 12 GiB to the same bytes', () => {
    for (const s of ['12g', '12G', '12288m', '12288M', '12582912k', '12884901888', '0x300000000']) expect(parseJvmSize(s)).toBe(12884901888n);
    expect(parseJvmSize('1t')).toBe(1n << 40n);
  });
  it('refuses what the JVM refuses', () => {
    for (const s of ['12gb', '1.5g', '12 g', ' 12g', '-1g', '+1g', 'g', '', '0x', '12e', '12i', '18446744073709551616', '16777216t'])
      expect(parseJvmSize(s)).toBeUndefined();
    expect(parseJvmSize('18446744073709551615')).toBe((1n << 64n) - 1n);
  });
  it('property: n with each suffix is n × its power of two, in either case', () => {
    const suffixes: Array<[string, bigint]> = [
      ['', 1n],
      ['k', 1n << 10n],
      ['m', 1n << 20n],
      ['g', 1n << 30n],
      ['t', 1n << 40n],
    ];
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 24n) - 1n }), fc.constantFrom(...suffixes), fc.boolean(), (n, [s, mult], upper) => {
        const text = `${n}${upper ? s.toUpperCase() : s}`;
        expect(parseJvmSize(text)).toBe(n * mult);
        expect(parseJvmSize(`0x${n.toString(16)}${s}`)).toBe(n * mult);
      }),
      { seed: 24, numRuns: 300 },
    );
  });
});
