/**
 * UTF-8 encoding of keys into a reused buffer, so that hashing a key allocates nothing.
 *
 * Two flavours of ill-formed UTF-16 handling exist in the systems ring-sim matches:
 * - `java`: a lone surrogate becomes `?` (0x3F), as the JDK's `String.getBytes(UTF_8)` writes it and
 *   as Guava's `putString(…, UTF_8)` falls back to (Alluxio hashes keys this way).
 * - `whatwg`: a lone surrogate becomes U+FFFD (`EF BF BD`), as `TextEncoder` and Node's `Buffer` write it.
 * Well-formed strings encode identically in both.
 */

export type LoneSurrogateRule = 'java' | 'whatwg';

const encoder = new TextEncoder();
const hasIsWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function';

/** A growable byte buffer that keys are encoded into; `bytes` is valid up to the length returned. */
export class KeyBuffer {
  bytes: Uint8Array;
  /** The same memory as 32-bit words (for hashing four bytes at a time). */
  words: Uint32Array;
  /** The same memory as signed 32-bit words (int32 loads stay small integers in V8). */
  ints: Int32Array;

  constructor(initialCapacity = 256) {
    this.bytes = new Uint8Array((initialCapacity + 3) & ~3);
    this.words = new Uint32Array(this.bytes.buffer);
    this.ints = new Int32Array(this.bytes.buffer);
  }

  /** Makes room for at least `capacity` bytes, keeping nothing. */
  ensure(capacity: number): Uint8Array {
    if (this.bytes.length < capacity) {
      let size = Math.max(4, this.bytes.length * 2);
      while (size < capacity) size *= 2;
      this.bytes = new Uint8Array(size);
      this.words = new Uint32Array(this.bytes.buffer);
      this.ints = new Int32Array(this.bytes.buffer);
    }
    return this.bytes;
  }

  /**
   * Encodes `key` as UTF-8 at offset 0 and returns the byte length. `spare` extra bytes are kept free
   * after the key so that a caller can append, say, an int32 without growing the buffer.
   */
  encode(key: string, rule: LoneSurrogateRule = 'java', spare = 8): number {
    const n = key.length;
    const out = this.ensure(n * 3 + spare);
    // The native encoder first. One byte a UTF-16 unit means every unit was ASCII (any other unit, a lone
    // surrogate included, takes 2 or 3 bytes), so the bytes are right under both rules without a further check.
    const written = encoder.encodeInto(key, out).written;
    if (written === n || rule === 'whatwg') return written;
    // Well-formed strings: the same bytes under both rules.
    if (hasIsWellFormed && (key as string & { isWellFormed(): boolean }).isWellFormed()) return written;
    let p = 0;
    for (let i = 0; i < n; i++) {
      let c = key.charCodeAt(i);
      if (c < 0x80) {
        out[p++] = c;
      } else if (c < 0x800) {
        out[p++] = 0xc0 | (c >> 6);
        out[p++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        out[p++] = 0xe0 | (c >> 12);
        out[p++] = 0x80 | ((c >> 6) & 0x3f);
        out[p++] = 0x80 | (c & 0x3f);
      } else {
        const next = i + 1 < n ? key.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out[p++] = 0xf0 | (c >> 18);
          out[p++] = 0x80 | ((c >> 12) & 0x3f);
          out[p++] = 0x80 | ((c >> 6) & 0x3f);
          out[p++] = 0x80 | (c & 0x3f);
        } else if (rule === 'java') {
          out[p++] = 0x3f;
        } else {
          out[p++] = 0xef;
          out[p++] = 0xbf;
          out[p++] = 0xbd;
        }
      }
    }
    return p;
  }
}

/** Bytes `writeDecimal` may write: an int32's sign and ten digits. */
export const DECIMAL_INT32_BYTES = 11;

/**
 * Writes the int32 `value` in decimal ASCII at `offset`, as Java's `Integer.toString` (and so `key + value`)
 * spells it: a `-` for negatives, no leading zeros. Returns the offset after it. Appending it to a key's UTF-8
 * bytes gives the bytes of the concatenated string (digits are ASCII, so they never pair with a lone surrogate).
 *
 * @example
 *   const n = buffer.encode(key, 'java', 2 * DECIMAL_INT32_BYTES);
 *   const end = writeDecimal(buffer.bytes, n, attempt); // the UTF-8 of key + attempt
 */
export function writeDecimal(bytes: Uint8Array, offset: number, value: number): number {
  let v = value | 0;
  // -2^31 has no int32 negation: "-214748364" then "8".
  if (v === -2147483648) return writeDecimal(bytes, writeDecimal(bytes, offset, -214748364), 8);
  let p = offset;
  if (v < 0) {
    bytes[p++] = 0x2d;
    v = -v;
  }
  let digits = 1;
  for (let t = v; t >= 10; t = (t / 10) | 0) digits++;
  for (let i = p + digits - 1; i >= p; i--) {
    const q = (v / 10) | 0;
    bytes[i] = 0x30 + v - q * 10;
    v = q;
  }
  return p + digits;
}

/** Writes `value` as a little-endian int32 at `offset` (Guava's `putInt` byte order). */
export function writeInt32LE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value & 0xff;
  bytes[offset + 1] = (value >>> 8) & 0xff;
  bytes[offset + 2] = (value >>> 16) & 0xff;
  bytes[offset + 3] = (value >>> 24) & 0xff;
}

/** Encodes a whole string to a fresh array (not for hot paths). */
export function utf8Bytes(text: string, rule: LoneSurrogateRule = 'java'): Uint8Array {
  const buffer = new KeyBuffer(text.length * 3 + 8);
  const length = buffer.encode(text, rule, 0);
  return buffer.bytes.slice(0, length);
}
