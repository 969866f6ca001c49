/**
 * xxh32 (Yann Collet's xxHash, 32-bit) of a key already encoded in a KeyBuffer, reading 32-bit words in place:
 * the hot-path twin of xxhash-wasm's `h32`, which pays a copy into WebAssembly memory and a call on every key.
 * Tested equal to xxhash-wasm for every length and seed.
 */
import { xxh32Bytes } from './xxhash.js';
import { LITTLE_ENDIAN } from './endian.js';

const P1 = 0x9e3779b1 | 0;
const P2 = 0x85ebca77 | 0;
const P3 = 0xc2b2ae3d | 0;
const P4 = 0x27d4eb2f | 0;
const P5 = 0x165667b1 | 0;

function round(acc: number, input: number): number {
  acc = (acc + Math.imul(input, P2)) | 0;
  acc = (acc << 13) | (acc >>> 19);
  return Math.imul(acc, P1);
}

/** xxh32 of `bytes[0, length)` (`ints` is the same memory as int32 words); unsigned result. */
export function xxh32Words(ints: Int32Array, bytes: Uint8Array, length: number, seed = 0): number {
  if (!LITTLE_ENDIAN) return xxh32Bytes(bytes.subarray(0, length), seed);
  let h: number;
  let i = 0;
  if (length >= 16) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    const limit = length - 16;
    for (; i <= limit; i += 16) {
      const w = i >>> 2;
      v1 = round(v1, ints[w]);
      v2 = round(v2, ints[w + 1]);
      v3 = round(v3, ints[w + 2]);
      v4 = round(v4, ints[w + 3]);
    }
    h = (((v1 << 1) | (v1 >>> 31)) + ((v2 << 7) | (v2 >>> 25)) + ((v3 << 12) | (v3 >>> 20)) + ((v4 << 18) | (v4 >>> 14))) | 0;
  } else {
    h = (seed + P5) | 0;
  }
  h = (h + length) | 0;
  for (; i + 4 <= length; i += 4) {
    h = (h + Math.imul(ints[i >>> 2], P3)) | 0;
    h = Math.imul((h << 17) | (h >>> 15), P4);
  }
  for (; i < length; i++) {
    h = (h + Math.imul(bytes[i], P5)) | 0;
    h = Math.imul((h << 11) | (h >>> 21), P1);
  }
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}
