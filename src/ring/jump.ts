/**
 * `jump`: jump consistent hash (John Lamping and Eric Veach, "A Fast, Minimal Memory, Consistent Hash
 * Algorithm", 2014, arXiv:1406.2294), in the exact arithmetic of Guava's `Hashing.consistentHash(long, int)`.
 *
 * Buckets are the workers in the order given; only appending or removing the last worker is a minimal
 * change. No weights. A key's 64-bit input is xxh64(UTF-8(key)); replica r (r >= 1) re-hashes with seed r and
 * skips workers already chosen.
 */
import { BasePlacement } from './base-placement.js';
import { RingSimError } from '../core/errors.js';
import { encodeKey, hashEncodedKey, hashHigh, hashLow } from '../hash/xxhash-keys.js';
import { lcgHigh, lcgLow } from './jump-lcg.js';
import { JUMP_KEYS_MAX_BUCKETS, jumpEncodedKey } from './jump-keys.js';
import type { Worker } from './worker.js';

const MASK64 = (1n << 64n) - 1n;
const LCG = 2862933555777941757n;
const TWO31 = 2147483648;

/** Java's `(int)` of a double: NaN → 0, saturating at the int32 range, truncating toward zero. */
function javaDoubleToInt(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x >= 2147483647) return 2147483647;
  if (x <= -2147483648) return -2147483648;
  return Math.trunc(x);
}

/**
 * Guava's `Hashing.consistentHash(input, buckets)`: the bucket in [0, buckets) of a 64-bit key. `key` is
 * read as an unsigned 64-bit value (or a negative one, as Java's long); reference implementation in BigInt.
 */
export function jumpConsistentHash(key: bigint, buckets: number): number {
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > 2147483647) {
    throw new RingSimError('buckets', buckets, 'buckets must be a whole number from 1 to 2147483647', 'give the number of workers');
  }
  let state = BigInt.asUintN(64, key);
  let candidate = 0;
  for (;;) {
    state = (LCG * state + 1n) & MASK64;
    const r = (Number(state >> 33n) + 1) | 0; // Java int arithmetic: 2^31 wraps to -2^31
    const next = javaDoubleToInt((candidate + 1) / (r / TWO31));
    if (next >= 0 && next < buckets) candidate = next;
    else return candidate;
  }
}

/**
 * The same function over the key's two 32-bit halves, without BigInt: the LCG on int32 halves in locals (see
 * jump-lcg.ts), and Guava's `(int) ((candidate + 1) / (r / 2^31))` as ((candidate + 1) · 2^31) / r, the one
 * rounding of the same exact quotient (r / 2^31 and the product are exact). Tested equal to `jumpConsistentHash`.
 * Placements of up to 2^21 workers take jump-keys.wat's faster loop; this one serves any bucket count.
 */
export function jumpConsistentHash32(hi: number, lo: number, buckets: number): number {
  let stateHi = hi | 0;
  let stateLo = lo | 0;
  let candidate = 0;
  for (;;) {
    const nextLo = lcgLow(stateLo);
    stateHi = lcgHigh(stateHi, stateLo, nextLo);
    stateLo = nextLo;
    // r = (state >>> 33) + 1 in Java int arithmetic: 2^31 wraps to -2^31, and a negative quotient ends the loop.
    const r = (stateHi >>> 1) + 1;
    if (r === TWO31) return candidate;
    const next = ((candidate + 1) * TWO31) / r;
    if (next >= buckets) return candidate;
    candidate = next | 0;
  }
}

export class JumpPlacement extends BasePlacement {
  readonly algorithm = 'jump';

  constructor(workers: readonly Worker[]) {
    super(workers, {}, {});
    const first = this.workers[0].weight;
    const unequal = this.workers.find((w) => w.weight !== first);
    if (unequal) {
      throw new RingSimError(
        `weight of ${unequal.id}`,
        unequal.weight,
        'jump consistent hash has no weights',
        'give all workers the same weight, or use ring or ketama for weights',
      );
    }
  }

  /**
   * The bucket of xxh64(UTF-8(key), seed r) for the key last encoded by `encodeKey` (`length` bytes): hash and
   * loop in one WebAssembly call (jump-keys.ts) up to 2^21 workers, the general loop here beyond.
   */
  private bucketOf(length: number, r: number): number {
    const n = this.workers.length;
    if (n <= JUMP_KEYS_MAX_BUCKETS) return jumpEncodedKey(length, r, n);
    hashEncodedKey(length, 0, r);
    return jumpConsistentHash32(hashHigh(), hashLow(), n);
  }

  locateIndex(key: string): number {
    return this.bucketOf(encodeKey(key), 0);
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    const n = this.workers.length;
    const length = encodeKey(key);
    let found = 0;
    for (let r = 0; r < 100 && found < replicas; r++) {
      const b = this.bucketOf(length, r);
      if (!taken(out, found, b)) out[found++] = b;
    }
    // Past 100 re-hashes (only when nearly every worker is asked for), take the next buckets in order.
    for (let b = out[found - 1] ?? 0; found < replicas; b = (b + 1) % n) if (!taken(out, found, b)) out[found++] = b;
    return found;
  }
}

/** Whether bucket `b` is among the first `found` in `out` (a function, not a closure: nothing allocated a call). */
function taken(out: Uint32Array, found: number, b: number): boolean {
  for (let i = 0; i < found; i++) if (out[i] === b) return true;
  return false;
}
