/**
 * A scenario's shape once read: a cluster, its placement, a workload and a timeline of events (src/sim/scenario.ts
 * reads and validates one).
 */
import type { TraceFormat } from './trace/index.js';
import type { RingMode } from '../membership/membership.js';
import type { UfsModel } from './ufs.js';

export interface WorkerGroup {
  name: string;
  count: number;
  /** Page store size in bytes (from a Kubernetes quantity): the sum of `dirs`. */
  sizeBytes: number;
  /** Each page-store directory's size in bytes, in `pagestore.dirs` order (one entry for `pagestore.size`). */
  dirs: number[];
  reservedBytes: number;
  pageSizeBytes: number;
  policy: string;
  /** `alluxio.worker.page.store.eviction.retries`: a put evicts at most this + 1 pages of its directory. */
  evictionRetries: number;
  /** The worker identity file is on a persistent volume (or set explicitly): restarts keep the identity. */
  persistentIdentity: boolean;
  /** The page store is on hostPath or a PVC (survives a restart), not an emptyDir. */
  persistentPageStore: boolean;
}

export type FileSizeSpec =
  { kind: 'fixed'; bytes: number } | { kind: 'uniform'; min: number; max: number } | { kind: 'lognormal'; mean: number; sd: number; min: number; max: number };

export type WorkloadSpec =
  | { type: 'uniform'; files: number; fileSize: FileSizeSpec; requests: number }
  | { type: 'zipf'; files: number; alpha: number; fileSize: FileSizeSpec; requests: number }
  | { type: 'training'; files: number; fileSize: FileSizeSpec; epochs: number; jobs: number; shuffle: boolean }
  | { type: 'hotset'; files: number; fileSize: FileSizeSpec; requests: number; hotFraction: number; hotProbability: number; shiftEvery: number }
  | {
      type: 'trace';
      path: string;
      format: TraceFormat;
      objectSize?: number;
      csv?: { timeCol?: number; idCol?: number; sizeCol?: number; delimiter?: string; hasHeader?: boolean; idIsNum?: boolean };
      requests?: number;
    };

export type EventAction =
  | { action: 'add-workers'; count: number; group: string }
  | { action: 'scale-in'; worker: string }
  | { action: 'stop-worker'; worker: string }
  | { action: 'start-worker'; worker: string }
  /** `downtime`: the reads the worker is offline before it comes back (0: stop and start at once). */
  | { action: 'restart-worker'; worker: string; keepIdentity?: boolean; keepPageStore?: boolean; downtime?: number }
  | { action: 'remove-worker'; worker: string }
  | { action: 'set-capacity'; worker: string; sizeBytes: number }
  | { action: 'set-page-size'; worker: string; pageSizeBytes: number };

/**
 * When an event happens: `at` (the reads before it), or `atTime` (seconds of the workload's clock). `atEpoch` (a
 * training workload's epochs, 1.5: half way through the second) is kept as written beside the `at` it gives.
 */
export type ScenarioEvent = EventAction & { at?: number; atTime?: number; atEpoch?: number; label?: string };

export interface Scenario {
  name: string;
  seed: number;
  cluster: { groups: WorkerGroup[] };
  placement: {
    algorithm: string;
    vnodes?: number;
    /** dynamic: live workers only; static: every registered worker, lost ones included. */
    ring: RingMode;
    replicas: number;
    /** Requests between a membership change and the client's ring seeing it. */
    refreshDelay: number;
    /** Weight workers by page-store capacity (weighted algorithms only). */
    weightByCapacity: boolean;
  };
  workload: WorkloadSpec;
  /** Template of a file's UFS path; `{index}` is the file number, `{key}` a trace key. */
  pathTemplate: string;
  /** Requests (file reads) a second, to give synthetic workloads a clock for `atTime` events. */
  requestsPerSecond?: number;
  metrics: { window: number };
  events: ScenarioEvent[];
  /** The under-storage's limits and prices (the `ufs:` block; absent: bytes and requests only). */
  ufs?: UfsModel;
}
