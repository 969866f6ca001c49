import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lcgHigh, lcgLow, lcgNext, lcgSeed } from '../../src/ring/jump-lcg.js';

const M = 2862933555777941757n;
const MASK = 2n ** 64n - 1n;
/** The reference step, in BigInt: state · M + 1 (mod 2^64). */
const step = (state: bigint): bigint => (state * M + 1n) & MASK;
const halves = (state: bigint): [number, number] => [Number(state >> 32n), Number(state & 0xffffffffn)];

describe('the jump LCG on 32-bit halves', () => {
  it('lcgLow and lcgHigh give the halves of state · 2862933555777941757 + 1 (property against BigInt)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MASK }), (state) => {
        const [hi, lo] = halves(state);
        const newLo = lcgLow(lo);
        const newHi = lcgHigh(hi, lo, newLo);
        const [wantHi, wantLo] = halves(step(state));
        expect(newLo >>> 0).toBe(wantLo);
        expect(newHi >>> 0).toBe(wantHi);
      }),
      { seed: 33, numRuns: 500 },
    );
  });

  it('carries the +1 out of the low half (lo · M = 2^32 - 1 mod 2^32)', () => {
    // lo = M_LO^-1 · (2^32 - 1) mod 2^32 makes lo · M_LO + 1 wrap to 0.
    const inv = (a: bigint): bigint => {
      let x = 1n;
      for (let i = 0; i < 5; i++) x = (x * (2n - a * x)) & 0xffffffffn; // Newton: 2-adic inverse
      return x;
    };
    const lo = Number((inv(M & 0xffffffffn) * 0xffffffffn) & 0xffffffffn);
    expect(lcgLow(lo)).toBe(0);
    for (const hi of [0, 1, 0x7fffffff, 0xffffffff]) {
      const [wantHi] = halves(step((BigInt(hi) << 32n) | BigInt(lo)));
      expect(lcgHigh(hi | 0, lo | 0, 0) >>> 0).toBe(wantHi);
    }
  });

  it('lcgNext walks the sequence from lcgSeed, returning the top 31 bits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MASK }), (seed) => {
        const [hi, lo] = halves(seed);
        lcgSeed(hi, lo);
        let state = seed;
        for (let i = 0; i < 8; i++) {
          state = step(state);
          expect(lcgNext()).toBe(Number(state >> 33n));
        }
      }),
      { seed: 34, numRuns: 100 },
    );
  });
});
