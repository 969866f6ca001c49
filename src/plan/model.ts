/**
 * The plan report model: plain, JSON-serialisable data that the text printer, `--json` and the HTML page all
 * render. Fields are only ever added, never renamed (the HTML page and scripts read them).
 */
import type { Check } from '../core/check.js';
import type { DiskProvider, FileSystem } from '../capacity/disk.js';
import type { Edition } from '../capacity/pagestore-plan.js';
import type { PlanRingModel } from './ring-model.js';
import type { PlanDefault } from './defaults.js';
import type { RingMode } from '../membership/membership.js';
import type { Bandwidth } from '../core/bandwidth.js';
import type { RereadCost, RereadUfs } from './reread.js';

export interface PlanOptions {
  disk?: string;
  provider?: DiskProvider;
  fs?: FileSystem;
  /** Kubernetes nodes available to the cluster. */
  nodes?: number;
  datasetBytes?: number;
  files?: number;
  edition?: Edition;
  /** Per-worker capacity, overriding the manifest's groups: name and page-store size. */
  workers?: Array<{ name: string; size: string }>;
  seed?: number;
  /** Virtual node count for the "change the virtual node count" what-if (default: 2000, or half if already 2000 or more). */
  whatIfVnodes?: number;
  /** Platform hint for platform-specific checks. */
  platform?: 'gke' | 'eks' | 'aks' | 'other';
  /** UFS read bandwidth (--ufs-bandwidth): with a data set, each what-if's `rereadSeconds`. */
  ufsBandwidth?: Bandwidth;
  /** USD per 1000 GET requests (--ufs-price): with a data set, each what-if's `rereadRequests` and `rereadUSD`. */
  ufsPricePer1000Requests?: number;
}

export interface PlanWorker {
  name: string;
  group: string;
  sizeBytes: number;
  reservedBytes: number;
  cacheBytes: number;
  pages: number;
  pageSizeBytes: number;
  usableDiskBytes: number | null;
  headroomBytes: number | null;
  /** The page store's volume type (`hostPath`, `persistentVolumeClaim`, `emptyDir`): emptyDir is lost on a pod restart. */
  pagestoreType: string;
  /**
   * The page-store directories, one a `pagestore.size` entry (one for a single size); the worker's size, reserved,
   * page data, pages, usable disk and headroom above are their sums (one disk a directory). Always set by
   * `buildPlan`; optional so that workers built before it existed stay valid.
   */
  dirs?: PlanDir[];
}

/** One page-store directory of a worker (`pagestore-<index>`): its size entry against its own disk. */
export interface PlanDir {
  index: number;
  /** Its hostPath entry (hostPath page stores), else null. */
  hostPath: string | null;
  sizeBytes: number;
  /** The reservedSize beside it: one reservedSize applies to each directory. */
  reservedBytes: number;
  cacheBytes: number;
  pages: number;
  usableDiskBytes: number | null;
  headroomBytes: number | null;
}

export interface PlanShare {
  worker: string;
  identity: string;
  share: number;
  /** The capacity-proportional share. */
  fairShare: number;
  /** Expected band for a random ring with this many points: fairShare × (1 ± 2/sqrt(points)). */
  bandLow: number;
  bandHigh: number;
}

export interface PlanFlow {
  from: string;
  to: string;
  /** Fraction of all keys moving from `from` to `to`. */
  fraction: number;
  /** The bytes `from` caches on that fraction of its range (model: min(share × data set, page data) per worker). */
  bytes: number;
  /**
   * True on the restart's flow from the old identity to the new one: those keys stay on the pod (its page store
   * survives and pages carry no worker identity), so they are not moved and `bytes` stay cached, not re-read.
   */
  samePod?: true;
}

/** A what-if; with a data set and --ufs-bandwidth / --ufs-price its re-read in time and money (else null: reread.ts). */
export interface PlanWhatIf extends RereadCost {
  name: string;
  description: string;
  /** Fraction of keys (files) that change worker, i.e. pod (keys that stay on the pod, `samePod`, excluded). */
  moved: number;
  /**
   * Fraction of keys that change identity but stay on the pod: a restart without a persisted identity hands them
   * from the old identity to the new one on the same pod, whose surviving page store still holds them (0 elsewhere).
   */
  samePod: number;
  /** Fraction that becomes unreachable from cache (static ring: the offline worker's range). */
  unreachable: number;
  optimal: number;
  bytesMoved: number;
  /**
   * Fraction of keys whose cached pages are read again from the under-storage: `moved` for a change of the ring;
   * for "change the page size after deploy", whose ring does not change (`moved` 0), every cached key.
   */
  reread: number;
  /** Bytes read again from the under-storage (what `rereadSeconds` and `rereadUSD` time and price): `bytesMoved`, or all that is cached after a page-size change. */
  bytesReread: number;
  /** "cache" when the page stores cap what the workers handing keys over hold (or no data set was given), else "dataset". */
  bytesBasis: 'dataset' | 'cache';
  /** `bytesBasis` in words ("of the data set", "capped by what the workers cache", "of the cache, taken as full"). */
  bytesBasisText: string;
  /** The largest flows (at most 20), largest first; then the `samePod` flow, if any (not counted as moved). */
  flows: PlanFlow[];
  /** False when the change cannot be made on this cluster (`reason` says why); its numbers are then 0. */
  applicable: boolean;
  reason?: string;
  /** All from→to pairs that moved keys (the `samePod` flow is not one); `flows` lists the largest of them. */
  flowCount: number;
  /** The share of the re-read keys (`reread`: the moved ones, or a page-size change's dropped ones) that the listed flows carry (1 when all are listed). */
  flowsShownShare: number;
  /** The flows not listed, summed. */
  otherFlows: { count: number; fraction: number; bytes: number };
}

export interface PlanRing {
  policy: string;
  algorithm: string;
  vnodes: number;
  mode: RingMode;
  provider: string;
  identities: string;
  draws: number;
  maxOverMean: number;
  minOverMean: number;
  relativeStddev: number;
  expectedRelativeStddev: number;
  busiest: { worker: string; share: number; overFair: number };
  maxOverMeanAcrossDraws: { median: number; worst: number };
  shares: PlanShare[];
  /** The ring drawn as arcs: [start, end) in [0, 1) of the hash space, and the worker index. */
  arcs: Array<[number, number, number]>;
  /** What rebuilds this ring (`planRing`): the HTML page recomputes what-ifs from it. */
  model: PlanRingModel;
}

export interface PlanDataset {
  bytes: number;
  files: number | null;
  cacheBytes: number;
  coverage: number;
  fits: boolean;
  overflowing: Array<{ worker: string; expectedBytes: number; cacheBytes: number }>;
}

export interface PlanReport {
  format: 'ring-sim/plan';
  version: 1;
  source: string;
  cluster: { name: string; namespace: string | null; image: string | null; otherDocuments: Array<{ kind: string; name?: string }> };
  edition: Edition;
  verdict: { deployable: boolean; errors: number; warnings: number; summary: string };
  workers: PlanWorker[];
  checks: Check[];
  ring: PlanRing;
  dataset: PlanDataset | null;
  whatIf: PlanWhatIf[];
  /** The under-storage the what-ifs' re-read is timed and priced against (null without --ufs-bandwidth or --ufs-price). */
  ufs: RereadUfs | null;
  assumptions: string[];
  /** The operator defaults the plan took where the manifest is silent, each with its source (guide section or ring-sim's assumption). */
  defaults: PlanDefault[];
}
