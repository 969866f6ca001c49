import { RingSimError } from '../core/errors.js';
import type { LocateOptions, Ownership, Placement, PlacementJSON, PlacementParams, RingView, TableView } from './placement.js';
import type { SortedRing } from './sorted-ring.js';
import { checkReplicas, normaliseWorkers, type Worker } from './worker.js';

/** Every placement class is built as `new Class(workers, options)`; `withWorkers` relies on it. */
type PlacementClass = new (workers: readonly Worker[], options: object) => Placement;

/**
 * Shared plumbing: worker list checks, derivation after a change (`withWorkers` rebuilds the same class with the
 * same options), JSON. Ring-backed placements call `useRing` once and get `ownership`, `ringView` and
 * `byteSize` from their ring.
 */
export abstract class BasePlacement implements Placement {
  abstract readonly algorithm: string;
  readonly workers: readonly Worker[];
  readonly params: PlacementParams;
  /** The options this placement was built with, as given: `withWorkers` passes them on. */
  protected readonly options: object;
  protected readonly indexById: Map<string, number>;
  private ringBacking: RingView | null = null;

  protected constructor(workers: readonly Worker[], params: PlacementParams, options: object) {
    this.workers = Object.freeze(normaliseWorkers(workers));
    this.params = Object.freeze({ ...params });
    this.options = options;
    this.indexById = new Map(this.workers.map((w, i) => [w.id, i]));
  }

  abstract locateIndex(key: string): number;
  abstract locateIndices(key: string, replicas: number, out: Uint32Array): number;

  /** Declares this placement ring-backed: `ring` over the key hash named `space`. */
  protected useRing(ring: SortedRing, space: string): void {
    this.ringBacking = { space, ring };
  }

  /** The same class and options over another worker list. */
  withWorkers(workers: readonly Worker[]): Placement {
    const Same = Object.getPrototypeOf(this).constructor as PlacementClass;
    return new Same(workers, this.options);
  }

  /** Bytes of the lookup structures: the ring's, for ring-backed placements (others override). */
  byteSize(): number {
    return this.ringBacking ? this.ringBacking.ring.byteSize() : 0;
  }

  prepare(_keys: readonly string[]): void {}

  /** How many distinct workers can hold a key (workers with no points cannot). */
  protected reachableWorkers(): number {
    return this.workers.length;
  }

  private scratch = new Uint32Array(8);

  locate(key: string, replicas = 1, options?: LocateOptions): string[] {
    // The common case first: one replica needs no checks (every placement has a reachable worker).
    if (replicas === 1) return [this.workers[this.locateIndex(key)].id];
    checkReplicas(replicas, this.reachableWorkers());
    if (options?.zonesFirst && replicas > 1) return this.locateZonesFirst(key, replicas);
    if (this.scratch.length < replicas) this.scratch = new Uint32Array(replicas);
    const found = this.locateIndices(key, replicas, this.scratch);
    if (found < replicas) {
      throw new RingSimError(
        'replicas',
        replicas,
        `found ${found} workers for key ${JSON.stringify(key)} but ${replicas} are required`,
        'ask for fewer replicas or add workers',
      );
    }
    const out: string[] = new Array(found);
    for (let i = 0; i < found; i++) out[i] = this.workers[this.scratch[i]].id;
    return out;
  }

  /** Replicas over distinct zones first: the preference order, taking one worker a zone, then the rest in order. */
  private locateZonesFirst(key: string, replicas: number): string[] {
    const zones = new Set(this.workers.map((w) => w.zone ?? ''));
    const n = this.reachableWorkers();
    let depth = Math.min(n, Math.max(replicas * 4, zones.size * 4));
    for (;;) {
      if (this.scratch.length < depth) this.scratch = new Uint32Array(depth);
      const found = this.locateIndices(key, depth, this.scratch);
      const prefs = Array.from(this.scratch.subarray(0, found));
      const chosen: number[] = [];
      const used = new Set<string>();
      for (const w of prefs) {
        if (chosen.length === replicas) break;
        const z = this.workers[w].zone ?? '';
        if (!used.has(z)) {
          used.add(z);
          chosen.push(w);
        }
      }
      const zonesSeen = new Set(prefs.map((w) => this.workers[w].zone ?? ''));
      const complete = chosen.length === replicas || zonesSeen.size === zones.size || found >= n || depth >= n;
      if (complete) {
        for (const w of prefs) {
          if (chosen.length === replicas) break;
          if (!chosen.includes(w)) chosen.push(w);
        }
        if (chosen.length < replicas) {
          throw new RingSimError(
            'replicas',
            replicas,
            `found ${chosen.length} workers for key ${JSON.stringify(key)} but ${replicas} are required`,
            'ask for fewer replicas or add workers',
          );
        }
        return chosen.map((w) => this.workers[w].id);
      }
      depth = Math.min(n, depth * 2);
    }
  }

  /** Exact ownership of the 2^32 hash space, for ring-backed placements; `null` otherwise (others override). */
  ownership(): Ownership | null {
    return this.ringBacking ? { unit: 'hash-space', total: 2 ** 32, byWorker: this.ringBacking.ring.ownedHashes() } : null;
  }

  ringView(): RingView | null {
    return this.ringBacking;
  }

  tableView(): TableView | null {
    return null;
  }

  addWorker(worker: Worker): Placement {
    return this.withWorkers([...this.workers, worker]);
  }

  removeWorker(id: string): Placement {
    if (!this.indexById.has(id)) {
      throw new RingSimError('worker', id, 'no such worker', 'name a worker that is in the list');
    }
    return this.withWorkers(this.workers.filter((w) => w.id !== id));
  }

  reweightWorker(id: string, weight: number): Placement {
    if (!this.indexById.has(id)) {
      throw new RingSimError('worker', id, 'no such worker', 'name a worker that is in the list');
    }
    return this.withWorkers(this.workers.map((w) => (w.id === id ? { ...w, weight } : w)));
  }

  toJSON(): PlacementJSON {
    return {
      format: 'ring-sim/placement',
      version: 1,
      algorithm: this.algorithm,
      params: { ...this.params },
      workers: this.workers.map((w) => ({ ...w })),
    };
  }
}

/**
 * A placement over one `SortedRing` (ring, ketama, alluxio-consistent and its capacity model): it calls
 * `useRing` in its constructor, so its ownership and ring view are never null.
 */
export abstract class RingBackedPlacement extends BasePlacement {
  override ownership(): Ownership {
    return super.ownership()!;
  }

  override ringView(): RingView {
    return super.ringView()!;
  }
}
