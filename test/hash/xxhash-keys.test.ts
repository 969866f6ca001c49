import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBytes, encodeKey, hashEncodedKey, hashHigh, hashLow, xxh32Encoded } from '../../src/hash/xxhash-keys.js';
import { XXHASH_KEYS_WASM_BASE64 } from '../../src/hash/xxhash-keys-bytes.js';
import { xxh32, xxh32Bytes, xxh64 } from '../../src/hash/xxhash.js';

/** The hash of `key` with a 64-bit seed, read back from its two 32-bit halves. */
function viaHalves(key: string, seed = 0n): bigint {
  hashEncodedKey(encodeKey(key), Number(seed >> 32n), Number(seed & 0xffffffffn));
  return (BigInt(hashHigh() >>> 0) << 32n) | BigInt(hashLow() >>> 0);
}

function rawViaHalves(bytes: Uint8Array, seed: bigint): bigint {
  hashEncodedKey(encodeBytes(bytes), Number(seed >> 32n), Number(seed & 0xffffffffn));
  return (BigInt(hashHigh() >>> 0) << 32n) | BigInt(hashLow() >>> 0);
}

/** xxHash's sanity buffer (xxhsum): byteGen starts at PRIME32; byte i = byteGen >> 56, then byteGen *= PRIME64. */
function sanityBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let g = 2654435761n;
  for (let i = 0; i < length; i++) {
    out[i] = Number(g >> 56n);
    g = (g * 11400714785074694797n) & 0xffffffffffffffffn;
  }
  return out;
}

describe('xxh64 and xxh32 of keys (own WebAssembly; xxh64 as two 32-bit halves)', () => {
  it('gives the published xxh64 test vectors', () => {
    // Strings from the xxHash documentation and test suites.
    expect(viaHalves('')).toBe(0xef46db3751d8e999n);
    expect(viaHalves('a')).toBe(0xd24ec4f1a98c6e5bn);
    expect(viaHalves('abc')).toBe(0x44bc2cf5ad770999n);
    expect(viaHalves('Nobody inspects the spammish repetition')).toBe(0xfbcea83c8a378bf1n);
    // xxhsum's sanity checks over its generated buffer.
    const sanity = sanityBytes(222);
    const vectors: [number, bigint, bigint][] = [
      [1, 0n, 0xe934a84adb052768n],
      [1, 2654435761n, 0x5014607643a9b4c3n],
      [14, 0n, 0x8282dcc4994e35c8n],
      [14, 2654435761n, 0xc3bd6bf63deb6df0n],
      [222, 0n, 0xb641ae8cb691c174n],
      [222, 2654435761n, 0x20cb8ab7ae10c14an],
    ];
    for (const [length, seed, expected] of vectors) expect(rawViaHalves(sanity.subarray(0, length), seed)).toBe(expected);
  });

  it('equals xxhash-wasm for every length 0..300 and random 64-bit seeds', () => {
    fc.assert(
      fc.property(fc.nat({ max: 300 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.nat(), (length, seed, start) => {
        const key = Array.from({ length }, (_, i) => String.fromCharCode(32 + ((start + i * 7) % 95))).join('');
        expect(viaHalves(key, seed)).toBe(xxh64(key, seed));
      }),
      { seed: 16, numRuns: 1500 },
    );
    for (let length = 0; length <= 300; length++) {
      const key = 'k'.repeat(length);
      expect(viaHalves(key, BigInt(length))).toBe(xxh64(key, BigInt(length)));
    }
  });

  it('hashes the UTF-8 bytes of any string as xxhash-wasm does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.nat({ max: 99 }), (key, seed) => {
        expect(viaHalves(key, BigInt(seed))).toBe(xxh64(key, BigInt(seed)));
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it('grows its memory for a long key and keeps hashing right', () => {
    const long = 'é'.repeat(40_000); // 80,000 bytes: past the first 64 KiB page
    expect(viaHalves(long)).toBe(xxh64(long));
    expect(viaHalves('abc')).toBe(0x44bc2cf5ad770999n);
  });

  it('xxh32 equals xxhash-wasm for every length 0..300, any string and random seeds, and the published vectors', () => {
    expect(xxh32Encoded(encodeKey(''))).toBe(0x02cc5d05);
    expect(xxh32Encoded(encodeKey('a'))).toBe(0x550d7456);
    expect(xxh32Encoded(encodeKey('abc'))).toBe(0x32d153ff);
    const sanity = sanityBytes(222);
    for (let length = 0; length <= 222; length++) {
      expect(xxh32Encoded(encodeBytes(sanity.subarray(0, length)), 2654435761)).toBe(xxh32Bytes(sanity.subarray(0, length), 2654435761));
    }
    for (let length = 0; length <= 300; length++) expect(xxh32Encoded(encodeKey('k'.repeat(length)), length)).toBe(xxh32('k'.repeat(length), length));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.nat(), (key, seed) => {
        expect(xxh32Encoded(encodeKey(key), seed)).toBe(xxh32(key, seed));
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it('is the module src/hash/xxhash-keys.wat assembles to', async () => {
    // @ts-expect-error: a plain JavaScript script
    const { assembleWat } = await import('../../scripts/build-wasm.mjs');
    const bytes = Buffer.from((await assembleWat('src/hash/xxhash-keys.wat')) as Uint8Array);
    expect(bytes.toString('base64')).toBe(XXHASH_KEYS_WASM_BASE64);
  });
});
