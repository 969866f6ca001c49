/**
 * Which workers a scale-in removes, and what that moves when it is not determined.
 *
 * - A StatefulSet scales in from the highest ordinal down (kubernetes.io, "StatefulSets", Deployment and Scaling
 *   Guarantees): determined. ring-sim takes a cluster as one when every ONLINE worker registered a StatefulSet
 *   pod's name with its ordinal (`<name>-<N>.<service>…`), the only pods with such DNS names.
 * - A Deployment's ReplicaSet deletes pending pods first, then the lowest `controller.kubernetes.io/pod-deletion-cost`,
 *   then pods on nodes with more replicas, then the most recently created (bucketed on a log scale), else at
 *   random (kubernetes.io, "ReplicaSet", Scaling a ReplicaSet). None of that is in etcd, so the leaving workers are
 *   not determined: `scaleInRange` measures every choice of k of the n ONLINE workers (a seeded sample of
 *   `MAX_SCALE_IN_CHOICES` when there are more) and reports the best, median and worst. The operator's charts
 *   render the workers as a Deployment for the guide's install (its pods are named `<name>-worker-<hash>-<id>`).
 */
import { Random } from '../core/random.js';
import type { Member } from '../membership/membership.js';

/** Most leaving sets measured; past it, a seeded sample of this many distinct ones. */
export const MAX_SCALE_IN_CHOICES = 200;

/** The StatefulSet pod ordinal in an address like `alluxio-worker-7.alluxio-worker…:29999`, or -1. */
export function statefulSetOrdinal(m: Member): number {
  const match = /^[a-z0-9-]*?-(\d+)(?:\.|:|$)/.exec(m.address ?? m.host ?? '');
  return match ? Number(match[1]) : -1;
}

/** C(n, k) as a float (exact below 2^53). */
export function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** Every k-subset of `ids` in lexicographic order of positions. */
function allSubsets(ids: readonly string[], k: number): string[][] {
  const out: string[][] = [];
  const pick: number[] = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    out.push(pick.map((i) => ids[i]));
    let i = k - 1;
    while (i >= 0 && pick[i] === ids.length - k + i) i--;
    if (i < 0) return out;
    pick[i]++;
    for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1] + 1;
  }
}

/** `count` distinct k-subsets drawn with `seed` (partial Fisher–Yates a draw). */
function sampledSubsets(ids: readonly string[], k: number, count: number, seed: number): string[][] {
  const r = new Random(seed * 0x5bd1e995);
  const seen = new Set<string>();
  const out: string[][] = [];
  const idx = ids.map((_, i) => i);
  while (out.length < count) {
    for (let i = 0; i < k; i++) {
      const j = i + r.int(idx.length - i);
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const chosen = idx.slice(0, k).sort((a, b) => a - b);
    const key = chosen.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(chosen.map((i) => ids[i]));
  }
  return out;
}

/** The leaving sets to measure: all when at most MAX_SCALE_IN_CHOICES, else a seeded sample. */
export function leavingChoices(ids: readonly string[], k: number, seed: number): { sets: string[][]; total: number } {
  const total = choose(ids.length, k);
  return { sets: total <= MAX_SCALE_IN_CHOICES ? allSubsets(ids, k) : sampledSubsets(ids, k, MAX_SCALE_IN_CHOICES, seed), total };
}

export interface ScaleInChoice {
  /** The identities that leave (stay registered OFFLINE until remove-worker). */
  leaving: string[];
  /** Fraction of keys whose first worker changes. */
  moved: number;
  /** Model: bytes re-read from the under-storage (null without a data set). */
  rereadBytes: number | null;
}

export interface ScaleInRange {
  /** Every choice of the leaving workers (C(n, k)). */
  choices: number;
  /** Choices measured: all of them, or a seeded sample. */
  measured: number;
  best: ScaleInChoice;
  /** The lower median of the measured choices (an actual choice). */
  median: ScaleInChoice;
  worst: ScaleInChoice;
}

/** Best, median and worst of the measured choices, by moved share (ties: first measured). */
export function scaleInRange(measuredChoices: readonly ScaleInChoice[], total: number): ScaleInRange {
  const sorted = [...measuredChoices].sort((a, b) => a.moved - b.moved);
  return { choices: total, measured: sorted.length, best: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)], worst: sorted[sorted.length - 1] };
}

export const STATEFULSET_BASIS =
  'every ONLINE worker registered a StatefulSet pod name with its ordinal (<name>-<N>.<service>…); a StatefulSet scales in from the highest ordinal down (kubernetes.io, StatefulSets: Deployment and Scaling Guarantees)';
export const REPLICASET_BASIS =
  'the registered hosts carry no StatefulSet ordinal (pod IPs: the operator runs the workers as a Deployment, its pods named <name>-worker-<hash>-<id>); a ReplicaSet deletes pending pods first, then the lowest controller.kubernetes.io/pod-deletion-cost, then pods on nodes with more replicas, then the newest, else at random (kubernetes.io, ReplicaSet: Scaling a ReplicaSet), none of which etcd holds';

/** Who removes the pods of a scale-in by `k` of the `online` workers, and which leave (or every choice to measure). */
export type ScaleInLeaving =
  { removes: 'statefulset-ordinals'; basis: string; leaving: string[] } | { removes: 'replicaset'; basis: string; sets: string[][]; total: number };

/** Scale in by `k` ONLINE workers: the highest StatefulSet ordinals when every one has one, else the ReplicaSet's choices. */
export function scaleInLeaving(online: readonly Member[], k: number, seed: number): ScaleInLeaving {
  if (online.every((w) => statefulSetOrdinal(w) >= 0)) {
    const leaving = [...online]
      .sort((x, y) => statefulSetOrdinal(y) - statefulSetOrdinal(x))
      .slice(0, k)
      .map((w) => w.identity);
    return { removes: 'statefulset-ordinals', basis: STATEFULSET_BASIS, leaving };
  }
  const { sets, total } = leavingChoices(
    online.map((w) => w.identity),
    k,
    seed,
  );
  return { removes: 'replicaset', basis: REPLICASET_BASIS, sets, total };
}
