/**
 * SHA-256 (NIST FIPS 180-4, "Secure Hash Standard", §6.2), pure TypeScript so that the library hashes the same
 * in a browser as in Node (no `node:crypto` below `src/cli`). Used for Alluxio's file ids, which are the SHA-256
 * of a URI string: once a file, so a page-store replay with several directories hashes as many paths as it reads
 * files. `Sha256` digests into a state it keeps and pads in a block buffer it reuses (no allocation a digest);
 * `sha256` and `sha256Hex` wrap it for one-off use.
 *
 * @example
 *   sha256Hex(utf8Bytes('abc')); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 *   const h = new Sha256();
 *   h.digest(bytes, bytes.length); // h.state: the eight big-endian digest words, signed
 */

/** The round constants K (FIPS 180-4 §4.2.2): the first 32 bits of the cube roots' fractions of the first 64 primes. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The initial hash value H(0) (FIPS 180-4 §5.3.3). */
const H0 = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** Lowercase hex digits as ASCII bytes. */
const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

/** A SHA-256 hasher that reuses its state, message schedule and padding block between digests. */
export class Sha256 {
  /** The digest of the last `digest` call: eight 32-bit words, big-endian order of the 32 bytes, signed. */
  readonly state = new Int32Array(8);
  private readonly w = new Int32Array(64);
  /** The last one or two blocks: the message's tail, the 1 bit, zeros and the bit length (FIPS 180-4 §5.1.1). */
  private readonly tail = new Uint8Array(128);

  /** Digests `bytes[0, length)` into `state`. */
  digest(bytes: Uint8Array, length: number): Int32Array {
    const state = this.state;
    state.set(H0);
    const whole = length & ~63;
    for (let offset = 0; offset < whole; offset += 64) this.compress(bytes, offset);
    const rest = length - whole;
    const tail = this.tail;
    const blocks = rest + 9 <= 64 ? 64 : 128;
    tail.fill(0, rest, blocks);
    for (let i = 0; i < rest; i++) tail[i] = bytes[whole + i];
    tail[rest] = 0x80;
    const bits = length * 8; // exact below 2^53
    const high = Math.floor(bits / 0x100000000);
    const low = bits >>> 0;
    tail[blocks - 8] = high >>> 24;
    tail[blocks - 7] = (high >>> 16) & 0xff;
    tail[blocks - 6] = (high >>> 8) & 0xff;
    tail[blocks - 5] = high & 0xff;
    tail[blocks - 4] = low >>> 24;
    tail[blocks - 3] = (low >>> 16) & 0xff;
    tail[blocks - 2] = (low >>> 8) & 0xff;
    tail[blocks - 1] = low & 0xff;
    this.compress(tail, 0);
    if (blocks === 128) this.compress(tail, 64);
    return state;
  }

  /** Writes the last digest as 64 lowercase hex digits (ASCII) into `out` from `offset`. */
  writeHex(out: Uint8Array, offset: number): void {
    const state = this.state;
    for (let i = 0; i < 8; i++) {
      const word = state[i];
      for (let n = 0; n < 8; n++) out[offset + i * 8 + n] = HEX[(word >>> (28 - 4 * n)) & 15];
    }
  }

  /** One 512-bit block into the state (FIPS 180-4 §6.2.2). */
  private compress(block: Uint8Array, offset: number): void {
    const W = this.w;
    for (let t = 0; t < 16; t++) {
      const i = offset + t * 4;
      W[t] = (block[i] << 24) | (block[i + 1] << 16) | (block[i + 2] << 8) | block[i + 3];
    }
    for (let t = 16; t < 64; t++) {
      const w15 = W[t - 15];
      const w2 = W[t - 2];
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
    }
    const state = this.state;
    let a = state[0];
    let b = state[1];
    let c = state[2];
    let d = state[3];
    let e = state[4];
    let f = state[5];
    let g = state[6];
    let h = state[7];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}

const shared = new Sha256();

/** The 32-byte SHA-256 digest of `bytes`. */
export function sha256(bytes: Uint8Array): Uint8Array {
  const state = shared.digest(bytes, bytes.length);
  const digest = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i];
    digest[i * 4] = word >>> 24;
    digest[i * 4 + 1] = (word >>> 16) & 0xff;
    digest[i * 4 + 2] = (word >>> 8) & 0xff;
    digest[i * 4 + 3] = word & 0xff;
  }
  return digest;
}

/** The digest as 64 lowercase hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  shared.digest(bytes, bytes.length);
  const hex = new Uint8Array(64);
  shared.writeHex(hex, 0);
  return String.fromCharCode(...hex);
}
