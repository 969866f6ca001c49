/**
 * What every Alluxio policy shares when it picks workers (reference alluxio-placement.md §4-5): each worker is
 * known by a distinct identity, a key takes at most 100 hash attempts to find its N workers, and asking for more
 * workers than the cluster has fails up front with Alluxio's own words.
 */
import { RingSimError } from '../../core/errors.js';
import type { Worker } from '../worker.js';
import { identityToString, resolveIdentity, type IdentityMode, type WorkerIdentity } from './identity.js';

/** Most hash attempts when looking for N distinct workers (Alluxio hard-codes 100). */
export const ALLUXIO_MAX_ATTEMPTS = 100;

/** Each worker's identity, read as `mode` says; two workers with one identity are an error naming both. */
export function distinctIdentities(workers: readonly Worker[], mode: IdentityMode): WorkerIdentity[] {
  const identities = workers.map((w, i) => resolveIdentity(w.id, mode, `workers[${i}].id`));
  const seen = new Map<string, number>();
  identities.forEach((id, i) => {
    const s = identityToString(id);
    const prior = seen.get(s);
    if (prior !== undefined) {
      throw new RingSimError(
        `workers[${i}].id`,
        workers[i].id,
        `it is the same Alluxio identity as ${JSON.stringify(workers[prior].id)} (${s})`,
        'give every worker a distinct identity',
      );
    }
    seen.set(s, i);
  });
  return identities;
}

/** Alluxio's "Not enough workers in the cluster" failure when `replicas` exceeds the `workers` registered. */
export function checkEnoughWorkers(replicas: number, workers: number): void {
  if (Number.isInteger(replicas) && replicas > workers) {
    throw new RingSimError(
      'replicas',
      replicas,
      `Not enough workers in the cluster ${workers} workers in the cluster but ${replicas} required`,
      `ask for at most ${workers} replicas or add workers`,
    );
  }
}
