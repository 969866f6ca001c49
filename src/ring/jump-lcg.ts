/**
 * The 64-bit linear congruential step of jump consistent hash, state = state · 2862933555777941757 + 1 (mod 2^64),
 * in four 16-bit limbs (no BigInt), shared by Guava's variant (jump.ts) and the paper's (alluxio-jump.ts).
 */
const M0 = 0xb0fd, M1 = 0x87b0, M2 = 0x2ee6, M3 = 0x27bb;

/** Limbs of the state, low to high; `lcgSeed` sets them from a key's two 32-bit halves. */
export const lcgState = new Float64Array(4);

export function lcgSeed(hi: number, lo: number): void {
  lcgState[0] = lo & 0xffff;
  lcgState[1] = lo >>> 16;
  lcgState[2] = hi & 0xffff;
  lcgState[3] = hi >>> 16;
}

/** Advances the state one step and returns state >>> 33 (31 bits). */
export function lcgNext(): number {
  const s0 = lcgState[0], s1 = lcgState[1], s2 = lcgState[2], s3 = lcgState[3];
  let c = s0 * M0 + 1;
  const r0 = c % 65536;
  c = Math.floor(c / 65536) + s0 * M1 + s1 * M0;
  const r1 = c % 65536;
  c = Math.floor(c / 65536) + s0 * M2 + s1 * M1 + s2 * M0;
  const r2 = c % 65536;
  c = Math.floor(c / 65536) + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0;
  const r3 = c % 65536;
  lcgState[0] = r0;
  lcgState[1] = r1;
  lcgState[2] = r2;
  lcgState[3] = r3;
  return r3 * 32768 + (r2 >>> 1);
}
