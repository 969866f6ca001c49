import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUAVA_JUMP_GOLDEN } from './guava-jump-golden.js';
import { JumpPlacement, jumpConsistentHash, jumpConsistentHash32 } from '../../src/ring/jump.js';
import { lcgNext, lcgSeed } from '../../src/ring/jump-lcg.js';
import { paperJump } from './paper-jump.js';
import { createPlacement } from '../../src/ring/registry.js';
import { moves } from './moves.js';
import { xxh64 } from '../../src/hash/xxhash.js';

describe('jumpConsistentHash (Guava Hashing.consistentHash)', () => {
  it("reproduces Guava's golden values (HashingTest)", () => {
    for (const [key, buckets, bucket] of GUAVA_JUMP_GOLDEN) expect(jumpConsistentHash(key, buckets)).toBe(bucket);
  });

  it('reads keys as unsigned 64-bit: a negative Java long and its unsigned value agree', () => {
    expect(jumpConsistentHash(-1n, 1000)).toBe(jumpConsistentHash(2n ** 64n - 1n, 1000));
    expect(jumpConsistentHash(0x9999999999999999n, 5555)).toBe(jumpConsistentHash(BigInt.asIntN(64, 0x9999999999999999n), 5555));
  });

  it('the BigInt-free fast path equals the reference for every 64-bit key', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.integer({ min: 1, max: 2147483647 }), (key, n) => {
        const hi = Number(key >> 32n);
        const lo = Number(key & 0xffffffffn);
        expect(jumpConsistentHash32(hi, lo, n)).toBe(jumpConsistentHash(key, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('the LCG step on 32-bit halves equals the 64-bit step, including the carry of the +1 into the high half', () => {
    const M = 2862933555777941757n;
    const MASK = 2n ** 64n - 1n;
    // The inverse of M's low half mod 2^32 (Newton's iteration for odd numbers), to build the one low half
    // whose product with M's low half is 2^32 - 1: there the +1 carries into the high half (chance 2^-32 a step).
    const mLo = M & 0xffffffffn;
    let inv = mLo;
    for (let i = 0; i < 5; i++) inv = (inv * (2n - mLo * inv)) & 0xffffffffn;
    const carryLo = ((2n ** 32n - 1n) * inv) & 0xffffffffn;
    expect((carryLo * mLo) & 0xffffffffn).toBe(0xffffffffn);
    const check = (start: bigint) => {
      lcgSeed(Number(start >> 32n), Number(start & 0xffffffffn));
      let s = start;
      for (let step = 0; step < 4; step++) {
        s = (s * M + 1n) & MASK;
        expect(lcgNext()).toBe(Number(s >> 33n));
      }
    };
    for (const start of [0n, MASK, carryLo, (0x12345678n << 32n) | carryLo, ((MASK << 32n) | carryLo) & MASK]) check(start);
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: MASK }), check), { numRuns: 700 });
  });

  it("agrees with the paper's loop (they differ only in double rounding, not seen here)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.integer({ min: 1, max: 100000 }), (key, n) => {
        expect(jumpConsistentHash(key, n)).toBe(paperJump(key, n));
      }),
      { numRuns: 700 },
    );
  });

  it('moves keys only to the new bucket when one is appended', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.integer({ min: 1, max: 5000 }), (key, n) => {
        const a = jumpConsistentHash(key, n);
        const b = jumpConsistentHash(key, n + 1);
        expect(b === a || b === n).toBe(true);
      }),
      { numRuns: 700 },
    );
  });

  it('rejects a bucket count outside 1..2^31-1', () => {
    expect(() => jumpConsistentHash(1n, 0)).toThrow(/buckets/);
    expect(() => jumpConsistentHash(1n, 1.5)).toThrow(/buckets/);
  });
});

describe('jump placement', () => {
  it('rejects unequal weights with a clear error', () => {
    expect(
      () =>
        new JumpPlacement([
          { id: 'a', weight: 1 },
          { id: 'b', weight: 2 },
        ]),
    ).toThrow(/jump consistent hash has no weights/);
  });

  it('returns distinct replicas, even all of the workers', () => {
    const p = new JumpPlacement(Array.from({ length: 7 }, (_, i) => ({ id: `w${i}` })));
    for (const key of ['a', 'b', 'c', 'd']) {
      const all = p.locate(key, 7);
      expect(new Set(all).size).toBe(7);
      expect(all[0]).toBe(p.locate(key)[0]);
    }
  });
});

