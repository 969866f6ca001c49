/**
 * The 64-bit linear congruential step of jump consistent hash, state = state · 2862933555777941757 + 1 (mod 2^64),
 * on the state's two 32-bit halves (no BigInt, no floating-point division), shared by Guava's variant (jump.ts)
 * and the paper's (alluxio-jump.ts).
 */
/** 2862933555777941757 = 0x27BB2EE6_87B0B0FD. */
const M_HI = 0x27bb2ee6;
const M_LO = 0x87b0b0fd;
const M_LO0 = M_LO & 0xffff;
const M_LO1 = M_LO >>> 16;

/** The state's halves (unsigned 32-bit); `lcgSeed` sets them from a key's two 32-bit halves. */
let stateHi = 0;
let stateLo = 0;

export function lcgSeed(hi: number, lo: number): void {
  stateHi = hi >>> 0;
  stateLo = lo >>> 0;
}

/** Advances the state one step and returns state >>> 33 (31 bits). */
export function lcgNext(): number {
  const lo = stateLo;
  // The high half of the 64-bit product lo · M_LO, from 16-bit limbs (every partial product is exact).
  const a0 = lo & 0xffff;
  const a1 = lo >>> 16;
  const p00 = a0 * M_LO0;
  const p01 = a0 * M_LO1;
  const p10 = a1 * M_LO0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const carryHi = a1 * M_LO1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  // Low half: lo · M_LO + 1 (mod 2^32); high half: the carry plus the cross products (mod 2^32).
  const newLo = (Math.imul(lo, M_LO) + 1) >>> 0;
  let newHi = carryHi + Math.imul(lo, M_HI) + Math.imul(stateHi, M_LO);
  if (newLo === 0) newHi += 1; // the +1 carried out of the low half
  stateLo = newLo;
  stateHi = newHi >>> 0;
  return stateHi >>> 1;
}
