import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUAVA_JUMP_GOLDEN } from './guava-jump-golden.js';
import { JUMP_KEYS_MAX_BUCKETS, jumpEncodedKey, jumpHash64 } from '../../src/ring/jump-keys.js';
import { JUMP_KEYS_WASM_BASE64 } from '../../src/ring/jump-keys-bytes.js';
import { jumpConsistentHash, jumpConsistentHash32 } from '../../src/ring/jump.js';
import { encodeKey } from '../../src/hash/xxhash-keys.js';
import { xxh64 } from '../../src/hash/xxhash.js';

const MASK = 2n ** 64n - 1n;
const M = 2862933555777941757n;
const halves = (key: bigint): [number, number] => [Number(key >> 32n) | 0, Number(key & 0xffffffffn) | 0];
const viaModule = (key: bigint, buckets: number) => jumpHash64(...halves(key), buckets);

describe('jumpHash64: Guava consistentHash in one WebAssembly call', () => {
  it("reproduces Guava's golden values (HashingTest)", () => {
    for (const [key, buckets, bucket] of GUAVA_JUMP_GOLDEN) expect(viaModule(key, buckets)).toBe(bucket);
  });

  it('equals the BigInt reference for every 64-bit key and bucket count up to 2^21', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MASK }),
        fc.oneof(
          fc.integer({ min: 1, max: JUMP_KEYS_MAX_BUCKETS }),
          fc.integer({ min: 1, max: 64 }),
          fc.constantFrom(JUMP_KEYS_MAX_BUCKETS, JUMP_KEYS_MAX_BUCKETS - 1),
        ),
        (key, n) => {
          expect(viaModule(key, n)).toBe(jumpConsistentHash(key, n));
        },
      ),
      { seed: 21, numRuns: 2000 },
    );
  });

  it('equals the reference where a step divides exactly (r a power of two, or 2^31) and just beside it', () => {
    // M's inverse mod 2^64 (Newton's iteration for odd numbers): the key whose first LCG step gives a chosen r.
    let inverse = M;
    for (let i = 0; i < 6; i++) inverse = (inverse * (2n - M * inverse)) & MASK;
    const keyForFirstR = (r: bigint, low: bigint) => (((((r - 1n) << 33n) | low) - 1n) * inverse) & MASK;
    for (let k = 0n; k <= 31n; k++) {
      for (const r of [2n ** k, 2n ** k + 1n, 2n ** k - 1n, 3n * 2n ** k].filter((x) => x >= 1n && x <= 2n ** 31n)) {
        for (const low of [0n, 1n, 0x1ffffffffn, 0x123456789n]) {
          const key = keyForFirstR(r, low);
          for (const n of [1, 2, 3, 7, 1000, 65536, JUMP_KEYS_MAX_BUCKETS - 1, JUMP_KEYS_MAX_BUCKETS]) {
            expect(viaModule(key, n)).toBe(jumpConsistentHash(key, n));
          }
        }
      }
    }
  });
});

describe('jumpHash64: whole quotients that the reciprocal puts just below themselves', () => {
  // Quotients are whole only when r divides (candidate + 1) * 2^31; in the first step (candidate + 1 = 1) only
  // powers of two do, whose reciprocals are exact. So each key is built backwards from a second state whose r
  // makes a whole quotient that (candidate + 1) * (2^31 / r) misses by a hair, trying the state's low bits until
  // the first state's quotient gives the candidate wanted. (Found by search: 71 such (candidate + 1, r) pairs with
  // candidate + 1 <= 160 and a quotient below 2^21; three are here.)
  let inverse = M;
  for (let i = 0; i < 6; i++) inverse = (inverse * (2n - M * inverse)) & MASK;
  const keyFor = (c1: number, r2: bigint): bigint => {
    for (let low = 0n; ; low++) {
      const state1 = (((((r2 - 1n) << 33n) | low) - 1n) * inverse) & MASK;
      if (Math.floor(2 ** 31 / (Number(state1 >> 33n) + 1)) === c1 - 1) return ((state1 - 1n) * inverse) & MASK;
    }
  };
  const cases: [number, bigint, number][] = [
    [49, 49n * 2n ** 11n, 2 ** 20],
    [49, 49n * 2n ** 25n, 64],
    [103, 103n * 2n ** 24n, 128],
  ];
  for (const [c1, r2, whole] of cases) {
    it(`candidate + 1 = ${c1}, then r = ${r2}: the quotient is ${whole}, as Guava has it`, () => {
      const key = keyFor(c1, r2);
      expect(c1 * (2 ** 31 / Number(r2))).toBeLessThan(whole); // the reciprocal's product, one short once truncated
      for (const n of [whole + 1, whole + 2, 1000, 65537, JUMP_KEYS_MAX_BUCKETS].filter((x) => x > whole)) {
        expect(jumpConsistentHash(key, n)).toBeGreaterThanOrEqual(whole);
        expect(viaModule(key, n)).toBe(jumpConsistentHash(key, n));
        expect(jumpConsistentHash32(...halves(key), n)).toBe(jumpConsistentHash(key, n));
      }
    });
  }
});

describe('jumpEncodedKey: xxh64 of the encoded key, then the loop', () => {
  it('equals jumpConsistentHash(xxh64(key, seed)) for random keys, seeds and bucket counts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 150 }), fc.nat(), fc.integer({ min: 1, max: JUMP_KEYS_MAX_BUCKETS }), (key, seed, n) => {
        expect(jumpEncodedKey(encodeKey(key), seed, n)).toBe(jumpConsistentHash(xxh64(key, BigInt(seed)), n));
      }),
      { seed: 21, numRuns: 1000 },
    );
  });

  it('is the module src/ring/jump-keys.wat assembles to', async () => {
    // @ts-expect-error: a plain JavaScript script
    const { assembleWat } = await import('../../scripts/build-wasm.mjs');
    const bytes = Buffer.from((await assembleWat('src/ring/jump-keys.wat')) as Uint8Array);
    expect(bytes.toString('base64')).toBe(JUMP_KEYS_WASM_BASE64);
  });
});
