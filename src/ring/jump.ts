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
import { xxh64 } from '../hash/xxhash.js';
import { LITTLE_ENDIAN } from '../hash/endian.js';
import { lcgNext, lcgSeed } from './jump-lcg.js';
import type { Worker } from './worker.js';

/** The seeds of the 100 re-hashes, made once. */
const SEEDS = Array.from({ length: 100 }, (_, r) => BigInt(r));
const hashWide = new BigUint64Array(1);
const hashHalves = new Uint32Array(hashWide.buffer);
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = LITTLE_ENDIAN ? 0 : 1;

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
 * The same function over the key's two 32-bit halves, without BigInt (64-bit multiply in 16-bit limbs).
 * Tested equal to `jumpConsistentHash`.
 */
export function jumpConsistentHash32(hi: number, lo: number, buckets: number): number {
  lcgSeed(hi, lo);
  let candidate = 0;
  for (;;) {
    const r = (lcgNext() + 1) | 0; // Java int arithmetic: 2^31 wraps to -2^31
    const next = javaDoubleToInt((candidate + 1) / (r / TWO31));
    if (next >= 0 && next < buckets) candidate = next;
    else return candidate;
  }
}

export class JumpPlacement extends BasePlacement {
  readonly algorithm = 'jump';

  constructor(workers: readonly Worker[]) {
    super(workers, {}, {});
    const first = this.workers[0].weight;
    const unequal = this.workers.find((w) => w.weight !== first);
    if (unequal) {
      throw new RingSimError(`weight of ${unequal.id}`, unequal.weight,
        'jump consistent hash has no weights', 'give all workers the same weight, or use ring or ketama for weights');
    }
  }

  /** The bucket of xxh64(UTF-8(key), seed r). The 64-bit hash is split through a typed array: BigInt shifts
   * would allocate two more BigInts a lookup (about 50 ns). */
  private bucketOf(key: string, r: number): number {
    hashWide[0] = xxh64(key, SEEDS[r]);
    return jumpConsistentHash32(hashHalves[HIGH], hashHalves[LOW], this.workers.length);
  }

  locateIndex(key: string): number {
    return this.bucketOf(key, 0);
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    const n = this.workers.length;
    let found = 0;
    const taken = (b: number): boolean => {
      for (let i = 0; i < found; i++) if (out[i] === b) return true;
      return false;
    };
    for (let r = 0; r < 100 && found < replicas; r++) {
      const b = this.bucketOf(key, r);
      if (!taken(b)) out[found++] = b;
    }
    // Past 100 re-hashes (only when nearly every worker is asked for), take the next buckets in order.
    for (let b = out[found - 1] ?? 0; found < replicas; b = (b + 1) % n) if (!taken(b)) out[found++] = b;
    return found;
  }

}
