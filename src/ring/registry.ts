/**
 * The table of placement algorithms: the one place the CLI, `compare` and the JSON loader look them up.
 */
import { ALLUXIO_ENTERPRISE_VNODES, AlluxioConsistentPlacement } from './alluxio/consistent.js';
import { RingSimError } from '../core/errors.js';
import { JumpPlacement } from './jump.js';
import { KetamaPlacement, type KetamaWeighting } from './ketama.js';
import type { Placement, PlacementJSON } from './placement.js';
import { RING_DEFAULT_VNODES, RingPlacement } from './ring.js';
import { MaglevPlacement } from './maglev.js';
import { RendezvousPlacement } from './rendezvous.js';
import { MultiProbePlacement } from './multi-probe.js';
import { BoundedLoadPlacement } from './bounded-load.js';
import { AlluxioKetamaPlacement } from './alluxio/ketama.js';
import { AlluxioJumpPlacement } from './alluxio/jump.js';
import { AlluxioMaglevPlacement } from './alluxio/maglev.js';
import { ALLUXIO_MULTI_PROBE_PROBES, AlluxioMultiProbePlacement } from './alluxio/multi-probe.js';
import { AlluxioCapacityPlacement } from './alluxio/capacity.js';
import type { Worker } from './worker.js';

/** Options any algorithm may read; each takes the ones it knows. */
export interface AlgorithmOptions {
  /** Virtual nodes per worker (alluxio-consistent) or per unit of weight (ring). */
  vnodes?: number;
  identity?: 'auto' | 'identity' | 'hostname';
  workerOrder?: 'given' | 'sorted';
  weighting?: KetamaWeighting;
  /** Maglev table size (a prime). */
  tableSize?: number;
  /** Multi-probe probes. */
  probes?: number;
  /** Bounded-load epsilon. */
  epsilon?: number;
  /** Points a worker in alluxio-ketama (`alluxio.user.ketama.hash.replicas`). */
  ketamaPoints?: number;
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
    create: (workers, o) => new AlluxioConsistentPlacement(workers, { vnodes: o.vnodes, identity: o.identity, workerOrder: o.workerOrder }),
  },
  {
    name: 'ketama',
    summary: 'libketama continuum (MD5, 160 points a server, weights by memory share)',
    weighted: true,
    create: (workers, o) => new KetamaPlacement(workers, { weighting: o.weighting }),
  },
  {
    name: 'ring',
    summary: "weighted ring: vnodes proportional to each worker's own weight (xxh32/xxh64)",
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
  {
    name: 'maglev',
    summary: 'Maglev hashing (NSDI 2016), Envoy weighting, prime table (default 65537)',
    weighted: true,
    create: (workers, o) => new MaglevPlacement(workers, { tableSize: o.tableSize }),
  },
  {
    name: 'rendezvous',
    summary: 'weighted highest-random-weight (-w / ln u); O(workers) lookup',
    weighted: true,
    create: (workers) => new RendezvousPlacement(workers),
  },
  {
    name: 'multi-probe',
    summary: 'multi-probe consistent hashing (one point a worker, 21 probes); no weights',
    weighted: false,
    create: (workers, o) => new MultiProbePlacement(workers, { probes: o.probes }),
  },
  {
    name: 'bounded-load',
    summary: 'consistent hashing with bounded loads over ring (capacity ceil((1 + eps) x mean), eps 0.25)',
    weighted: true,
    defaultVnodes: RING_DEFAULT_VNODES,
    create: (workers, o) => new BoundedLoadPlacement(workers, { epsilon: o.epsilon, vnodes: o.vnodes }),
  },
  {
    name: 'alluxio-ketama',
    summary: 'Alluxio 3.x KETAMA policy, bit-exact (200 consecutive murmur3 points a worker)',
    weighted: false,
    create: (workers, o) => new AlluxioKetamaPlacement(workers, { replicas: o.ketamaPoints, identity: o.identity }),
  },
  {
    name: 'alluxio-jump',
    summary: 'Alluxio 3.x JUMP policy, bit-exact (paper loop over murmur3 keys)',
    weighted: false,
    create: (workers, o) => new AlluxioJumpPlacement(workers, { identity: o.identity }),
  },
  {
    name: 'alluxio-maglev',
    summary: 'Alluxio 3.x MAGLEV policy, bit-exact (M rounds, a taken slot loses the turn, HashMap order)',
    weighted: false,
    create: (workers, o) => new AlluxioMaglevPlacement(workers, { tableSize: o.tableSize, identity: o.identity }),
  },
  {
    name: 'alluxio-multi-probe',
    summary: `Alluxio 3.x MULTI_PROBE policy, bit-exact (${ALLUXIO_MULTI_PROBE_PROBES} probes, successor distance)`,
    weighted: false,
    create: (workers, o) => new AlluxioMultiProbePlacement(workers, { probes: o.probes, identity: o.identity }),
  },
  {
    name: 'alluxio-capacity',
    summary: "MODEL of Alluxio Enterprise's CAPACITY provider (not public): alluxio-consistent points, vnodes proportional to capacity",
    weighted: true,
    defaultVnodes: ALLUXIO_ENTERPRISE_VNODES,
    create: (workers, o) => new AlluxioCapacityPlacement(workers, { vnodes: o.vnodes, identity: o.identity, workerOrder: o.workerOrder }),
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
    throw new RingSimError(
      'format',
      j && typeof j === 'object' ? j.format : j,
      'not a saved ring-sim placement',
      'load a file written from placement.toJSON()',
    );
  }
  if (j.version !== 1) {
    throw new RingSimError('version', j.version, 'unsupported placement file version', 'this ring-sim reads version 1');
  }
  const params = (j.params ?? {}) as AlgorithmOptions;
  return createPlacement(String(j.algorithm), j.workers ?? [], params);
}
