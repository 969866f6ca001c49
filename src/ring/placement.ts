import type { Worker } from './worker.js';
import type { SortedRing } from './sorted-ring.js';

export interface LocateOptions {
  /** Spread replicas over distinct zones first (workers' `zone`), then fill in preference order. */
  zonesFirst?: boolean;
}

/** Exact ownership: how much of the algorithm's key space each worker owns. */
export interface Ownership {
  /** `hash-space`: 32-bit hash values owned; `slots`: lookup-table slots owned. */
  unit: 'hash-space' | 'slots';
  /** Size of the whole space (2^32 hash values, or the table size). */
  total: number;
  /** Amount owned by each worker, aligned with `placement.workers`. */
  byWorker: Float64Array;
}

/** A ring over a named key hash, for exact comparisons between two placements over the same hash. */
export interface RingView {
  /** Names the key hash; two views are comparable only when their `space` is equal. */
  space: string;
  ring: SortedRing;
}

/** A lookup table over a named key hash (Maglev), for exact comparisons between two tables of one size. */
export interface TableView {
  space: string;
  slots: Uint32Array;
}

/** Parameters of an algorithm as saved in JSON (numbers, strings and booleans only). */
export type PlacementParams = Readonly<Record<string, number | string | boolean>>;

/** A saved placement: enough to rebuild exactly the same placement later. */
export interface PlacementJSON {
  format: 'ring-sim/placement';
  version: 1;
  algorithm: string;
  params: Record<string, number | string | boolean>;
  workers: Worker[];
}

/**
 * Where keys go. Every algorithm implements this; all are deterministic and pure (the same workers, params
 * and key give the same answer in every process).
 */
export interface Placement {
  readonly algorithm: string;
  /** The workers, normalised (weights filled in), in the order they were given. */
  readonly workers: readonly Worker[];
  readonly params: PlacementParams;
  /**
   * Distinct workers for `key`, in preference order. Throws when fewer than `replicas` can be found. With
   * `zonesFirst`, the replicas go to distinct zones before any zone gets a second one.
   */
  locate(key: string, replicas?: number, options?: LocateOptions): string[];
  /** The index (into `workers`) of the first worker for `key`; the allocation-free hot path. */
  locateIndex(key: string): number;
  /**
   * Writes up to `replicas` distinct worker indices for `key`, in preference order, into `out`; returns how many
   * (fewer when the algorithm gives up, as Alluxio's does after 100 attempts). Allocation-free.
   */
  locateIndices(key: string, replicas: number, out: Uint32Array): number;
  /** Exact ownership, when the algorithm has one (rings, tables); `null` otherwise (use a key sample). */
  ownership(): Ownership | null;
  /** The ring and its key hash, for exact movement between two placements; `null` if not a ring. */
  ringView(): RingView | null;
  /** The lookup table and its key hash (Maglev), for exact movement between two tables; `null` if none. */
  tableView(): TableView | null;
  /**
   * Load-dependent placements (bounded-load) place `keys` in order and then answer for them from those
   * assignments; every other placement ignores this.
   */
  prepare(keys: readonly string[]): void;
  /** The same algorithm and params over another worker list. */
  withWorkers(workers: readonly Worker[]): Placement;
  addWorker(worker: Worker): Placement;
  removeWorker(id: string): Placement;
  reweightWorker(id: string, weight: number): Placement;
  /** Bytes of the lookup structures (typed arrays), for memory comparisons. */
  byteSize(): number;
  toJSON(): PlacementJSON;
}
