import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32c } from '../../src/hash/crc32c.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('crc32c', () => {
  it('matches the published check values (RFC 3720 B.4, the "123456789" check)', () => {
    expect(crc32c(bytes('123456789')) >>> 0).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32)) >>> 0).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff)) >>> 0).toBe(0x62a8ab43);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i)) >>> 0).toBe(0x46dd794e);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('returns a signed int32, as Guava asInt() does', () => {
    expect(crc32c(bytes('123456789'))).toBe(0xe3069283 | 0);
  });

  it('reads only the first `length` bytes of a reused buffer (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 16 }), (data, junk) => {
        const buf = new Uint8Array(data.length + junk.length);
        buf.set(data);
        buf.set(junk, data.length);
        expect(crc32c(buf, data.length)).toBe(crc32c(data));
      }),
      { seed: 32, numRuns: 200 },
    );
  });
});
