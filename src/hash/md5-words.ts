/**
 * MD5 (RFC 1321) in a reused buffer. `md5FirstWord` returns the first 32-bit word of the digest: what
 * libketama's `ketama_hashi` reads (the first four digest bytes, little-endian). Allocation-free and unrolled
 * (the 64 steps written out, generated from the RFC's tables), for ketama lookups; tested equal to node:crypto's
 * MD5 on every length up to 300 bytes and on random text.
 *
 * Each step adds F(b, c, d) last, as `F + (a + K + w)`: the sum in parentheses does not wait for the previous
 * step's `b`, so the chain from one step to the next is F, one add, the rotation and one add. Written left to
 * right (`a + F + K + w`) the chain has three adds after F, and a lookup took about 10 % longer. The round
 * functions are written so that the fresh `b` enters last, for the same reason: F as d ^ (b & (c ^ d)) (two
 * operations after b, not three), G as (b & d) + (c & ~d) with c & ~d added to the sum that does not wait for b
 * (the two terms share no bit, so + is |), H as b ^ (c ^ d). About 10 % faster again (ketama lookups).
 */
import { KeyBuffer } from './utf8.js';
import { LITTLE_ENDIAN } from './endian.js';

const buffer = new KeyBuffer(256);
const words = new Int32Array(64);
/** The digest of the last call, as four little-endian int32 words. */
const state = new Int32Array(4);

/** The first little-endian uint32 of MD5(UTF-8(text)) (lone surrogates as U+FFFD, as Node encodes). */
export function md5FirstWord(text: string): number {
  md5Buffered(buffer.encode(text, 'whatwg', 72));
  return state[0] >>> 0;
}

/**
 * The 16-byte MD5 digest of `input`: a string's UTF-8 bytes (lone surrogates as U+FFFD, as Node encodes) or the
 * bytes themselves. Allocates the result only; used where compatibility needs MD5 (libketama's continuum,
 * Alluxio's name-based UUIDs).
 *
 * @example md5('') // d41d8cd98f00b204e9800998ecf8427e
 */
export function md5(input: string | Uint8Array): Uint8Array {
  let len: number;
  if (typeof input === 'string') len = buffer.encode(input, 'whatwg', 72);
  else {
    buffer.ensure(input.length + 72).set(input);
    len = input.length;
  }
  md5Buffered(len);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (state[i >>> 2] >>> ((i & 3) * 8)) & 0xff;
  return out;
}

/**
 * Pads the first `len` bytes of the buffer as MD5 does: 0x80, zeros, then the bit length (64-bit little-endian)
 * at the end of the last 64-byte block. Returns the padded length in bytes.
 */
function pad(len: number): number {
  const total = ((len + 8) >>> 6) * 64 + 64;
  buffer.ensure(total);
  const bytes = buffer.bytes;
  bytes[len] = 0x80;
  // Zeros up to the end of the last block: bytes to the next word boundary, then whole words.
  let z = len + 1;
  while ((z & 3) !== 0) bytes[z++] = 0;
  const ints = buffer.ints;
  for (let q = z >>> 2, end = total >>> 2; q < end; q++) ints[q] = 0;
  const bits = len * 8;
  bytes[total - 8] = bits & 0xff;
  bytes[total - 7] = (bits >>> 8) & 0xff;
  bytes[total - 6] = (bits >>> 16) & 0xff;
  bytes[total - 5] = (bits >>> 24) & 0xff;
  return total;
}

/** The padded message as little-endian int32 words: the buffer itself on little-endian machines. */
function messageWords(total: number): Int32Array {
  if (LITTLE_ENDIAN) return buffer.ints;
  const bytes = buffer.bytes;
  const w = words.length >= total >>> 2 ? words : new Int32Array(total >>> 2);
  for (let i = 0; i < total >>> 2; i++) w[i] = bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24);
  return w;
}

