/**
 * `alluxio-multi-probe`: Alluxio's MULTI_PROBE policy (`MultiProbeHashProvider`, reference
 * alluxio-placement.md §5.4): one point a worker, murmur3_32(UTF-8(decimal(W(w)) + "-559038737")), in a list
 * sorted by signed value; a key probes P times (default 21) with murmur3_32(UTF-8(key + decimal(attempt) +
 * decimal(i))), takes the first point strictly greater (wrapping to the first), and keeps the probe with the
 * smallest Java `Math.abs(point - hash)` (int32 wrap-around; the earliest probe wins a tie).
 */
import { AlluxioPolicyPlacement, javaAbs, type AlluxioPolicyOptions } from './policy-base.js';
import { Murmur3KeyInts, murmur3String } from '../../hash/murmur3.js';
import { RingSimError } from '../../core/errors.js';
import type { Worker } from '../worker.js';

const SEED = -559038737; // 0xDEADBEEF as a Java int
const keyHash = new Murmur3KeyInts();
/** Default of `alluxio.user.multi.probe.hash.probe.num`. */
export const ALLUXIO_MULTI_PROBE_PROBES = 21;

export interface AlluxioMultiProbeOptions extends AlluxioPolicyOptions {
  /** `alluxio.user.multi.probe.hash.probe.num`, default 21. */
  probes?: number;
}

export class AlluxioMultiProbePlacement extends AlluxioPolicyPlacement {
  readonly algorithm = 'alluxio-multi-probe';
  readonly probes: number;
  private readonly points: Int32Array;
  private readonly owners: Uint32Array;

  constructor(workers: readonly Worker[], options: AlluxioMultiProbeOptions = {}) {
    const probes = options.probes ?? ALLUXIO_MULTI_PROBE_PROBES;
    super(workers, { probes }, options);
    if (!Number.isInteger(probes) || probes < 1 || probes > 10_000)
      throw new RingSimError('probes', probes, 'must be a whole number from 1 to 10000', `Alluxio defaults to ${ALLUXIO_MULTI_PROBE_PROBES}`);
    this.probes = probes;
    const n = this.workers.length;
    const entries = Array.from({ length: n }, (_, w) => ({ w, p: murmur3String(`${this.workerHashes[w]}${SEED}`) }));
    entries.sort((a, b) => a.p - b.p);
    for (let i = 1; i < n; i++) {
      if (entries[i].p === entries[i - 1].p) {
        throw new RingSimError(
          'workers',
          this.workers[entries[i].w].id,
          `has the same multi-probe point as ${this.workers[entries[i - 1].w].id}; Alluxio fails to add it (IndexOutOfBoundsException)`,
          'this pair of identities cannot share an Alluxio MULTI_PROBE ring',
        );
      }
    }
    this.points = Int32Array.from(entries, (e) => e.p);
    this.owners = Uint32Array.from(entries, (e) => e.w);
  }

  protected pick(key: string, attempt: number): number {
    const points = this.points;
    const n = points.length;
    keyHash.setKey(key, attempt); // probe i hashes key + attempt + i
    let best = 0;
    let minDistance = 2147483647;
    for (let i = 0; i < this.probes; i++) {
      const hv = keyHash.hashWith(i);
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (points[mid] > hv) hi = mid;
        else lo = mid + 1;
      }
      if (lo >= n) lo = 0;
      const d = javaAbs((points[lo] - hv) | 0);
      if (d < minDistance) {
        minDistance = d;
        best = lo;
      }
    }
    return this.owners[best];
  }

  override byteSize(): number {
    return this.points.byteLength + this.owners.byteLength;
  }
}
