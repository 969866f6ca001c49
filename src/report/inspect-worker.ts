/**
 * `ring-sim inspect --worker ID`: the what-ifs of the one worker the operator is about to touch, on both exact
 * rings, each with the flows (from → to, largest first) that ring-sim's `movement` measures between the two rings:
 * stop, restart with its identity, restart without it (the old identity stays registered OFFLINE, a new random
 * one joins), remove-worker (OFFLINE only: Alluxio refuses a running worker), and scale-in.
 * A worker is named by its identity `worker-<uuid>`, its registered host, the host's first DNS label, or (with
 * --pods) its pod name.
 */
import { RingSimError } from '../core/errors.js';
import { membershipPlacement, type Member, type Membership } from '../membership/membership.js';
import { podOfHost, type PodIndex } from '../membership/pods.js';
import { movement } from '../ring/analysis/movement.js';
import type { AlluxioConsistentPlacement } from '../ring/alluxio/consistent.js';
import { drawIdentities } from '../plan/ring-model.js';

/** Flows a --worker what-if lists. */
const WORKER_FLOWS = 20;

/** The member `id` names; a RingSimError listing the known names otherwise. */
export function findWorker(m: Membership, id: string, pods?: PodIndex): Member {
  const names = (w: Member): string[] => {
    const out = [w.identity];
    if (w.host !== undefined) out.push(w.host, w.host.split('.')[0]);
    const p = pods ? podOfHost(w.host, pods) : undefined;
    if (p?.pod) out.push(p.pod);
    return out;
  };
  const found = m.members.filter((w) => names(w).includes(id));
  if (found.length === 1) return found[0];
  const known = m.members.map((w) => (w.host !== undefined ? `${w.identity} (${w.host})` : w.identity)).join(', ');
  throw new RingSimError('--worker', id, found.length === 0 ? `no registered worker of cluster ${m.cluster} in ${m.source} has this identity, host or pod` : `${found.length} workers match`,
    `pass one of: ${known}`);
}

export interface WorkerFlow { from: string; to: string; fraction: number }

export interface WorkerRing { moved: number; optimal: number; flows: WorkerFlow[] }

/** movement() between two rings with its largest flows. */
export function ringChange(before: AlluxioConsistentPlacement, after: AlluxioConsistentPlacement): WorkerRing {
  const mv = movement(before, after, { maxFlows: WORKER_FLOWS });
  return { moved: mv.moved, optimal: mv.optimal, flows: mv.flows.map((f) => ({ from: f.from, to: f.to, fraction: f.fraction })) };
}

/** The membership with `identity` OFFLINE (stopped, or its pod scaled away). */
export function withOffline(m: Membership, identity: string): Membership {
  return { ...m, members: m.members.map((w) => (w.identity === identity ? { ...w, state: 'OFFLINE' as const } : w)) };
}

/** The membership without `identity`'s registration (remove-worker). */
export function without(m: Membership, identity: string): Membership {
  return { ...m, members: m.members.filter((w) => w.identity !== identity) };
}

/** The membership after `identity` restarts without its identity file: it stays OFFLINE, a drawn one joins. */
export function renewed(m: Membership, identity: string, seed: number): { after: Membership; fresh: string } {
  const fresh = drawIdentities(seed, 'restart')[0];
  return { after: { ...withOffline(m, identity), members: [...withOffline(m, identity).members, { identity: fresh, state: 'ONLINE' }] }, fresh };
}

/** Both rings of a membership, the dynamic one null without an ONLINE worker. */
export function rings(m: Membership, vnodes: number): { dyn: AlluxioConsistentPlacement | null; stat: AlluxioConsistentPlacement } {
  return { dyn: m.members.some((w) => w.state === 'ONLINE') ? membershipPlacement(m, 'dynamic', vnodes) : null, stat: membershipPlacement(m, 'static', vnodes) };
}
