import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur3String, murmur3x86_32, murmur3x86_32Words } from '../../src/hash/murmur3.js';
import { KeyBuffer, utf8Bytes } from '../../src/hash/utf8.js';
import { xxh32, xxh32Bytes, xxh64, xxh64Bytes } from '../../src/hash/xxhash.js';
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

describe('KeyBuffer (UTF-8)', () => {
  it('encodes well-formed strings exactly as Node does, under both rules', () => {
    const kb = new KeyBuffer(4);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const expected = Buffer.from(s, 'utf8');
        for (const rule of ['java', 'whatwg'] as const) {
          const n = kb.encode(s, rule);
          expect(Buffer.from(kb.bytes.subarray(0, n)).equals(expected)).toBe(true);
        }
      }),
    );
  });

  it('writes ? for a lone surrogate under the Java rule, U+FFFD under the WHATWG rule', () => {
    expect([...utf8Bytes('a\ud800b', 'java')]).toEqual([0x61, 0x3f, 0x62]);
    expect([...utf8Bytes('a\udc00', 'java')]).toEqual([0x61, 0x3f]);
    expect([...utf8Bytes('a\ud800b', 'whatwg')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect([...utf8Bytes('\ud83d\ude00', 'java')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });

  it('matches the Java rule on arbitrary UTF-16, including lone surrogates', () => {
    const kb = new KeyBuffer();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        // Reference: replace each lone surrogate by "?" and encode with Node.
        const fixed = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?');
        const n = kb.encode(s, 'java');
        expect(Buffer.from(kb.bytes.subarray(0, n)).equals(Buffer.from(fixed, 'utf8'))).toBe(true);
      }),
    );
  });
});

describe('xxhash', () => {
  it('gives the reference xxh32 / xxh64 values of the empty input', () => {
    expect(xxh32('')).toBe(0x02cc5d05);
    expect(xxh64('')).toBe(0xef46db3751d8e999n);
  });

  it('hashes strings as their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (s) => {
        const b = new Uint8Array(Buffer.from(s, 'utf8'));
        expect(xxh32(s)).toBe(xxh32Bytes(b));
        expect(xxh64(s)).toBe(xxh64Bytes(b));
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

describe('md5FirstWord (ketama key hash)', () => {
  it('equals the first little-endian word of node:crypto MD5 for every length and text', async () => {
    const { createHash } = await import('node:crypto');
    const { md5FirstWord } = await import('../../src/hash/md5-words.js');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const d = createHash('md5').update(s).digest();
        expect(md5FirstWord(s)).toBe(d.readUInt32LE(0));
      }),
      { numRuns: 2000 },
    );
    for (let n = 0; n < 200; n++) {
      const s = 'x'.repeat(n);
      expect(md5FirstWord(s)).toBe(createHash('md5').update(s).digest().readUInt32LE(0));
    }
  });
});

describe('xxh32Words (hot-path xxh32)', () => {
  it('equals xxhash-wasm for every length and seed', async () => {
    const { xxh32Words } = await import('../../src/hash/xxh32-words.js');
    const kb = new KeyBuffer(4);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.nat(), (s, seed) => {
        const n = kb.encode(s, 'whatwg');
        expect(xxh32Words(kb.ints, kb.bytes, n, seed)).toBe(xxh32(s, seed));
      }),
      { numRuns: 3000 },
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
