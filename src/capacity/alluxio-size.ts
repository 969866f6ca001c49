/**
 * Alluxio size strings (`alluxio.worker.page.store.sizes`, `…page.size`), exact: Alluxio's
 * `FormatUtils.parseSpaceSize`. Reference: shared/reference/capacity.md §2.
 *
 * Every trailing non-digit character is the suffix; the rest is a Java double; the suffix (any case) is
 * binary whatever its spelling: `100GB` = `100G` = `100Gi` = `100gib` = 100 · 2^30 bytes. The result is
 * `(long)(number × multiplier + 0.0001)` (truncation toward zero), or, for the `p` family, the exact product of
 * 2^50 and the decimal form of the double, truncated.
 */
import { RingSimError } from '../core/errors.js';

const MULTIPLIERS: Record<string, bigint> = {};
for (const [names, power] of [
  [['', 'b'], 0n],
  [['k', 'kb', 'ki', 'kib'], 10n],
  [['m', 'mb', 'mi', 'mib'], 20n],
  [['g', 'gb', 'gi', 'gib'], 30n],
  [['t', 'tb', 'ti', 'tib'], 40n],
  [['p', 'pb', 'pi', 'pib'], 50n],
] as const) {
  for (const n of names) MULTIPLIERS[n] = 1n << power;
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** Java's `(long) d`: truncation toward zero, saturating, NaN → 0. */
function javaLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  // Java compares with (double) Long.MAX_VALUE, which is 2^63.
  if (d >= 2 ** 63) return LONG_MAX;
  if (d <= -(2 ** 63)) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

/** Java `Double.parseDouble` for the decimal and hexadecimal forms (after Java's whitespace trim). */
function javaParseDouble(text: string, original: string): number {
  // eslint-disable-next-line no-control-regex -- Java's String.trim() drops every char up to U+0020
  const t = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
  if (hex && (hex[2] !== '' || hex[3] !== '')) {
    const mant = Number.parseInt(`${hex[2]}${hex[3]}` || '0', 16);
    const v = mant * 2 ** (Number(hex[4]) - 4 * hex[3].length);
    return hex[1] === '-' ? -v : v;
  }
  throw new RingSimError(
    'size',
    original,
    'not an Alluxio size (the number part does not parse)',
    'write a number and a unit, such as 100GB or 1MB (Alluxio reads both as binary)',
  );
}

/** Bytes of an Alluxio size string, as Alluxio computes them. */
export function parseAlluxioSize(text: string): bigint {
  if (typeof text !== 'string') throw new RingSimError('size', text, 'an Alluxio size is a string', 'write e.g. "1MB"');
  let i = text.length - 1;
  while (i >= 0 && (text[i] < '0' || text[i] > '9')) i--;
  const number = text.slice(0, i + 1);
  const suffix = text.slice(i + 1).toLowerCase();
  const multiplier = MULTIPLIERS[suffix];
  const value = javaParseDouble(number, text);
  if (multiplier === undefined) {
    throw new RingSimError(
      'size',
      text,
      `unknown Alluxio size unit "${text.slice(i + 1)}"`,
      'use B, KB, MB, GB, TB or PB (all binary in Alluxio), with no space',
    );
  }
  if (multiplier === 1n << 50n) {
    // BigDecimal(PB) × BigDecimal.valueOf(value), then longValue(): exact decimal product, truncated.
    const [mant, exp] = decimalOf(value);
    const product = multiplier * mant;
    const result = exp >= 0 ? product * 10n ** BigInt(exp) : product / 10n ** BigInt(-exp);
    return BigInt.asIntN(64, result);
  }
  return javaLong(value * Number(multiplier) + 0.0001);
}

/** Java `BigDecimal.valueOf(double)`: the shortest decimal that reads back as the double, as mantissa × 10^exp. */
function decimalOf(value: number): [bigint, number] {
  if (!Number.isFinite(value)) throw new RingSimError('size', value, 'not a finite size', 'write a finite number');
  const s = String(value); // shortest round-trip form, like Double.toString's digits
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new RingSimError('size', value, 'not a finite size', 'write a finite number');
  const frac = m[3] ?? '';
  const mant = BigInt(`${m[1]}${m[2]}${frac}`);
  return [mant, Number(m[4] ?? 0) - frac.length];
}
