/**
 * MurmurHash3 x86_32 (Austin Appleby, SMHasher), byte-exact with Guava's `Hashing.murmur3_32_fixed(seed)`
 * over the same bytes. The result is a signed int32, as Guava's `HashCode.asInt()` reads it.
 *
 * Allocation-free: it hashes a range of a caller's buffer.
 */

import { fmix32 } from '../core/mix.js';
import { DECIMAL_INT32_BYTES, KeyBuffer, writeDecimal } from './utf8.js';
import { LITTLE_ENDIAN } from './endian.js';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Hashes `bytes[offset, offset + length)` with `seed`; returns a signed int32. */
export function murmur3x86_32(bytes: Uint8Array, offset: number, length: number, seed = 0): number {
  let h1 = seed | 0;
  const blocksEnd = offset + (length & ~3);
  let i = offset;
  for (; i < blocksEnd; i += 4) h1 = mixBlock(h1, bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
  return finish(h1, bytes, i, length);
}

/**
 * The same hash of `bytes[0, length)`, reading whole blocks through `words`, a Uint32Array over the same
 * memory (as `KeyBuffer` keeps): one load a block instead of four. Falls back to the byte loop on
 * big-endian platforms.
 */
export function murmur3x86_32Words(words: Uint32Array | Int32Array, bytes: Uint8Array, length: number, seed = 0): number {
  if (!LITTLE_ENDIAN) return murmur3x86_32(bytes, 0, length, seed);
  let h1 = seed | 0;
  const blocks = length >>> 2;
  for (let b = 0; b < blocks; b++) h1 = mixBlock(h1, words[b]);
  return finish(h1, bytes, blocks << 2, length);
}

/** One 4-byte block into the running hash. */
function mixK(k1: number): number {
  k1 = Math.imul(k1, C1);
  k1 = (k1 << 15) | (k1 >>> 17);
  return Math.imul(k1, C2);
}

function mixBlock(h1: number, block: number): number {
  h1 ^= mixK(block);
  h1 = (h1 << 13) | (h1 >>> 19);
  return (Math.imul(h1, 5) + 0xe6546b64) | 0;
}

/** The 0–3 tail bytes from `i`, the length, and the finaliser. */
function finish(h1: number, bytes: Uint8Array, i: number, length: number): number {
  const tail = length & 3;
  if (tail !== 0) {
    let k1 = 0;
    if (tail === 3) k1 ^= bytes[i + 2] << 16;
    if (tail >= 2) k1 ^= bytes[i + 1] << 8;
    k1 ^= bytes[i];
    h1 ^= mixK(k1);
  }
  return fmix32(h1 ^ length);
}

export { fmix32 };

/** Guava `Hashing.murmur3_32_fixed(seed).hashString(text, UTF_8).asInt()`: MurmurHash3 x86_32 of the UTF-8 bytes
 * (Java's `?` for lone surrogates), signed. Allocation-free: the text is encoded into a reused buffer. */
const stringBuffer = new KeyBuffer();

export function murmur3String(text: string, seed = 0): number {
  const n = stringBuffer.encode(text, 'java', 0);
  return murmur3x86_32Words(stringBuffer.ints, stringBuffer.bytes, n, seed);
}

/**
 * Guava murmur3_32 (seed 0) of `key + first` and `key + first + second`, the strings Java builds by concatenating
 * a key and ints (Alluxio's KETAMA, JUMP, MAGLEV and MULTI_PROBE policies hash keys so), without building them:
 * the key is encoded once into a reused buffer (Java's `?` for lone surrogates) and each int's decimal digits are
 * written after it.
 *
 * @example
 *   const hasher = new Murmur3KeyInts();
 *   hasher.setKey('s3://a/b', 1);
 *   hasher.hash(); // = murmur3String('s3://a/b1')
 *   hasher.hashWith(-559038737); // = murmur3String('s3://a/b1-559038737')
 */
export class Murmur3KeyInts {
  private readonly buffer = new KeyBuffer();
  /** Bytes of key + first. */
  private stem = 0;

  /** Encodes `key + first` (room is kept for one more int). */
  setKey(key: string, first: number): void {
    const length = this.buffer.encode(key, 'java', 2 * DECIMAL_INT32_BYTES); // first: encoding may grow the buffer
    this.stem = writeDecimal(this.buffer.bytes, length, first);
  }

  /** The hash of `key + first`. */
  hash(): number {
    return murmur3x86_32Words(this.buffer.ints, this.buffer.bytes, this.stem);
  }

  /** The hash of `key + first + second` (the key stays set: call again with another `second`). */
  hashWith(second: number): number {
    return murmur3x86_32Words(this.buffer.ints, this.buffer.bytes, writeDecimal(this.buffer.bytes, this.stem, second));
  }
}
