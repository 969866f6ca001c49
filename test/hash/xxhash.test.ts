import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xxh32, xxh32Bytes, xxh64, xxh64Bytes } from '../../src/hash/xxhash.js';

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