/** MD5 of the first `len` bytes of the buffer into `state`; the buffer has room for the padding. */
function md5Buffered(len: number): void {
  const total = pad(len);
  const w = messageWords(total);
  let a0 = 0x67452301,
    b0 = -271733879,
    c0 = -1732584194,
    d0 = 0x10325476;
  for (let o = 0; o < total >>> 2; o += 16) {
    let a = a0,
      b = b0,
      c = c0,
      d = d0,
      t: number;
    t = ((d ^ (b & (c ^ d))) + (a + -680876936 + w[o + 0])) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = ((c ^ (a & (b ^ c))) + (d + -389564586 + w[o + 1])) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = ((b ^ (d & (a ^ b))) + (c + 606105819 + w[o + 2])) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = ((a ^ (c & (d ^ a))) + (b + -1044525330 + w[o + 3])) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = ((d ^ (b & (c ^ d))) + (a + -176418897 + w[o + 4])) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = ((c ^ (a & (b ^ c))) + (d + 1200080426 + w[o + 5])) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = ((b ^ (d & (a ^ b))) + (c + -1473231341 + w[o + 6])) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = ((a ^ (c & (d ^ a))) + (b + -45705983 + w[o + 7])) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = ((d ^ (b & (c ^ d))) + (a + 1770035416 + w[o + 8])) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = ((c ^ (a & (b ^ c))) + (d + -1958414417 + w[o + 9])) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = ((b ^ (d & (a ^ b))) + (c + -42063 + w[o + 10])) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = ((a ^ (c & (d ^ a))) + (b + -1990404162 + w[o + 11])) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = ((d ^ (b & (c ^ d))) + (a + 1804603682 + w[o + 12])) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = ((c ^ (a & (b ^ c))) + (d + -40341101 + w[o + 13])) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = ((b ^ (d & (a ^ b))) + (c + -1502002290 + w[o + 14])) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = ((a ^ (c & (d ^ a))) + (b + 1236535329 + w[o + 15])) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = ((b & d) + ((c & ~d) + (a + -165796510 + w[o + 1]))) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = ((a & c) + ((b & ~c) + (d + -1069501632 + w[o + 6]))) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = ((d & b) + ((a & ~b) + (c + 643717713 + w[o + 11]))) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = ((c & a) + ((d & ~a) + (b + -373897302 + w[o + 0]))) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = ((b & d) + ((c & ~d) + (a + -701558691 + w[o + 5]))) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = ((a & c) + ((b & ~c) + (d + 38016083 + w[o + 10]))) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = ((d & b) + ((a & ~b) + (c + -660478335 + w[o + 15]))) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = ((c & a) + ((d & ~a) + (b + -405537848 + w[o + 4]))) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = ((b & d) + ((c & ~d) + (a + 568446438 + w[o + 9]))) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = ((a & c) + ((b & ~c) + (d + -1019803690 + w[o + 14]))) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = ((d & b) + ((a & ~b) + (c + -187363961 + w[o + 3]))) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = ((c & a) + ((d & ~a) + (b + 1163531501 + w[o + 8]))) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = ((b & d) + ((c & ~d) + (a + -1444681467 + w[o + 13]))) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = ((a & c) + ((b & ~c) + (d + -51403784 + w[o + 2]))) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = ((d & b) + ((a & ~b) + (c + 1735328473 + w[o + 7]))) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = ((c & a) + ((d & ~a) + (b + -1926607734 + w[o + 12]))) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = ((b ^ (c ^ d)) + (a + -378558 + w[o + 5])) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = ((a ^ (b ^ c)) + (d + -2022574463 + w[o + 8])) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = ((d ^ (a ^ b)) + (c + 1839030562 + w[o + 11])) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = ((c ^ (d ^ a)) + (b + -35309556 + w[o + 14])) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = ((b ^ (c ^ d)) + (a + -1530992060 + w[o + 1])) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = ((a ^ (b ^ c)) + (d + 1272893353 + w[o + 4])) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = ((d ^ (a ^ b)) + (c + -155497632 + w[o + 7])) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = ((c ^ (d ^ a)) + (b + -1094730640 + w[o + 10])) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = ((b ^ (c ^ d)) + (a + 681279174 + w[o + 13])) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = ((a ^ (b ^ c)) + (d + -358537222 + w[o + 0])) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = ((d ^ (a ^ b)) + (c + -722521979 + w[o + 3])) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = ((c ^ (d ^ a)) + (b + 76029189 + w[o + 6])) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = ((b ^ (c ^ d)) + (a + -640364487 + w[o + 9])) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = ((a ^ (b ^ c)) + (d + -421815835 + w[o + 12])) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = ((d ^ (a ^ b)) + (c + 530742520 + w[o + 15])) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = ((c ^ (d ^ a)) + (b + -995338651 + w[o + 2])) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = ((c ^ (b | ~d)) + (a + -198630844 + w[o + 0])) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = ((b ^ (a | ~c)) + (d + 1126891415 + w[o + 7])) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = ((a ^ (d | ~b)) + (c + -1416354905 + w[o + 14])) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = ((d ^ (c | ~a)) + (b + -57434055 + w[o + 5])) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = ((c ^ (b | ~d)) + (a + 1700485571 + w[o + 12])) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = ((b ^ (a | ~c)) + (d + -1894986606 + w[o + 3])) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = ((a ^ (d | ~b)) + (c + -1051523 + w[o + 10])) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = ((d ^ (c | ~a)) + (b + -2054922799 + w[o + 1])) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = ((c ^ (b | ~d)) + (a + 1873313359 + w[o + 8])) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = ((b ^ (a | ~c)) + (d + -30611744 + w[o + 15])) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = ((a ^ (d | ~b)) + (c + -1560198380 + w[o + 6])) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = ((d ^ (c | ~a)) + (b + 1309151649 + w[o + 13])) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = ((c ^ (b | ~d)) + (a + -145523070 + w[o + 4])) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = ((b ^ (a | ~c)) + (d + -1120210379 + w[o + 11])) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = ((a ^ (d | ~b)) + (c + 718787259 + w[o + 2])) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = ((d ^ (c | ~a)) + (b + -343485551 + w[o + 9])) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  state[0] = a0;
  state[1] = b0;
  state[2] = c0;
  state[3] = d0;
}
