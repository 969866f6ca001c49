import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/membership/base64.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('base64 (RFC 4648 §4)', () => {
  it('matches the RFC 4648 §10 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, coded] of vectors) {
      expect(encodeBase64(bytes(plain))).toBe(coded);
      expect(decodeBase64(coded)).toEqual(bytes(plain));
    }
  });

  it('uses + and / (not the URL alphabet)', () => {
    expect(encodeBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });

  it('refuses anything but strict padded base64', () => {
    for (const t of ['Zg', 'Zg=', 'Z===', 'Zm9v!A==', '-_8=', 'Zg==Zg==', 'Zm9\u00e9']) expect(decodeBase64(t)).toBeNull();
  });

  it('round-trips every byte string (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        const coded = encodeBase64(b);
        expect(coded).toBe(Buffer.from(b).toString('base64'));
        expect(decodeBase64(coded)).toEqual(b);
      }),
      { seed: 64, numRuns: 300 },
    );
  });
});

describe('base64: round trips and refusals', () => {
  it("round-trips any bytes and equals Node's encoder (seeded)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes): void => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('rejects what is not padded standard base64', () => {
    for (const bad of ['abc', 'ab=c', 'a===', '@@@@', 'YQ==YQ==', 'é===']) expect(decodeBase64(bad)).toBeNull();
  });
});
