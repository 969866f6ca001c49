import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyBuffer, utf8Bytes } from '../../src/hash/utf8.js';

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
