/**
 * `alluxio-ketama`: Alluxio's KETAMA policy (`KetamaHashProvider`, reference alluxio-placement.md §5.1). Not
 * libketama: worker w puts R (default 200) consecutive points W(w), W(w)+1, … W(w)+R-1 (int32 wrap-around) on a
 * sorted map, a later put replacing an equal point (workers in the order given); a key's candidate for attempt
 * a is the first point >= murmur3_32(UTF-8(key + decimal(a))), wrapping.
 */
import { AlluxioPolicyPlacement, type AlluxioPolicyOptions } from './policy-base.js';
import { Murmur3KeyInts } from '../../hash/murmur3.js';
import { RingSimError } from '../../core/errors.js';
import { SortedRing } from '../sorted-ring.js';
import type { Worker } from '../worker.js';

const SIGN = 0x80000000;
const keyHash = new Murmur3KeyInts();

export interface AlluxioKetamaOptions extends AlluxioPolicyOptions {
  /** `alluxio.user.ketama.hash.replicas`, default 200. */
  replicas?: number;
}

export class AlluxioKetamaPlacement extends AlluxioPolicyPlacement {
  readonly algorithm = 'alluxio-ketama';
  readonly pointsPerWorker: number;
  private readonly ring: SortedRing;

  constructor(workers: readonly Worker[], options: AlluxioKetamaOptions = {}) {
    const R = options.replicas ?? 200;
    super(workers, { ketamaPoints: R }, options);
    if (!Number.isInteger(R) || R < 1 || R > 65536)
      throw new RingSimError('replicas', R, 'alluxio.user.ketama.hash.replicas must be a whole number from 1 to 65536', 'Alluxio defaults to 200');
    this.pointsPerWorker = R;
    const n = this.workers.length;
    const points = new Uint32Array(n * R);
    const owners = new Uint32Array(n * R);
    let p = 0;
    for (let w = 0; w < n; w++) {
      for (let i = 0; i < R; i++) {
        points[p] = (((this.workerHashes[w] + i) | 0) ^ SIGN) >>> 0;
        owners[p++] = w;
      }
    }
    this.ring = new SortedRing(points, owners, n, 'last');
    this.useRing(this.ring, 'murmur3_32(key + decimal(1))');
  }

  protected pick(key: string, attempt: number): number {
    keyHash.setKey(key, attempt);
    return this.ring.ownerOf((keyHash.hash() ^ SIGN) >>> 0); // murmur3_32(UTF-8(key + attempt))
  }
}
