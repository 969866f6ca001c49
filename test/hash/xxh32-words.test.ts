import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyBuffer } from '../../src/hash/utf8.js';
import { xxh32 } from '../../src/hash/xxhash.js';

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
