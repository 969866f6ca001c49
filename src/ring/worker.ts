import { RingSimError } from '../core/errors.js';

/** A cache worker as the placement algorithms see it. */
export interface Worker {
  /** The worker's identity: an Alluxio `worker-<uuid>` string, a hostname, a `host:port`, any non-empty text. */
  id: string;
  /** Relative weight (capacity share); 1 when absent. A positive finite number. */
  weight?: number;
  /** Failure domain (zone, rack) the worker lives in. */
  zone?: string;
}

/**
 * The most ring points (virtual nodes over all workers) any algorithm builds: 2^25, room for 10,000 workers at
 * Enterprise's 2,000 virtual nodes (20,000,000 points, about 9 bytes a point once built).
 */
export const MAX_RING_POINTS = 33_554_432;

/** Checks a worker list and returns a normalised copy (weights filled in with 1). */
export function normaliseWorkers(workers: readonly Worker[], field = 'workers'): Worker[] {
  if (!Array.isArray(workers) || workers.length === 0) {
    throw new RingSimError(field, workers, 'the worker list is empty', 'give at least one worker');
  }
  const seen = new Set<string>();
  const out: Worker[] = [];
  workers.forEach((w, i) => {
    const where = `${field}[${i}]`;
    if (w === null || typeof w !== 'object') {
      throw new RingSimError(where, w, 'a worker must be an object with an id', 'write {"id": "worker-1"}');
    }
    if (typeof w.id !== 'string' || w.id.trim() === '') {
      throw new RingSimError(`${where}.id`, w.id, 'a worker id must be a non-empty string', 'give every worker an id');
    }
    if (seen.has(w.id)) {
      throw new RingSimError(`${where}.id`, w.id, 'duplicate worker id', 'give every worker a distinct id');
    }
    seen.add(w.id);
    const weight = w.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      throw new RingSimError(`${where}.weight`, w.weight, 'a weight must be a positive finite number', 'use a number such as 1 or 2.5, or leave it out for 1');
    }
    const worker: Worker = { id: w.id, weight };
    if (w.zone !== undefined) {
      if (typeof w.zone !== 'string' || w.zone === '') {
        throw new RingSimError(`${where}.zone`, w.zone, 'a zone must be a non-empty string', 'name the zone or leave it out');
      }
      worker.zone = w.zone;
    }
    out.push(worker);
  });
  return out;
}

/** Checks a replica count against the number of workers that can hold a key. */
export function checkReplicas(replicas: number, available: number, field = 'replicas'): void {
  if (!Number.isInteger(replicas) || replicas < 1) {
    throw new RingSimError(field, replicas, 'replicas must be a whole number of at least 1', 'use 1, 2, 3, ...');
  }
  if (replicas > available) {
    throw new RingSimError(
      field,
      replicas,
      `only ${available} distinct worker${available === 1 ? '' : 's'} can hold a key`,
      `ask for at most ${available} replicas or add workers`,
    );
  }
}

/** Checks a whole-number parameter against a range. */
export function checkInteger(field: string, value: unknown, min: number, max: number, fix: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RingSimError(field, value, `must be a whole number from ${min} to ${max}`, fix);
  }
  return value;
}
