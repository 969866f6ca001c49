/**
 * `rendezvous`: weighted highest-random-weight hashing (David G. Thaler and Chinya V. Ravishankar, "Using
 * name-based mappings to increase hit rates", IEEE/ACM ToN 1998; the logarithmic weighting of Christian
 * Schindelhauer and Gunnar Schomaker, "Weighted distributed hash tables", SPAA 2005). Every worker scores a key
 * -w / ln(u), u in (0, 1) a hash of (key, worker); the highest score wins and replicas are the next highest.
 * Shares follow weights exactly in expectation and a change of one worker moves keys only to or from it.
 * Lookup is O(workers): see bench/RESULTS.md for where that stops being practical.
 */
import { BasePlacement } from './base-placement.js';
import { fmix32 } from '../hash/murmur3.js';
import { xxh64 } from '../hash/xxhash.js';
import type { Worker } from './worker.js';

export class RendezvousPlacement extends BasePlacement {
  readonly algorithm = 'rendezvous';
  private readonly seedHi: Int32Array;
  private readonly seedLo: Int32Array;
  private readonly weights: Float64Array;
  private scores = new Float64Array(0);

  constructor(workers: readonly Worker[]) {
    super(workers, {}, {});
    const n = this.workers.length;
    this.seedHi = new Int32Array(n);
    this.seedLo = new Int32Array(n);
    this.weights = new Float64Array(n);
    this.workers.forEach((w, i) => {
      const h = xxh64(w.id, 0x5ead5eedn);
      this.seedHi[i] = Number(h >> 32n) | 0;
      this.seedLo[i] = Number(h & 0xffffffffn) | 0;
      this.weights[i] = w.weight ?? 1;
    });
  }

  /** Fills `scores` for `key` and returns it. */
  private score(key: string): Float64Array {
    const h = xxh64(key);
    const kHi = Number(h >> 32n) | 0;
    const kLo = Number(h & 0xffffffffn) | 0;
    const n = this.workers.length;
    if (this.scores.length !== n) this.scores = new Float64Array(n);
    const s = this.scores;
    for (let i = 0; i < n; i++) {
      const a = fmix32(kLo ^ this.seedLo[i]) >>> 0;
      const b = fmix32((kHi ^ this.seedHi[i]) + Math.imul(a, 0x9e3779b1)) >>> 0;
      // 52 random bits, strictly inside (0, 1).
      const u = (a * 1048576 + (b >>> 12) + 0.5) / 4503599627370496;
      s[i] = -this.weights[i] / Math.log(u);
    }
    return s;
  }

  locateIndex(key: string): number {
    const s = this.score(key);
    let best = 0;
    for (let i = 1; i < s.length; i++) if (s[i] > s[best]) best = i;
    return best;
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    const s = this.score(key);
    for (let r = 0; r < replicas; r++) {
      let best = -1;
      for (let i = 0; i < s.length; i++) if (s[i] !== -1 && (best === -1 || s[i] > s[best])) best = i;
      out[r] = best;
      s[best] = -1;
    }
    return replicas;
  }

  override byteSize(): number {
    return this.seedHi.byteLength + this.seedLo.byteLength + this.weights.byteLength;
  }
}
