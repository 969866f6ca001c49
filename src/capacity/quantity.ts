/**
 * Kubernetes `resource.Quantity`, exact: the parser, the remembered format, the canonical `String()` and the
 * ceiling `Value()` of kubernetes/apimachinery `pkg/api/resource` (quantity.go, suffix.go, amount.go).
 * Reference: shared/reference/capacity.md §1.
 *
 * A value is held as `unscaled × 10^-scale` with a BigInt `unscaled`; no floating point anywhere.
 * Behaviour kept from Kubernetes on purpose:
 * - no whitespace; `+`, `-`, `.` and `1.` are numbers; suffixes are case-sensitive (`K`, `kb`, `Ki ` fail);
 * - a finer value than 1n rounds away from zero to a multiple of 1n (`3.001n` → `4n`);
 * - BinarySI values are capped at 2^63-1 (`8Ei` → 9223372036854775807); decimal ones are not;
 * - a BinarySI value strictly between 0 and 1 (and ±) switches to DecimalSI;
 * - an exponent suffix's number is truncated to int32, as Go's `int32(parsed)` does;
 * - `String()` gives back the input unchanged where Kubernetes' fast path keeps it (so `+1Ki` prints `+1Ki`).
 */
import { RingSimError } from '../core/errors.js';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map<number, string>([[0, ''], ...Object.entries(BINARY_SUFFIXES).map(([s, e]): [number, string] => [e, s])]);
const SUFFIX_CHARS = 'eEinumkKMGTP';
const MAX_INT64 = (1n << 63n) - 1n;
/** Values with more decimal digits than this are refused where they must become a plain integer. */
const MAX_DIGITS = 200;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** ceil(|a| / b) with the sign of a (rounding away from zero); b > 0. */
function divAwayFromZero(a: bigint, b: bigint): bigint {
  const q = abs(a) / b;
  const r = abs(a) % b;
  const m = r === 0n ? q : q + 1n;
  return a < 0n ? -m : m;
}

export class Quantity {
  /** The text this quantity was parsed from. */
  readonly text: string;
  readonly format: QuantityFormat;
  /** The value is unscaled × 10^-scale. */
  readonly unscaled: bigint;
  readonly scale: number;
  /** The suffix as written (`Gi`, `G`, `m`, `e3`, ``). */
  readonly suffix: string;
  private readonly remembered: string | undefined;

  constructor(text: string, unscaled: bigint, scale: number, format: QuantityFormat, suffix: string, remembered?: string) {
    this.text = text;
    this.unscaled = unscaled;
    this.scale = scale;
    this.format = format;
    this.suffix = suffix;
    this.remembered = remembered;
  }

