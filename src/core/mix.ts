/**
 * MurmurHash3's 32-bit finaliser (Appleby, SMHasher): a bijection on int32 with full avalanche. It lives in core
 * because the seeded PRNG mixes with it; `hash/murmur3.ts` re-exports it as part of MurmurHash3.
 *
 * @example fmix32(0) === 0; fmix32(1) === 0x514e28b7 | 0
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
