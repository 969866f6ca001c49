/** C number parsing as libCacheSim's text readers use it, and string-id hashing. */
import { murmur3x86_32Words } from '../../hash/murmur3.js';
import { KeyBuffer } from '../../hash/utf8.js';

/**
 * C `strtoull(text, NULL, 0)` over the whole text (after leading white space): decimal, `0x` hex, or leading-`0`
 * octal, an optional sign (a minus wraps modulo 2^64). Returns [hi, lo] or null when the text is not entirely a
 * number.
 */
export function parseU64(text: string): [number, number] | null {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)\s*$/.exec(text);
  if (!m) return null;
  const digits = m[2];
  let v: bigint;
  if (/^0[xX]/.test(digits)) v = BigInt(digits);
  else if (digits.length > 1 && digits[0] === '0') v = BigInt(`0o${digits.slice(1)}`);
  else v = BigInt(digits);
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn; // strtoull saturates (ERANGE)
  if (m[1] === '-') v = BigInt.asUintN(64, -v);
  return [Number(v >> 32n), Number(v & 0xffffffffn)];
}

/** C `atof` truncated to an integer, as libCacheSim reads a time column; null when not a number. */
export function parseTime(text: string): number | null {
  const m = /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(text);
  if (!m) return null;
  return Math.trunc(Number(m[1]));
}

const kb = new KeyBuffer();

/** A 64-bit id for a string key: two independent MurmurHash3 x86_32 of its UTF-8 bytes, as [hi, lo]. */
export function hashStringId(key: string): [number, number] {
  const n = kb.encode(key, 'whatwg');
  return [murmur3x86_32Words(kb.ints, kb.bytes, n, 0x9747b28c) >>> 0, murmur3x86_32Words(kb.ints, kb.bytes, n, 0) >>> 0];
}
