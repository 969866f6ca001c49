/**
 * `ring`: a consistent-hash ring with weighted virtual nodes (Karger et al., STOC 1997), weighted so that a
 * worker's points depend on its own id and weight only.
 *
 * - a worker of weight w gets max(1, round(w · vnodes)) points; point i is
 *   fmix32(fmix32(lo + i·0x9E3779B9) ^ hi) where (hi, lo) = xxh64(UTF-8(id)), so a worker's points are a fixed
 *   sequence and a weight change only adds or drops points at its end;
 * - a key goes to the first point >= xxh32(UTF-8(key)) (hashed by ring-sim's own WebAssembly, see
 *   hash/xxhash-keys.ts; equal to xxhash-wasm's h32), wrapping; replicas walk clockwise to the next
 *   distinct workers;
 * - equal points: the worker whose id sorts first keeps the point, whatever the input order.
 * Adding, removing or reweighting one worker therefore moves keys only to or from that worker, unlike
 * libketama's weighting (see `ketama`).
 */
import { RingBackedPlacement } from './base-placement.js';
import { RingSimError } from '../core/errors.js';
import { fmix32 } from '../hash/murmur3.js';
import { xxh64 } from '../hash/xxhash.js';
import { encodeKey, xxh32Encoded } from '../hash/xxhash-keys.js';
import { SortedRing } from './sorted-ring.js';

/** xxh32 of the key's UTF-8 bytes (lone surrogates as U+FFFD), equal to xxhash-wasm's h32. */
function keyHash(key: string): number {
  return xxh32Encoded(encodeKey(key));
}
import { MAX_RING_POINTS, type Worker } from './worker.js';

export interface RingOptions {
  /** Virtual nodes of a worker of weight 1 (default 1000: share spread about 1/sqrt(1000) = 3.2 %). */
  vnodes?: number;
}

export const RING_DEFAULT_VNODES = 1000;

/** Points a worker of `weight` gets with `vnodes` per unit of weight. */
export function ringPointCount(weight: number, vnodes: number): number {
  return Math.max(1, Math.round(weight * vnodes));
}

/** The i-th ring point of a worker whose id hashes (xxh64) to `seed`. */
export function ringPoint(seedHi: number, seedLo: number, i: number): number {
  return fmix32(fmix32((seedLo + Math.imul(i, 0x9e3779b9)) | 0) ^ seedHi) >>> 0;
}

export class RingPlacement extends RingBackedPlacement {
  readonly algorithm = 'ring';
  readonly vnodes: number;
  /** Points per worker, aligned with `workers`. */
  readonly pointCounts: readonly number[];
  private readonly ring: SortedRing;

  constructor(workers: readonly Worker[], options: RingOptions = {}) {
    const vnodes = options.vnodes ?? RING_DEFAULT_VNODES;
    super(workers, { vnodes }, options);
    if (typeof vnodes !== 'number' || !Number.isInteger(vnodes) || vnodes < 1 || vnodes > MAX_RING_POINTS) {
      throw new RingSimError('vnodes', vnodes, `must be a whole number from 1 to ${MAX_RING_POINTS}`, 'use e.g. 160 or 1000 virtual nodes per unit of weight');
    }
    this.vnodes = vnodes;
    const n = this.workers.length;
    this.pointCounts = this.workers.map((w) => ringPointCount(w.weight ?? 1, vnodes));
    const total = this.pointCounts.reduce((a, b) => a + b, 0);
    if (total > MAX_RING_POINTS) {
      throw new RingSimError(
        'vnodes',
        vnodes,
        `${n} workers would need ${total} ring points, over the limit of ${MAX_RING_POINTS}`,
        'use fewer virtual nodes or smaller weights (weight 1 = vnodes points)',
      );
    }
    // Build in id order so that equal points resolve the same way whatever order the workers came in.
    const order = [...Array(n).keys()].sort((a, b) => (this.workers[a].id < this.workers[b].id ? -1 : 1));
    const points = new Uint32Array(total);
    const owners = new Uint32Array(total);
    let p = 0;
    for (const w of order) {
      const seed = xxh64(this.workers[w].id);
      const hi = Number(seed >> 32n) | 0;
      const lo = Number(seed & 0xffffffffn) | 0;
      for (let i = 0; i < this.pointCounts[w]; i++) {
        points[p] = ringPoint(hi, lo, i);
        owners[p++] = w;
      }
    }
    this.ring = new SortedRing(points, owners, n, 'first');
    this.useRing(this.ring, 'xxh32(key)');
  }

  locateIndex(key: string): number {
    return this.ring.ownerOf(keyHash(key));
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    return this.ring.distinctFrom(keyHash(key), replicas, out);
  }
}
