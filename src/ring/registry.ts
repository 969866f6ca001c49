/**
 * The table of placement algorithms: the one place the CLI, `compare` and the JSON loader look them up.
 */
import { AlluxioConsistentPlacement } from './alluxio-consistent.js';
import { RingSimError } from './errors.js';
import { JumpPlacement } from './jump.js';
import { KetamaPlacement, type KetamaWeighting } from './ketama.js';
import type { Placement, PlacementJSON } from './placement.js';
import { RING_DEFAULT_VNODES, RingPlacement } from './ring.js';
import type { Worker } from './worker.js';

/** Options any algorithm may read; each takes the ones it knows. */
export interface AlgorithmOptions {
  /** Virtual nodes per worker (alluxio-consistent) or per unit of weight (ring). */
  vnodes?: number;
  identity?: 'auto' | 'identity' | 'hostname';
  workerOrder?: 'given' | 'sorted';
  weighting?: KetamaWeighting;
}

export interface AlgorithmEntry {
  name: string;
  summary: string;
  /** Whether per-worker weights change placement. */
  weighted: boolean;
  /** Default virtual nodes, where the algorithm has them. */
  defaultVnodes?: number;
  create(workers: readonly Worker[], options: AlgorithmOptions): Placement;
}

export const ALGORITHMS: readonly AlgorithmEntry[] = [
  {
    name: 'alluxio-consistent',
    summary: 'Alluxio 3.x CONSISTENT policy, bit-exact (murmur3, vnodes per worker, attempts 1..100)',
    weighted: false,
    defaultVnodes: 5,
    create: (workers, o) =>
      new AlluxioConsistentPlacement(workers, { vnodes: o.vnodes, identity: o.identity, workerOrder: o.workerOrder }),
  },
  {
    name: 'ketama',
    summary: 'libketama continuum (MD5, 160 points a server, weights by memory share)',
    weighted: true,
    create: (workers, o) => new KetamaPlacement(workers, { weighting: o.weighting }),
  },
  {
    name: 'ring',
    summary: 'weighted ring: vnodes proportional to each worker\'s own weight (xxh32/xxh64)',
    weighted: true,
    defaultVnodes: RING_DEFAULT_VNODES,
    create: (workers, o) => new RingPlacement(workers, { vnodes: o.vnodes }),
  },
  {
    name: 'jump',
    summary: 'jump consistent hash (Lamping-Veach, Guava arithmetic); no weights, only the last worker leaves cleanly',
    weighted: false,
    create: (workers) => new JumpPlacement(workers),
  },
];

export const ALGORITHM_NAMES: readonly string[] = ALGORITHMS.map((a) => a.name);

export function algorithmEntry(name: string, field = 'algorithm'): AlgorithmEntry {
  const entry = ALGORITHMS.find((a) => a.name === name);
  if (!entry) {
    throw new RingSimError(field, name, 'unknown algorithm', `use one of ${ALGORITHM_NAMES.join(', ')}`);
  }
  return entry;
}

/** Builds a placement by algorithm name. */
export function createPlacement(algorithm: string, workers: readonly Worker[], options: AlgorithmOptions = {}): Placement {
  return algorithmEntry(algorithm).create(workers, options);
}

/** Rebuilds a placement saved with `placement.toJSON()`. */
export function loadPlacement(json: unknown): Placement {
  const j = json as Partial<PlacementJSON> | null;
  if (!j || typeof j !== 'object' || j.format !== 'ring-sim/placement') {
    throw new RingSimError('format', j && typeof j === 'object' ? j.format : j, 'not a saved ring-sim placement', 'load a file written from placement.toJSON()');
  }
  if (j.version !== 1) {
    throw new RingSimError('version', j.version, 'unsupported placement file version', 'this ring-sim reads version 1');
  }
  const params = (j.params ?? {}) as AlgorithmOptions;
  return createPlacement(String(j.algorithm), j.workers ?? [], params);
}
