/**
 * `ketama`: libketama's continuum (last.fm, 2007; `RJ/ketama` libketama/ketama.c), as the memcached clients
 * that follow it build it (npm `hashring` among them).
 *
 * - a server with weight (memory) m out of a total M among n servers gets ks = floor(m/M · 40 · n) MD5 digests
 *   of the text `<id>-<k>`, k = 0 … ks-1; each digest gives 4 points, bytes 4h … 4h+3 read little-endian;
 * - points sort ascending (equal points keep server order: the first one wins a lookup);
 * - a key goes to the first point >= the little-endian uint32 of the first 4 bytes of MD5(key), wrapping.
 * `weighting: 'libketama'` computes m/M in float32 and rounds the product to float32 before the floor, exactly
 * as ketama.c does; `weighting: 'hashring'` uses float64 throughout, as the npm `hashring` package does. With
 * equal weights both give 160 points a server; with unequal ones they can differ by one digest.
 * Replicas walk clockwise to the next distinct servers (hashring's `range`).
 */
import { RingBackedPlacement } from './base-placement.js';
import { RingSimError } from '../core/errors.js';
import { ketamaHash, md5 } from '../hash/md5.js';
import { SortedRing } from './sorted-ring.js';
import { MAX_RING_POINTS, type Worker } from './worker.js';

export type KetamaWeighting = 'libketama' | 'hashring';

export interface KetamaOptions {
  weighting?: KetamaWeighting;
}

/** Number of MD5 digests (4 points each) libketama gives a server of weight `weight` out of `total` among `servers`. */
export function ketamaDigests(weight: number, total: number, servers: number, weighting: KetamaWeighting): number {
  if (weighting === 'hashring') return Math.floor((weight / total) * 40 * servers);
  const pct = Math.fround(Math.fround(weight) / Math.fround(total));
  return Math.floor(Math.fround(pct * 40.0 * Math.fround(servers)));
}

export class KetamaPlacement extends RingBackedPlacement {
  readonly algorithm = 'ketama';
  readonly weighting: KetamaWeighting;
  /** Digests (of 4 points) per worker, aligned with `workers`. */
  readonly digests: readonly number[];
  private readonly ring: SortedRing;
  private readonly reachable: number;

  constructor(workers: readonly Worker[], options: KetamaOptions = {}) {
    const weighting = options.weighting ?? 'libketama';
    super(workers, { weighting }, options);
    if (weighting !== 'libketama' && weighting !== 'hashring') {
      throw new RingSimError('weighting', weighting, 'unknown ketama weighting', 'use libketama or hashring');
    }
    this.weighting = weighting;
    const n = this.workers.length;
    let total = 0;
    for (const w of this.workers) total += w.weight ?? 1;
    this.digests = this.workers.map((w) => ketamaDigests(w.weight ?? 1, total, n, weighting));
    const count = this.digests.reduce((a, b) => a + b, 0) * 4;
    if (count > MAX_RING_POINTS) {
      throw new RingSimError('workers', n, `ketama would build ${count} ring points, over the limit of ${MAX_RING_POINTS}`, 'use fewer workers');
    }
    this.reachable = this.digests.filter((d) => d > 0).length;
    if (this.reachable === 0) {
      throw new RingSimError('workers', n, 'no worker gets a ketama point', 'give the workers larger weights');
    }
    const points = new Uint32Array(count);
    const owners = new Uint32Array(count);
    let p = 0;
    this.workers.forEach((w, i) => {
      for (let k = 0; k < this.digests[i]; k++) {
        const d = md5(`${w.id}-${k}`);
        for (let h = 0; h < 4; h++) {
          points[p] = (d[h * 4] | (d[h * 4 + 1] << 8) | (d[h * 4 + 2] << 16) | (d[h * 4 + 3] << 24)) >>> 0;
          owners[p++] = i;
        }
      }
    });
    this.ring = new SortedRing(points, owners, n, 'first');
    this.useRing(this.ring, 'md5(key)[0..4] LE');
  }

  protected override reachableWorkers(): number {
    return this.reachable;
  }

  locateIndex(key: string): number {
    return this.ring.ownerOf(ketamaHash(key));
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    return this.ring.distinctFrom(ketamaHash(key), replicas, out);
  }
}
