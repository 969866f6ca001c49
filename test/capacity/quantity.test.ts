import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, type QuantityFormat } from '../../src/capacity/quantity.js';

/** value as an exact decimal string n × 10^-9 ("nanos") for comparison. */
function nanos(text: string): bigint {
  const q = parseQuantity(text);
  return q.scale <= 9 ? q.unscaled * 10n ** BigInt(9 - q.scale) : q.unscaled / 10n ** BigInt(q.scale - 9);
}

describe('parseQuantity: Kubernetes TestQuantityParse vectors', () => {
  const G = 1_000_000_000n; // nanos per unit
  const cases: Array<[string, bigint, QuantityFormat]> = [
    ['0', 0n, 'DecimalSI'],
    ['0u', 0n, 'DecimalSI'],
    ['0k', 0n, 'DecimalSI'],
    ['0G', 0n, 'DecimalSI'],
    ['0Ki', 0n, 'BinarySI'],
    ['0Gi', 0n, 'BinarySI'],
    ['1', 1n * G, 'DecimalSI'],
    ['8Ki', 8192n * G, 'BinarySI'],
    ['6Gi', 6n * 2n ** 30n * G, 'BinarySI'],
    ['4Pi', 4n * 2n ** 50n * G, 'BinarySI'],
    ['10Ti', 10n * 2n ** 40n * G, 'BinarySI'],
    ['5n', 5n, 'DecimalSI'],
    ['3m', 3_000_000n, 'DecimalSI'],
    ['8k', 8000n * G, 'DecimalSI'],
    ['7M', 7_000_000n * G, 'DecimalSI'],
    ['5T', 5n * 10n ** 12n * G, 'DecimalSI'],
    ['300T', 3n * 10n ** 14n * G, 'DecimalSI'],
    ['1E', 10n ** 18n * G, 'DecimalSI'],
    ['1e3', 1000n * G, 'DecimalExponent'],
    ['1e9', 10n ** 9n * G, 'DecimalExponent'],
    ['1e15', 10n ** 15n * G, 'DecimalExponent'],
    ['1e14', 10n ** 14n * G, 'DecimalExponent'],
    ['100.035k', 100035n * G, 'DecimalSI'],
    ['.001', 1_000_000n, 'DecimalSI'],
    ['0.00050k', 500_000_000n, 'DecimalSI'],
    ['0.5e-1', 50_000_000n, 'DecimalExponent'],
    ['10.035M', 10_035_000n * G, 'DecimalSI'],
    ['1.3E+6', 1_300_000n * G, 'DecimalExponent'],
    ['1.53E12', 153n * 10n ** 10n * G, 'DecimalExponent'],
    ['1.7E18', 17n * 10n ** 17n * G, 'DecimalExponent'],
    ['8.1k', 8100n * G, 'DecimalSI'],
    ['6.987654321G', 6_987_654_321n * G, 'DecimalSI'],
    ['40.1T', 401n * 10n ** 11n * G, 'DecimalSI'],
    ['2.5P', 25n * 10n ** 14n * G, 'DecimalSI'],
    ['3.001n', 4n, 'DecimalSI'],
    ['0.0000000001', 1n, 'DecimalSI'],
    ['0.00000000050', 1n, 'DecimalSI'],
    ['0.5e-9', 1n, 'DecimalExponent'],
    ['0.00000012354', 124n, 'DecimalSI'],
    ['9223372036854775807Ki', (2n ** 63n - 1n) * G, 'BinarySI'],
    ['100.035Ki', 102435840000000n, 'BinarySI'],
    ['0.05Gi', 53687091200000000n, 'BinarySI'],
    ['0.000000000001Ki', 2n, 'DecimalSI'],
    ['1.', 1n * G, 'DecimalSI'],
  ];
  it.each(cases)('%s', (text, value, format) => {
    for (const [prefix, sign] of [
      ['', 1n],
      ['+', 1n],
      ['-', -1n],
    ] as const) {
      const q = parseQuantity(prefix + text);
      expect(nanos(prefix + text)).toBe(sign * value);
      expect(q.format).toBe(format);
    }
  });

  it.each(['', '1+1.0M', '0.1am', '.5i', '-3.01i', ' 1', '1 ', 'Non-Numeric', '1K', '1kb', '1KB', '1ki', '1KI', '1i', '1e', '100GB'])(
    'rejects %j with a one-line error',
    (text) => {
      expect(() => parseQuantity(text)).toThrow(/not a Kubernetes quantity/);
      try {
        parseQuantity(text);
      } catch (e) {
        expect(String((e as Error).message)).not.toContain('\n');
      }
    },
  );
});

