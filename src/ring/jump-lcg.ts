/**
 * The 64-bit linear congruential step of jump consistent hash, state = state · 2862933555777941757 + 1 (mod 2^64),
 * on the state's two 32-bit halves (no BigInt, no floating-point division), shared by Guava's variant (jump.ts)
 * and the paper's (alluxio/jump.ts). Hot loops keep the halves in locals and call `lcgLow` / `lcgHigh`;
 * `lcgSeed` / `lcgNext` keep them here.
 */
/** 2862933555777941757 = 0x27BB2EE6_87B0B0FD. */
const M_HI = 0x27bb2ee6;
const M_LO = 0x87b0b0fd | 0;
const M_LO0 = M_LO & 0xffff;
const M_LO1 = M_LO >>> 16;

/** The low half after one step: lo · M_LO + 1 (mod 2^32), as an int32. */
export function lcgLow(lo: number): number {
  return (Math.imul(lo, M_LO) + 1) | 0;
}

/**
 * The high half after one step, as an int32, from the halves (hi, lo) before it and the new low half `newLo`:
 * the high half of lo · M_LO (from 16-bit limbs: every partial product is below 2^32, so `Math.imul` gives its
 * exact bits and the sum stays in int32 arithmetic) plus the cross products, plus the +1 carried out of the low
 * half.
 */
export function lcgHigh(hi: number, lo: number, newLo: number): number {
  const a0 = lo & 0xffff;
  const a1 = lo >>> 16;
  const p01 = Math.imul(a0, M_LO1);
  const p10 = Math.imul(a1, M_LO0);
  const mid = (Math.imul(a0, M_LO0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const carryHi = Math.imul(a1, M_LO1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  return (carryHi + Math.imul(lo, M_HI) + Math.imul(hi, M_LO) + (newLo === 0 ? 1 : 0)) | 0;
}

/** The state's halves as int32 (small integers for V8: uint32 values past 2^31 would be boxed on every store). */
let stateHi = 0;
let stateLo = 0;

export function lcgSeed(hi: number, lo: number): void {
  stateHi = hi | 0;
  stateLo = lo | 0;
}

/** Advances the state one step and returns state >>> 33 (31 bits). */
export function lcgNext(): number {
  const lo = lcgLow(stateLo);
  stateHi = lcgHigh(stateHi, stateLo, lo);
  stateLo = lo;
  return stateHi >>> 1;
}
