import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex } from '../../src/hash/sha256.js';

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sha256', () => {
  it('gives the FIPS 180-4 example digests (NIST CSRC examples: "abc", the 448-bit message, the empty string)', () => {
    expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto at every padding boundary (lengths 0-200: one, two and three blocks)', () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i * 131 + 7) & 0xff);
    for (let n = 0; n <= 200; n++) expect(sha256Hex(bytes.subarray(0, n)), `length ${n}`).toBe(nodeSha256(bytes.subarray(0, n)));
  });

  it('agrees with node:crypto on random inputs, and returns 32 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        expect(sha256(bytes).length).toBe(32);
        expect(sha256Hex(bytes)).toBe(nodeSha256(bytes));
      }),
      { seed: 30, numRuns: 300 },
    );
  });
});