  get sign(): -1 | 0 | 1 {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** ceil(q / 10^s), rounded away from zero: Kubernetes' `ScaledValue(s)` without the int64 overflow. */
  scaledValue(s: number): bigint {
    const shift = this.scale + s; // value / 10^s = unscaled × 10^-(scale + s)
    if (shift <= 0) {
      if (-shift > MAX_DIGITS) this.tooLarge();
      return this.unscaled * pow10(-shift);
    }
    if (shift > MAX_DIGITS) return this.unscaled === 0n ? 0n : this.unscaled < 0n ? -1n : 1n;
    return divAwayFromZero(this.unscaled, pow10(shift));
  }

  /** Kubernetes' `Value()`: the value rounded up, away from zero, to a whole number. */
  value(): bigint {
    return this.scaledValue(0);
  }

  /** Kubernetes' `MilliValue()`: ceil(q × 1000). */
  milliValue(): bigint {
    return this.scaledValue(-3);
  }

  /** The byte count a Kubernetes byte quantity means: `Value()`. */
  get bytes(): bigint {
    return this.value();
  }

  /** Whether `Value()` fits Kubernetes' int64 (beyond it Kubernetes overflows; ring-sim stays exact). */
  fitsInt64(): boolean {
    const v = this.value();
    return v <= MAX_INT64 && v >= -MAX_INT64 - 1n;
  }

  /** -1, 0 or 1 as this quantity is less than, equal to or greater than `other`. */
  cmp(other: Quantity): -1 | 0 | 1 {
    const s = Math.max(this.scale, other.scale);
    const a = this.unscaled * pow10(s - this.scale);
    const b = other.unscaled * pow10(s - other.scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Whether the value is a whole number. */
  isInteger(): boolean {
    if (this.scale <= 0) return true;
    return this.unscaled % pow10(this.scale) === 0n;
  }

  /** Kubernetes' canonical form (`String()`). */
  toString(): string {
    if (this.remembered !== undefined) return this.remembered;
    if (this.unscaled === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      const lim = new Quantity('', 1024n, 0, 'DecimalSI', '');
      const neg = new Quantity('', -1024n, 0, 'DecimalSI', '');
      if (this.cmp(neg) > 0 && this.cmp(lim) < 0) format = 'DecimalSI';
      else if (!this.isInteger()) format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
      let m = this.value();
      let k = 0;
      while (m !== 0n && abs(m) >= 1024n && m % 1024n === 0n) {
        m /= 1024n;
        k++;
      }
      const suffix = BINARY_BY_EXPONENT.get(k * 10);
      if (suffix !== undefined) return `${m}${suffix}`;
      // Beyond Ei: Kubernetes has no suffix either; print exactly in decimal.
      format = 'DecimalSI';
    }
    let m = this.unscaled;
    let e = -this.scale;
    while (m !== 0n && m % 10n === 0n) {
      m /= 10n;
      e++;
    }
    while (((e % 3) + 3) % 3 !== 0) {
      m *= 10n;
      e--;
    }
    if (format === 'DecimalSI') {
      const suffix = DECIMAL_BY_EXPONENT.get(e);
      if (suffix !== undefined) return `${m}${suffix}`;
    }
    return e === 0 ? `${m}` : `${m}e${e}`;
  }

  toJSON(): string {
    return this.toString();
  }

  private tooLarge(): never {
    throw new RingSimError('quantity', this.text, 'too large to count in bytes', 'use a value below 10^200');
  }
}

function fail(text: string, why: string): never {
  throw new RingSimError(
    'quantity',
    text,
    `not a Kubernetes quantity: ${why}`,
    'write a number with a suffix such as 90Gi (binary, 2^30) or 100G (decimal, 10^9), with no spaces',
  );
}

interface Scanned {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** Kubernetes' `parseQuantityString`: sign, number, fraction, suffix; null when malformed. */
function scan(str: string): Scanned | null {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end && (str[0] === '-' || str[0] === '+')) {
    positive = str[0] !== '-';
    pos++;
  }
  // Leading zeros.
  for (;;) {
    if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[pos] === '0') pos++;
    else break;
  }
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num: num === '' ? '0' : num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    let j = pos;
    while (j < end && isDigit(str[j])) j++;
    denom = str.slice(pos, j);
    if (j >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = j;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  let k = pos;
  while (k < end && SUFFIX_CHARS.includes(str[k])) k++;
  if (k >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = k;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  let d = pos;
  while (d < end && isDigit(str[d])) d++;
  if (d < end) return null;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

/** suffix.go `interpret`: base, exponent and format of a suffix; null when unknown. */
function interpret(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | null {
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1);
    if (!/^[+-]?\d+$/.test(digits)) return null;
    const parsed = BigInt(digits);
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return null; // strconv.ParseInt range error
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return null;
}

/** Parses a Kubernetes quantity exactly as `resource.ParseQuantity` does; throws a RingSimError otherwise. */
export function parseQuantity(text: string): Quantity {
  if (typeof text !== 'string') fail(String(text), 'a quantity is a string');
  if (text.length === 0) fail(text, 'empty');
  if (text === '0') return new Quantity(text, 0n, 0, 'DecimalSI', '', '0');
  const s = scan(text);
  if (!s) fail(text, 'unexpected character (quantities match ^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$)');
  const info = interpret(s.suffix);
  if (!info) fail(text, `unknown suffix "${s.suffix}" (use n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or e<exponent>)`);
  let { format } = info;
  const { base, exponent } = info;
  // Fast path (exact int64 arithmetic); it also decides whether String() keeps the input text.
  let precision: number;
  let scale10 = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && s.denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - s.num.length - Math.trunc(Math.fround(Math.fround(Math.fround(exponent) * 3) / 10)) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale10 = exponent;
    precision = 18 - (s.num.length + s.denom.length);
  }
  if (precision >= 0) {
    scale10 -= s.denom.length;
    if (scale10 >= -9) {
      const shifted = s.num + s.denom;
      const v = BigInt(shifted);
      const product = v * mantissa;
      if (product <= MAX_INT64) {
        const result = s.positive ? product : -product;
        const keep = format === 'BinarySI' ? exponent % 10 === 0 && (v & 7n) !== 0n : scale10 % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return new Quantity(text, result, -scale10, format, s.suffix, keep ? text : undefined);
      }
    }
  }
  // Slow path: arbitrary precision, then round away from zero to nano, cap BinarySI.
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s.value);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) fail(text, 'unable to parse the numeric part');
  const frac = m[3] ?? '';
  let unscaled = BigInt((m[2] || '0') + frac);
  let scale = frac.length;
  if (base === 10) scale -= exponent;
  else unscaled *= 1n << BigInt(exponent);
  const negative = m[1] === '-';
  if (unscaled !== 0n && scale > 9) {
    // Rounding away from zero to a nano: a value below one nano becomes 1n. Decided by digit count first, so a
    // huge negative exponent (1e-50000000, or an int32-wrapped 1e2147483648) costs no 10^50000000.
    const digits = unscaled.toString().length;
    unscaled = scale - 9 >= digits ? 1n : divAwayFromZero(unscaled, pow10(scale - 9));
    scale = 9;
  }
  if (format === 'BinarySI') {
    const q = new Quantity(text, unscaled, scale, format, s.suffix);
    if (q.cmp(new Quantity('', MAX_INT64, 0, format, '')) > 0) {
      unscaled = MAX_INT64;
      scale = 0;
    }
    const q2 = new Quantity(text, unscaled, scale, format, s.suffix);
    if (q2.cmp(new Quantity('', 1n, 0, format, '')) < 0 && unscaled > 0n) format = 'DecimalSI';
  }
  return new Quantity(text, negative ? -unscaled : unscaled, scale, format, s.suffix);
}
