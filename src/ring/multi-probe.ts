/**
 * `multi-probe`: multi-probe consistent hashing (Ben Appleton and Michael O'Reilly, "Multi-Probe Consistent
 * Hashing", arXiv:1505.00062, 2015). Each worker has one point, xxh32 of its id; a key is hashed `probes`
 * times (xxh32 with seeds 0 … probes-1) and goes to the worker whose point follows a probe most closely
 * (clockwise distance; the earliest probe wins a tie). A peak-to-mean of about 1 + 1/(probes - 1); no weights
 * (the method has no honest weighting, so unequal weights are refused).
 */
import { BasePlacement } from './base-placement.js';
import { RingSimError } from '../core/errors.js';
import { xxh32 } from '../hash/xxhash.js';
import { SortedRing } from './sorted-ring.js';
import type { Worker } from './worker.js';

export interface MultiProbeOptions {
  probes?: number;
}

export class MultiProbePlacement extends BasePlacement {
  readonly algorithm = 'multi-probe';
  readonly probes: number;
  private readonly ring: SortedRing;

  constructor(workers: readonly Worker[], options: MultiProbeOptions = {}) {
    const probes = options.probes ?? 21;
    super(workers, { probes }, options);
    if (!Number.isInteger(probes) || probes < 1 || probes > 10_000)
      throw new RingSimError('probes', probes, 'must be a whole number from 1 to 10000', 'the paper suggests 21 for a peak-to-mean of 1.05');
    const first = this.workers[0].weight;
    const unequal = this.workers.find((w) => w.weight !== first);
    if (unequal) {
      throw new RingSimError(
        `weight of ${unequal.id}`,
        unequal.weight,
        'multi-probe consistent hashing has no honest weighting',
        'give all workers the same weight, or use ring, rendezvous or maglev for weights',
      );
    }
    this.probes = probes;
    const n = this.workers.length;
    const order = [...Array(n).keys()].sort((a, b) => (this.workers[a].id < this.workers[b].id ? -1 : 1));
    const points = Uint32Array.from(order, (w) => xxh32(this.workers[w].id, 0x3b9aca07));
    const owners = Uint32Array.from(order);
    this.ring = new SortedRing(points, owners, n, 'first');
  }

  locateIndex(key: string): number {
    const ring = this.ring;
    let bestOwner = 0;
    let best = Infinity;
    for (let i = 0; i < this.probes; i++) {
      const h = xxh32(key, i);
      const at = ring.indexOf(h);
      const d = (ring.pointAt(at) - h + 4294967296) % 4294967296;
      if (d < best) {
        best = d;
        bestOwner = ring.ownerAt(at);
      }
    }
    return bestOwner;
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    // Replicas: the first worker, then the next distinct ones clockwise from its point.
    const first = this.locateIndex(key);
    out[0] = first;
    if (replicas === 1) return 1;
    const ring = this.ring;
    let at = 0;
    for (let i = 0; i < ring.length; i++) if (ring.ownerAt(i) === first) at = i;
    let found = 1;
    for (let step = 1; step < ring.length && found < replicas; step++) out[found++] = ring.ownerAt((at + step) % ring.length);
    return found;
  }

  override byteSize(): number {
    return this.ring.byteSize();
  }
}
