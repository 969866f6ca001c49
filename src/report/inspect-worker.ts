/**
 * `ring-sim inspect --worker ID`: finding the one worker the operator is about to touch (its what-ifs, with
 * their flows, come from the what-if module through inspect.ts). A worker is named by its identity
 * `worker-<uuid>`, its registered host, the host's first DNS label, or (with --pods) its pod name.
 */
import { RingSimError } from '../core/errors.js';
import type { Member, Membership } from '../membership/membership.js';
import { podOfHost, type PodIndex } from '../membership/pods.js';

/** Flows a what-if lists (--worker prints them). */
export const WORKER_FLOWS = 20;

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
  throw new RingSimError(
    '--worker',
    id,
    found.length === 0 ? `no registered worker of cluster ${m.cluster} in ${m.source} has this identity, host or pod` : `${found.length} workers match`,
    `pass one of: ${known}`,
  );
}

export interface WorkerFlow {
  from: string;
  to: string;
  fraction: number;
}

/** The membership without `identity`'s registration (remove-worker). */
export function without(m: Membership, identity: string): Membership {
  return { ...m, members: m.members.filter((w) => w.identity !== identity) };
}