describe('canonical form (String())', () => {
  it.each([
    ['1Ki', '1Ki'],
    ['1Gi', '1Gi'],
    ['1000M', '1G'],
    ['.000001Ki', '1024u'],
    ['.000000000001Ki', '2n'],
    ['1024Mi', '1Gi'],
    ['1025024Mi', '1001Gi'],
    ['5000m', '5'],
    ['0.001T', '1G'],
    ['1.08', '1080m'],
    ['1080000000n', '1080m'],
    ['1234567M', '1234567M'],
    ['1080n', '1080n'],
    ['0.001e0', '1e-3'],
    ['80e-3', '80e-3'],
    ['999999999999999999', '999999999999999999'],
    ['1E', '1E'],
    ['1.0E', '1E'],
    ['10000000000000000000', '10E'],
    ['1.5Gi', '1536Mi'],
    ['1.1Gi', '1181116006400m'],
    ['90Gi', '90Gi'],
    ['90G', '90G'],
    ['512m', '512m'],
    ['1025', '1025'],
    ['5Ki', '5Ki'],
    ['0Gi', '0'],
    ['-0', '0'],
    ['8Ei', '9223372036854775807'],
    ['1.5', '1500m'],
  ])('%s prints %s', (input, printed) => {
    expect(parseQuantity(input).toString()).toBe(printed);
    // Negated inputs print negated (zero stays 0).
    if (printed !== '0' && !input.startsWith('-')) expect(parseQuantity(`-${input}`).toString()).toBe(`-${printed}`);
  });

  it('keeps the text where Kubernetes does (fast path, canonical-looking)', () => {
    expect(parseQuantity('+1Ki').toString()).toBe('+1Ki');
    expect(parseQuantity('1000Mi').toString()).toBe('1000Mi');
  });
});

describe('Value() and bytes', () => {
  it.each([
    ['90Gi', 96636764160n],
    ['90G', 90000000000n],
    ['1.5Gi', 1610612736n],
    ['1.1Gi', 1181116007n],
    ['512m', 1n],
    ['-1.5', -2n],
    ['100Gi', 107374182400n],
    ['1Ei', 2n ** 60n],
    ['10000000000000000000', 10n ** 19n],
  ])('%s is %s bytes', (text, bytes) => {
    expect(parseQuantity(text).bytes).toBe(bytes);
  });

  it('scaled values round up (ceil away from zero)', () => {
    expect(parseQuantity('1n').scaledValue(-3)).toBe(1n);
    expect(parseQuantity('1').milliValue()).toBe(1000n);
    expect(parseQuantity('0.5e-9').value()).toBe(1n);
  });

  it('refuses to expand absurd exponents into bytes', () => {
    const q = parseQuantity('1e999999');
    expect(q.toString()).toBe('1e999999');
    expect(() => q.bytes).toThrow(/too large/);
  });
});

describe('properties', () => {
  it('formatting then parsing gives the same value', () => {
    const suffixes = ['', 'k', 'M', 'G', 'T', 'm', 'Ki', 'Mi', 'Gi', 'Ti', 'e3', 'e-2'];
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.nat(3), fc.constantFrom(...suffixes), (n, frac, suffix) => {
        const digits = String(Math.abs(n));
        const text = `${n < 0 ? '-' : ''}${frac > 0 && digits.length > frac ? `${digits.slice(0, -frac)}.${digits.slice(-frac)}` : digits}${suffix}`;
        const q = parseQuantity(text);
        const again = parseQuantity(q.toString());
        expect(again.cmp(q)).toBe(0);
        // Not always the same text: Kubernetes prints BinarySI 27200000 as "27200000", which parses as
        // DecimalSI and prints "27200k". The value is what survives.
      }),
      { numRuns: 2000 },
    );
  });

  it('a binary suffix is never smaller than the decimal one for the same number (GiB >= GB)', () => {
    const pairs = [
      ['k', 'Ki'],
      ['M', 'Mi'],
      ['G', 'Gi'],
      ['T', 'Ti'],
      ['P', 'Pi'],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(...pairs), (n, [dec, bin]) => {
        const binary = parseQuantity(`${n}${bin}`).bytes;
        // Kubernetes caps BinarySI at 2^63-1 (decimal values are not capped): below the cap binary >= decimal.
        if (binary < 2n ** 63n - 1n) expect(binary >= parseQuantity(`${n}${dec}`).bytes).toBe(true);
      }),
    );
  });
});
