import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_INT32_BYTES, KeyBuffer, utf8Bytes, writeDecimal } from '../../src/hash/utf8.js';

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

describe('writeDecimal', () => {
  it("writes an int32 as Java's Integer.toString does, the extremes included", () => {
    const out = new Uint8Array(DECIMAL_INT32_BYTES + 3);
    for (const v of [0, 7, 10, 99, 100, -1, -10, 2147483647, -2147483648, -559038737, 1000000000]) {
      const end = writeDecimal(out, 3, v);
      expect(new TextDecoder().decode(out.subarray(3, end))).toBe(String(v));
    }
    fc.assert(
      fc.property(fc.integer({ min: -2147483648, max: 2147483647 }), (v) => {
        const end = writeDecimal(out, 0, v);
        expect(end).toBeLessThanOrEqual(DECIMAL_INT32_BYTES);
        expect(new TextDecoder().decode(out.subarray(0, end))).toBe(String(v));
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('fits two of the longest decimals in the spare bytes a key was encoded with', () => {
    const buffer = new KeyBuffer(28);
    const n = buffer.encode('中文', 'java', 2 * DECIMAL_INT32_BYTES); // 6 bytes + 22 spare: no growth
    expect(buffer.bytes.length).toBe(28);
    const end = writeDecimal(buffer.bytes, writeDecimal(buffer.bytes, n, -2147483648), -2147483648);
    expect(end).toBe(28);
    expect(new TextDecoder().decode(buffer.bytes)).toBe('中文-2147483648-2147483648');
  });

  it('after a key encoded by KeyBuffer gives the UTF-8 of key + value, lone surrogates and buffer growth included', () => {
    const buffer = new KeyBuffer(16);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400, size: 'max' }),
        fc.integer({ min: -2147483648, max: 2147483647 }),
        fc.integer({ min: 0, max: 50 }),
        (key, a, b) => {
          const n = buffer.encode(key, 'java', 2 * DECIMAL_INT32_BYTES);
          const end = writeDecimal(buffer.bytes, writeDecimal(buffer.bytes, n, a), b);
          expect([...buffer.bytes.subarray(0, end)]).toEqual([...utf8Bytes(`${key}${a}${b}`, 'java')]);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
