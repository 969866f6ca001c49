import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

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
