import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlluxioSize } from '../../src/capacity/alluxio-size.js';

// Expected values follow Alluxio's FormatUtils.parseSpaceSize (shared/reference/capacity.md §2).
describe('parseAlluxioSize (FormatUtils.parseSpaceSize)', () => {
  it('reads every spelling of a unit as binary', () => {
    for (const t of ['100GB', '100G', '100Gi', '100gib', '100gB']) expect(parseAlluxioSize(t)).toBe(107_374_182_400n);
    expect(parseAlluxioSize('1MB')).toBe(1_048_576n);
    expect(parseAlluxioSize('4k')).toBe(4096n);
    expect(parseAlluxioSize('512')).toBe(512n);
    expect(parseAlluxioSize('7b')).toBe(7n);
    expect(parseAlluxioSize('2TB')).toBe(2n * 2n ** 40n);
  });

  it('truncates number × multiplier + 0.0001 toward zero', () => {
    expect(parseAlluxioSize('1.5KB')).toBe(1536n);
    expect(parseAlluxioSize('0.3KB')).toBe(307n); // 307.2 → 307
    expect(parseAlluxioSize('1e1KB')).toBe(10_240n);
  });

  it('multiplies the p family exactly, as BigDecimal does', () => {
    expect(parseAlluxioSize('1PB')).toBe(2n ** 50n);
    expect(parseAlluxioSize('0.1PB')).toBe(2n ** 50n / 10n); // exact decimal 0.1, truncated
    expect(parseAlluxioSize('3p')).toBe(3n * 2n ** 50n);
  });

  it('refuses an unknown unit, a space before it, and a number that does not parse', () => {
    expect(() => parseAlluxioSize('100 GB')).toThrow(/^size: unknown Alluxio size unit " GB" \(got "100 GB"\)/);
    expect(() => parseAlluxioSize('1EB')).toThrow(/unknown Alluxio size unit "EB"/);
    expect(() => parseAlluxioSize('GB')).toThrow(/the number part does not parse/);
    expect(() => parseAlluxioSize('1.2.3MB')).toThrow(/the number part does not parse/);
    expect(() => parseAlluxioSize(5 as unknown as string)).toThrow(/an Alluxio size is a string/);
  });

  it('gives n · 2^(10k) for every whole n and unit (property)', () => {
    const units: Array<[string, bigint]> = [
      ['', 1n],
      ['KB', 1n << 10n],
      ['MiB', 1n << 20n],
      ['g', 1n << 30n],
      ['Ti', 1n << 40n],
      ['PB', 1n << 50n],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4096 }), fc.constantFrom(...units), (n, [unit, mult]) => {
        expect(parseAlluxioSize(`${n}${unit}`)).toBe(BigInt(n) * mult);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
