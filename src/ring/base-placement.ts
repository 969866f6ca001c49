import { RingSimError } from '../core/errors.js';
import type { LocateOptions, Ownership, Placement, PlacementJSON, PlacementParams, RingView } from './placement.js';
import { checkReplicas, normaliseWorkers, type Worker } from './worker.js';

/** Shared plumbing: worker list checks, derivation after a change, JSON. */
export abstract class BasePlacement implements Placement {
  abstract readonly algorithm: string;
  readonly workers: readonly Worker[];
  readonly params: PlacementParams;
  protected readonly indexById: Map<string, number>;

  protected constructor(workers: readonly Worker[], params: PlacementParams) {
    this.workers = Object.freeze(normaliseWorkers(workers));
    this.params = Object.freeze({ ...params });
    this.indexById = new Map(this.workers.map((w, i) => [w.id, i]));
  }

  abstract locateIndex(key: string): number;
  /** Writes up to `replicas` distinct worker indices for `key` into `out`; returns how many. */
  protected abstract locateIndices(key: string, replicas: number, out: Uint32Array): number;
  abstract withWorkers(workers: readonly Worker[]): Placement;
  abstract byteSize(): number;

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
          throw new RingSimError('replicas', replicas, `found ${chosen.length} workers for key ${JSON.stringify(key)} but ${replicas} are required`, 'ask for fewer replicas or add workers');
        }
        return chosen.map((w) => this.workers[w].id);
      }
      depth = Math.min(n, depth * 2);
    }
  }

  ownership(): Ownership | null {
    return null;
  }

  ringView(): RingView | null {
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
