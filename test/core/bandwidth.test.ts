import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBandwidth, formatDuration, parseBandwidth } from '../../src/core/bandwidth.js';
import { RingSimError } from '../../src/core/errors.js';

describe('parseBandwidth', () => {
  it('tells bits from bytes by the case of the b, and decimal from binary prefixes', () => {
    expect(parseBandwidth('10Gbps').bytesPerSecond).toBe(1.25e9);
    expect(parseBandwidth('10Gbit/s').bytesPerSecond).toBe(1.25e9);
    expect(parseBandwidth('10Gb/s').bytesPerSecond).toBe(1.25e9);
    expect(parseBandwidth('1.2GB/s').bytesPerSecond).toBe(1.2e9);
    expect(parseBandwidth('1.2GBps').bytesPerSecond).toBe(1.2e9);
    expect(parseBandwidth('500MiB/s').bytesPerSecond).toBe(500 * 2 ** 20);
    expect(parseBandwidth('.5 kB/s').bytesPerSecond).toBe(500);
    expect(parseBandwidth('  8bps ')).toEqual({ text: '8bps', bytesPerSecond: 1 });
  });

  it('refuses a rate with no unit, a zero rate or a word, naming the field', () => {
    expect(() => parseBandwidth('10G')).toThrow(/^--ufs-bandwidth: not a transfer rate with a unit \(got "10G"\); write e\.g\. 10Gbps/);
    expect(() => parseBandwidth('0Gbps', 'spec.rate')).toThrow(/^spec\.rate: must be more than 0/);
    expect(() => parseBandwidth('fast')).toThrow(/not a transfer rate/);
    expect(() => parseBandwidth('-1GB/s')).toThrow(/not a transfer rate/);
  });

  it('reads 8 bits a second as 1 byte a second for every prefix (property)', () => {
    const prefixes = ['', 'k', 'M', 'G', 'T', 'Ki', 'Mi', 'Gi', 'Ti'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...prefixes), (n, p) => {
        const bits = parseBandwidth(`${n}${p}bit/s`).bytesPerSecond;
        const bytes = parseBandwidth(`${n}${p}B/s`).bytesPerSecond;
        expect(bits * 8).toBeCloseTo(bytes, 6);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('formatBandwidth and formatDuration', () => {
  it('prints decimal bytes and bits a second with their units', () => {
    expect(formatBandwidth(1.25e9)).toBe('1.25 GB/s (10.00 Gbit/s)');
    expect(formatBandwidth(500)).toBe('500.00 B/s (4.00 kbit/s)');
    expect(formatBandwidth(0.5)).toBe('0.50 B/s (4.00 bit/s)');
  });

  it('prints seconds, minutes and hours for people', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(9.25)).toBe('9.3 s');
    expect(formatDuration(242)).toBe('4 min 02 s');
    expect(formatDuration(7510)).toBe('2 h 05 min 10 s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('never');
  });
});

describe('parseBandwidth, formatBandwidth and formatDuration together', () => {
  it('tells bits from bytes and decimal from binary prefixes', () => {
    expect(parseBandwidth('10Gbps').bytesPerSecond).toBe(1.25e9);
    expect(parseBandwidth('10Gbit/s').bytesPerSecond).toBe(1.25e9);
    expect(parseBandwidth('10 Gb/s').bytesPerSecond).toBe(1.25e9);
    expect(parseBandwidth('1.2GB/s').bytesPerSecond).toBe(1.2e9);
    expect(parseBandwidth('1.2GBps').bytesPerSecond).toBe(1.2e9);
    expect(parseBandwidth('500MiB/s').bytesPerSecond).toBe(500 * 2 ** 20);
    expect(parseBandwidth('800Mbps').bytesPerSecond).toBe(1e8);
    for (const bad of ['10', '10G', 'fast', '0Gbps', '10 gbps', '-1GB/s']) expect(() => parseBandwidth(bad)).toThrow(RingSimError);
    expect(formatBandwidth(1.25e9)).toBe('1.25 GB/s (10.00 Gbit/s)');
    expect(formatDuration(3.21)).toBe('3.2 s');
    expect(formatDuration(4 * 60 + 2)).toBe('4 min 02 s');
    expect(formatDuration(2 * 3600 + 5 * 60 + 10)).toBe('2 h 05 min 10 s');
  });
});
