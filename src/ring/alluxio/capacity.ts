/**
 * `alluxio-capacity`: ring-sim's MODEL of Alluxio Enterprise's CAPACITY hash provider, which is not public:
 * the `alluxio-consistent` ring (same worker identities, same murmur3 points and key hashing) with each worker's
 * virtual node count proportional to its capacity: max(1, round(vnodes · weight)), weight being the worker's
 * capacity relative to a reference worker (weight 1 = `vnodes` points). A worker's points depend on its own
 * identity and weight only, so a change moves keys only to or from the changed worker.
 */
import { ALLUXIO_ENTERPRISE_VNODES, AlluxioConsistentPlacement, type AlluxioConsistentOptions } from './consistent.js';
import { RingSimError } from '../../core/errors.js';
import { MAX_RING_POINTS, normaliseWorkers, type Worker } from '../worker.js';

export class AlluxioCapacityPlacement extends AlluxioConsistentPlacement {
  override readonly algorithm: string = 'alluxio-capacity';

  constructor(workers: readonly Worker[], options: AlluxioConsistentOptions = {}) {
    const vnodes = options.vnodes ?? ALLUXIO_ENTERPRISE_VNODES;
    if (!Number.isInteger(vnodes) || vnodes < 1)
      throw new RingSimError(
        'vnodes',
        vnodes,
        'must be a whole number of at least 1',
        `virtual nodes of a worker of weight 1, e.g. ${ALLUXIO_ENTERPRISE_VNODES}`,
      );
    const counts = normaliseWorkers(workers).map((w) => Math.max(1, Math.round(vnodes * (w.weight ?? 1))));
    const total = counts.reduce((a, b) => a + b, 0);
    if (total > MAX_RING_POINTS) {
      throw new RingSimError(
        'vnodes',
        vnodes,
        `the workers would need ${total} ring points, over the limit of ${MAX_RING_POINTS}`,
        'use weights relative to a reference worker (capacity / smallest capacity) or fewer virtual nodes',
      );
    }
    super(workers, { ...options, vnodes }, counts);
  }
}
