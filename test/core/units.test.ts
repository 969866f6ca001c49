import { describe, expect, it } from 'vitest';
import { binaryUnit, formatBinary, formatBinaryCompact, formatBytes, formatDecimal, formatIn } from '../../src/core/units.js';

describe('byte units', () => {
  it('formatIn rounds exactly, half up, with thousands separators unless told not to', () => {
    expect(formatIn(96636764160n, 'GiB')).toBe('90.00 GiB');
    expect(formatIn(1536, 'KiB', 1)).toBe('1.5 KiB');
    expect(formatIn(1024 * 1024 * 1600, 'MiB')).toBe('1,600.00 MiB');
    expect(formatIn(1024 * 1024 * 1600, 'MiB', 2, false)).toBe('1600.00 MiB');
    expect(formatIn(5, 'kB', 2)).toBe('0.01 kB'); // 0.005 rounds up
    expect(formatIn(-1536, 'KiB', 1)).toBe('-1.5 KiB');
  });

  it('formatBinary and formatDecimal pick the largest unit that keeps the number at least 1', () => {
    expect(formatBinary(1023)).toBe('1,023.00 B');
    expect(formatBinary(1024)).toBe('1.00 KiB');
    expect(formatBinary(3n * 1024n ** 4n)).toBe('3.00 TiB');
    expect(formatDecimal(1_610_612_736)).toBe('1.61 GB');
  });

  it("binaryUnit is formatBinary's unit and its size in bytes (a chart axis's unit)", () => {
    expect(binaryUnit(1023)).toEqual({ unit: 'B', bytes: 1 });
    expect(binaryUnit(1024)).toEqual({ unit: 'KiB', bytes: 1024 });
    expect(binaryUnit(3 * 2 ** 30)).toEqual({ unit: 'GiB', bytes: 2 ** 30 });
    for (const n of [0, 1, 1500, 2 ** 20 * 7, 5 * 2 ** 40]) expect(formatBinary(n).endsWith(` ${binaryUnit(n).unit}`)).toBe(true);
  });

  it('formatBytes gives the exact count with both readings', () => {
    expect(formatBytes(96636764160n)).toBe('96,636,764,160 B (90.00 GiB, 96.64 GB)');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(-6596665344n)).toBe('-6,596,665,344 B (-6.14 GiB, -6.60 GB)');
  });

  it('formatBinaryCompact: bytes below 1 KiB, one decimal in KiB and MiB, two in GiB, no separators', () => {
    expect(formatBinaryCompact(0)).toBe('0 B');
    expect(formatBinaryCompact(1023)).toBe('1023 B');
    expect(formatBinaryCompact(1024)).toBe('1.0 KiB');
    expect(formatBinaryCompact(1048535)).toBe('1024.0 KiB'); // 1023.96 KiB
    expect(formatBinaryCompact(5 * 1024 ** 2 + 52429)).toBe('5.1 MiB'); // 5.05 MiB rounds half up
    expect(formatBinaryCompact(2500 * 1024 ** 3)).toBe('2500.00 GiB');
  });

  it('formatBinaryCompact agrees with toFixed on every KiB and MiB value it rounds', () => {
    for (let n = 1024; n < 1024 * 1024 * 4; n += 997) {
      const expected = n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
      expect(formatBinaryCompact(n)).toBe(expected);
    }
  });
});
