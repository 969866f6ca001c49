/**
 * ring-sim's one seeded PRNG: a Weyl sequence (step 0x9e3779b9) mixed by MurmurHash3's fmix32, and a stateless
 * hash-to-uniform for per-file attributes, so a file's size needs no table. Not for hashing keys.
 *
 * `new Random(seed)` (workloads, events, drawn identities) starts from `seed ^ 0x2545f491`; `seededRandom(seed)`
 * (synthetic keys, samples) starts from `seed` itself. Both orders are fixed: changing either changes every
 * seeded output ring-sim prints.
 */
import { fmix32 } from './mix.js';

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (seed ^ 0x2545f491) >>> 0;
  }

  /** A generator whose raw Weyl state starts at `state` (no seed scrambling). */
  static fromState(state: number): Random {
    const r = new Random(0);
    r.state = state >>> 0;
    return r;
  }

  /** Uniform in [0, 1) with 32 bits. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    return (fmix32(this.state) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A random version-4 UUID string (for new worker identities). */
  uuid(): string {
    const hex = (n: number): string => (Math.floor(this.next() * 2 ** 16) >>> 0).toString(16).padStart(4, '0').slice(0, n);
    const a = hex(4) + hex(4);
    const b = hex(4);
    const c = `4${hex(4).slice(1)}`;
    const d = (8 + this.int(4)).toString(16) + hex(4).slice(1);
    const e = hex(4) + hex(4) + hex(4);
    return `${a}-${b}-${c}-${d}-${e}`;
  }

  /** Fisher–Yates shuffle of `array` in place. */
  shuffle(array: Uint32Array): void {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
  }
}

/** A uniform number in [0, 1) determined by (seed, index) alone. */
export function hashUniform(seed: number, index: number, stream = 0): number {
  const h = fmix32(fmix32((index ^ Math.imul(stream + 1, 0x85ebca6b)) | 0) ^ seed);
  return (h >>> 0) / 4294967296;
}

/**
 * A seeded generator as a function: uniform in [0, 1) with 32 bits.
 *
 * @example const rand = seededRandom(1); rand(); // the same sequence in every process
 */
export function seededRandom(seed: number): () => number {
  const r = Random.fromState(seed);
  return () => r.next();
}
