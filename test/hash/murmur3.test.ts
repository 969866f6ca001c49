import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Murmur3KeyInts, murmur3String, murmur3x86_32, murmur3x86_32Words } from '../../src/hash/murmur3.js';
import { KeyBuffer, utf8Bytes } from '../../src/hash/utf8.js';
import { AlluxioConsistentPlacement } from '../../src/ring/alluxio/consistent.js';

describe('murmur3x86_32', () => {
  it('passes the SMHasher verification (0xB0F57EE3)', () => {
    // SMHasher: hash key[0..i) (key[j] = j) with seed 256 - i for i in 0..255, then hash the 1024 bytes of results.
    const key = new Uint8Array(256);
    const hashes = new Uint8Array(1024);
    const view = new DataView(hashes.buffer);
    for (let i = 0; i < 256; i++) {
      key[i] = i;
      view.setInt32(i * 4, murmur3x86_32(key, 0, i, 256 - i), true);
    }
    expect(murmur3x86_32(hashes, 0, 1024, 0) >>> 0).toBe(0xb0f57ee3);
  });

  it('gives the well-known values of the empty input', () => {
    expect(murmur3x86_32(new Uint8Array(0), 0, 0, 0)).toBe(0);
    expect(murmur3x86_32(new Uint8Array(0), 0, 0, 1) >>> 0).toBe(0x514e28b7);
  });

  it('reproduces the key hashes of Alluxio ConsistentHashPolicyTest (reference §4.9)', () => {
    expect(AlluxioConsistentPlacement.keyHash('hdfs://a/b/c', 1)).toBe(-703751617);
    expect(AlluxioConsistentPlacement.keyHash('hdfs://a/b/c', 2)).toBe(905539328);
    expect(AlluxioConsistentPlacement.keyHash('hdfs://a/b/c', 3)).toBe(240819985);
  });

  it('hashes a range of a larger buffer the same as a copy of it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(8), fc.integer(), (bytes, pad, seed) => {
        const big = new Uint8Array(bytes.length + pad * 2);
        big.set(bytes, pad);
        expect(murmur3x86_32(big, pad, bytes.length, seed)).toBe(murmur3x86_32(bytes, 0, bytes.length, seed));
      }),
    );
  });
});

describe('murmur3x86_32Words', () => {
  it('equals the byte-wise hash for every length', () => {
    const kb = new KeyBuffer(8);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer(), (s, seed) => {
        const n = kb.encode(s, 'java');
        expect(murmur3x86_32Words(kb.words, kb.bytes, n, seed)).toBe(murmur3x86_32(kb.bytes, 0, n, seed));
      }),
    );
  });
});

describe('murmur3String', () => {
  it('hashes text as Guava hashString(UTF_8) does, Java rule for lone surrogates', () => {
    expect(murmur3String('')).toBe(0);
    // The Alluxio worked example: the key bytes followed by int32LE(1) equal the string plus "\u0001\0\0\0".
    expect(murmur3String('hdfs://a/b/c\u0001\u0000\u0000\u0000')).toBe(-703751617);
    expect(murmur3String('a\ud800')).toBe(murmur3String('a?'));
  });

  it('equals MurmurHash3 over the Java UTF-8 bytes for any text and seed (reused buffer, grown on demand)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer(), (text, seed) => {
        const bytes = utf8Bytes(text, 'java');
        expect(murmur3String(text, seed)).toBe(murmur3x86_32(bytes, 0, bytes.length, seed));
      }),
      { numRuns: 500 },
    );
  });
});

describe('Murmur3KeyInts', () => {
  it('hashes key + a and key + a + b as murmur3String of the concatenated string, for any key and int32s', () => {
    const hasher = new Murmur3KeyInts();
    const int32 = fc.integer({ min: -2147483648, max: 2147483647 });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300, size: 'max' }), int32, int32, int32, (key, a, b, c) => {
        hasher.setKey(key, a);
        expect(hasher.hash()).toBe(murmur3String(`${key}${a}`));
        expect(hasher.hashWith(b)).toBe(murmur3String(`${key}${a}${b}`));
        expect(hasher.hashWith(c)).toBe(murmur3String(`${key}${a}${c}`)); // the stem survives the first suffix
        expect(hasher.hash()).toBe(murmur3String(`${key}${a}`));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('keeps a lone surrogate at the end of the key as Java does (digits never pair with it)', () => {
    const hasher = new Murmur3KeyInts();
    hasher.setKey('k\ud800', 12);
    expect(hasher.hash()).toBe(murmur3String('k\ud80012'));
    expect(hasher.hash()).toBe(murmur3x86_32(utf8Bytes('k?12'), 0, 4));
  });
});
