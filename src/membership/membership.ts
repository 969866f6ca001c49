/**
 * A cluster's membership: every registered worker identity with its address and liveness, from a live etcd, an
 * etcd export or a manifest's drawn identities. Alluxio builds its ring from it in one of two ways
 * (shared/reference/alluxio-placement.md §6.2): the dynamic ring (the default) holds the ONLINE identities only,
 * the static ring every registered one, OFFLINE included.
 */
import { ALLUXIO_OSS_VNODES, AlluxioConsistentPlacement } from '../ring/alluxio/consistent.js';
import { RingSimError } from '../core/errors.js';
import type { Worker } from '../ring/worker.js';

export type MemberState = 'ONLINE' | 'OFFLINE';
export type RingMode = 'dynamic' | 'static';
export const RING_MODES: readonly RingMode[] = ['dynamic', 'static'];

export interface Member {
  /** Alluxio's `worker-<uuid>` (or `worker-<number>`) identity string. */
  identity: string;
  /** `host:rpcPort` from the registration's value, when it could be read. */
  address?: string;
  /** `WorkerNetAddress.Host` alone: the pod IP (or host IP with host networking) or name the worker registered. */
  host?: string;
  state: MemberState;
}

export interface Membership {
  cluster: string;
  /** In the order Alluxio lists them (etcd's ascending key order): it decides equal ring points. */
  members: Member[];
  /** Where the membership was read, for reports: endpoints or the export file. */
  source: string;
  /** What was read past and why (unreadable values, identities that are not Alluxio's). */
  notes: string[];
}

/** The members on a ring of the given kind: ONLINE ones (dynamic) or all registered (static). */
export function ringMembers(m: Membership, mode: RingMode): Member[] {
  return mode === 'static' ? m.members : m.members.filter((w) => w.state === 'ONLINE');
}

/** The ring's workers, as the ring and analysis modules take them. */
export function ringWorkers(m: Membership, mode: RingMode): Worker[] {
  return ringMembers(m, mode).map((w) => ({ id: w.identity }));
}

/** The ring's workers; a RingSimError when the ring would be empty. */
export function requireRingWorkers(m: Membership, mode: RingMode): Worker[] {
  const workers = ringWorkers(m, mode);
  if (workers.length === 0) {
    throw new RingSimError(
      '--ring',
      mode,
      `cluster ${JSON.stringify(m.cluster)} has no ${mode === 'dynamic' ? 'ONLINE' : 'registered'} worker in ${m.source}`,
      mode === 'dynamic' ? 'use --ring static to place on the registered identities, or start a worker' : 'check --cluster and the source',
    );
  }
  return workers;
}

/** Alluxio's CONSISTENT ring over the membership (`vnodes` per worker: 5 open source, 2000 Enterprise). */
export function membershipPlacement(m: Membership, mode: RingMode, vnodes = ALLUXIO_OSS_VNODES): AlluxioConsistentPlacement {
  return new AlluxioConsistentPlacement(requireRingWorkers(m, mode), { vnodes, identity: 'identity', workerOrder: 'given' });
}