const workerIds = (min: number, max: number) =>
  fc.uniqueArray(
    fc.stringMatching(/^[a-z][a-z0-9-]{2,15}$/).map((s) => `host-${s}`),
    { minLength: min, maxLength: max },
  );

describe('jump: minimal movement', () => {
  const sample = Array.from({ length: 3000 }, (_, i) => `s3://bucket/minimal/file-${i}.bin`);

  it('removing the last worker moves only its keys', () => {
    fc.assert(
      fc.property(workerIds(2, 12), (ids) => {
        const before = createPlacement(
          'jump',
          ids.map((id) => ({ id })),
        );
        const gone = ids[ids.length - 1];
        for (const [from] of moves(sample, before, before.removeWorker(gone))) expect(from).toBe(gone);
      }),
      { numRuns: 15 },
    );
  });
});

describe('jump placement: the BigInt-free hot path places keys as the BigInt reference does', () => {
  /** The reference: xxh64 (xxhash-wasm, BigInt) of the key with seed r, then Guava's loop in BigInt. */
  const reference = (key: string, r: number, n: number) => jumpConsistentHash(xxh64(key, BigInt(r)), n);

  it('locateIndex equals the reference for random keys and worker counts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.constantFrom(1, 2, 3, 10, 99, 1000, 10007, 20000), (key, n) => {
        const p = placementOf(n);
        expect(p.locateIndex(key)).toBe(reference(key, 0, n));
      }),
      { seed: 16, numRuns: 600 },
    );
  });

  it('replicas equal the reference: seeds 0, 1, 2, … skipping workers already chosen', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 90 }), fc.constantFrom(3, 4, 50, 499), fc.integer({ min: 1, max: 3 }), (key, n, replicas) => {
        const expected: number[] = [];
        for (let r = 0; expected.length < replicas; r++) {
          const b = reference(key, r, n);
          if (!expected.includes(b)) expected.push(b);
        }
        const out = new Uint32Array(replicas);
        expect(placementOf(n).locateIndices(key, replicas, out)).toBe(replicas);
        expect([...out]).toEqual(expected);
      }),
      { seed: 16, numRuns: 250 },
    );
  });
});

const placements = new Map<number, JumpPlacement>();
function placementOf(n: number): JumpPlacement {
  let p = placements.get(n);
  if (!p) placements.set(n, (p = new JumpPlacement(Array.from({ length: n }, (_, i) => ({ id: `w${i}` })))));
  return p;
}

describe('jumpConsistentHash32: whole quotients take the exact division', () => {
  const M = 2862933555777941757n;
  const MASK = 2n ** 64n - 1n;
  // M's inverse mod 2^64 (Newton's iteration for odd numbers).
  let inverse = M;
  for (let i = 0; i < 6; i++) inverse = (inverse * (2n - M * inverse)) & MASK;

  /** A key whose first LCG step gives r = (state >>> 33) + 1 = `r`, with `low` as the state's low 33 bits. */
  const keyForFirstR = (r: bigint, low: bigint) => (((((r - 1n) << 33n) | low) - 1n) * inverse) & MASK;

  it('equals the reference when a step divides exactly (r a power of two, or 2^31) and just beside it', () => {
    expect((M * inverse) & MASK).toBe(1n);
    for (let k = 0n; k <= 31n; k++) {
      for (const r of [2n ** k, 2n ** k + 1n, 2n ** k - 1n].filter((x) => x >= 1n && x <= 2n ** 31n)) {
        for (const low of [0n, 1n, 0x1ffffffffn, 0x123456789n]) {
          const key = keyForFirstR(r, low);
          for (const n of [1, 2, 3, 7, 1000, 65536, 2 ** 30, 2147483647]) {
            expect(jumpConsistentHash32(Number(key >> 32n), Number(key & 0xffffffffn), n)).toBe(jumpConsistentHash(key, n));
          }
        }
      }
    }
  });
});
