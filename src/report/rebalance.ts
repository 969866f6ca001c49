/**
 * The rebalance view's what-ifs, computed by the same ring code as the CLI: the HTML page runs this module (in
 * the browser bundle, dist/viz/core.js) on the plan's ring model to answer "what if I remove worker X, add N
 * workers, restart X without its identity, change the virtual node count or the provider".
 *
 * The semantics (what moves, what stays on the pod, what an emptyDir page store loses, the bytes) are
 * src/ring/analysis/what-if.ts's, the same module the plan's what-if table calls; this file maps the page's
 * controls to its changes and names the identities:
 * - remove: X leaves for good (the module's `remove`): in a static ring its range is unreachable until
 *   `alluxio process remove-worker` runs, then exactly X's range moves to the others.
 * - restart: without its identity (the module's `restart` with a new identity, drawn like the plan's).
 * - add N: N workers like the first, identities drawn like the plan's +1 worker (the first is the plan's).
 * - vnodes / provider: another ring over the same workers; the provider switch changes the key hash, so its
 *   movement is measured on a key sample.
 * - stop: X's pod goes, its identity stays registered OFFLINE (the module's `stop`).
 *
 * `inspect --html` runs the same on a running cluster's exact identities (`offline` marks the registered but
 * OFFLINE ones; `capacityBytes` null: what each caches is unknown, not capped), so its page and `inspect --json`
 * agree too.
 */
import { bytesBasisText } from '../ring/analysis/cached-bytes.js';
import { whatIf, type WhatIfChange, type WhatIfCluster } from '../ring/analysis/what-if.js';
import { capacityWeights, drawIdentities, planRing, type PlanRingModel } from '../plan/ring-model.js';
import type { Placement } from '../ring/placement.js';
import { HASH_SPACE } from '../ring/sorted-ring.js';
import type { Worker } from '../ring/worker.js';
import type { RingMode } from '../membership/membership.js';

export type RebalanceChange =
  | { kind: 'remove'; worker: number }
  | { kind: 'add'; count: number }
  | { kind: 'stop'; worker: number }
  | { kind: 'restart'; worker: number }
  | { kind: 'vnodes'; vnodes: number }
  | { kind: 'provider'; weighted: boolean };

export interface RebalanceInput {
  model: PlanRingModel;
  /** Display names aligned with `model.workers` (the plan's `ring.shares[].worker`). */
  names: string[];
  /** Static ring: stopped identities stay registered, OFFLINE. */
  mode: RingMode;
  /** Page-store size of each worker (bytes): the CAPACITY provider's weights, and what each caches at most; null: unknown, not capped. */
  capacityBytes: ReadonlyArray<number | null>;
  /** Registered but OFFLINE (inspect's membership), aligned with `model.workers`; absent: every worker ONLINE. */
  offline?: readonly boolean[];
  /** The data set (bytes), or null/absent: every cache taken as full. */
  datasetBytes?: number | null;
  /** Page-store type of each worker (`hostPath`, `persistentVolumeClaim`, `emptyDir`), aligned with `model.workers`; absent: hostPath. */
  pagestoreTypes?: readonly string[];
}

export interface RebalanceWorker {
  id: string;
  name: string;
  state: 'kept' | 'removed' | 'new' | 'offline';
  before: number;
  after: number;
}

export interface RebalanceResult {
  before: Placement;
  after: Placement;
  /** Fraction of keys whose worker (pod) changes. */
  moved: number;
  /** Fraction of keys a restart hands from the old identity to the new one on the same pod: still cached there, not moved. */
  samePod: number;
  /** The (before id, after id) pairs that are one pod (`movedRanges` leaves their ranges out). */
  samePodPairs: Array<[string, string]>;
  /** The least any placement with the after shares moves. */
  optimal: number;
  /** Fraction of keys whose worker is offline afterwards (or until remove-worker): read from the under-storage. */
  unreachable: number;
  method: 'exact' | 'sample';
  /** Every identity of either ring, in before order then new ones. */
  workers: RebalanceWorker[];
  /** From → to, by identity, largest first. */
  flows: Array<{ from: string; to: string; fraction: number }>;
  /** The identity this change takes OFFLINE (static ring), if any. */
  offline: string | null;
  /** Every OFFLINE identity on the ring after the change (static ring): the ones already OFFLINE too. */
  offlineIds: string[];
  /** Bytes re-read for the keys moved, and what they are of (the plan's what-if model, cached-bytes.ts). */
  bytesMoved: number;
  bytesBasis: 'dataset' | 'cache';
  /** `bytesBasis` in words, as the plan's what-if table says it. */
  bytesBasisText: string;
  /** Bytes the unreachable range caches: read from the under-storage. */
  bytesUnreachable: number;
}

/** Shares of each worker of `p`, exact (rings own hash space). */
export function ringShares(p: Placement): Float64Array {
  const own = p.ownership();
  if (!own) throw new Error('ringShares: not a ring');
  return own.byWorker.map((x) => x / own.total);
}

/** The base ring of the model. */
export function baseRing(model: PlanRingModel): Placement {
  return planRing(model.workers, model.vnodes, model.weighted);
}

/** The plan's ring as the what-if module takes it. */
function cluster(input: RebalanceInput): WhatIfCluster {
  const { model } = input;
  return {
    workers: model.workers.map((w, i) => ({
      ...w,
      offline: input.offline?.[i] === true,
      cacheBytes: input.capacityBytes[i] ?? Infinity,
      pagestoreType: input.pagestoreTypes?.[i],
    })),
    mode: input.mode,
    ring: (ws, vnodes = model.vnodes) => planRing(ws, vnodes, model.weighted),
    datasetBytes: input.datasetBytes ?? null,
  };
}

/** The page's change as the module's: removed for good, new identities drawn as the plan draws them. */
function moduleChange(input: RebalanceInput, change: RebalanceChange): WhatIfChange {
  const { model } = input;
  switch (change.kind) {
    case 'remove':
    case 'stop':
      return change;
    case 'add':
      return { kind: 'add', ids: drawIdentities(model.seed, 'add', change.count), like: firstOnline(input) };
    case 'restart':
      return { kind: 'restart', worker: change.worker, newIdentity: drawIdentities(model.seed, 'restart')[0] };
    case 'vnodes':
      return change;
    case 'provider': {
      const weights = capacityWeights(input.capacityBytes.map((b) => b ?? 1));
      const ws = model.workers.map((w, i) => (change.weighted ? { id: w.id, weight: weights[i] } : { id: w.id }));
      return { kind: 'ring', after: planRing(ws, model.vnodes, change.weighted) };
    }
  }
}

/** The worker new ones are like: the first ONLINE one. */
function firstOnline(input: RebalanceInput): number {
  return Math.max(
    0,
    input.model.workers.findIndex((_, i) => input.offline?.[i] !== true),
  );
}

/** The what-if `change` on the plan's ring (src/ring/analysis/what-if.ts), with the page's names and states. */
export function rebalance(input: RebalanceInput, change: RebalanceChange): RebalanceResult {
  const r = whatIf(cluster(input), moduleChange(input, change));
  const { before, after } = r;
  const sb = ringShares(before);
  const sa = ringShares(after);
  const afterIndex = new Map(after.workers.map((w, i) => [w.id, i]));
  const offline = r.stopped.find((id) => afterIndex.has(id)) ?? null;
  const offlineIds = offlineAfter(input, r.stopped).filter((id) => afterIndex.has(id));
  const isOffline = new Set(offlineIds);
  const nameOf = workerNames(input, change, r.added);
  const rows: RebalanceWorker[] = before.workers.map((w, i) => {
    const j = afterIndex.get(w.id);
    const state = isOffline.has(w.id) ? 'offline' : j === undefined ? 'removed' : 'kept';
    return { id: w.id, name: nameOf(w.id), state, before: sb[i], after: j === undefined ? 0 : sa[j] };
  });
  for (const w of r.added) rows.push({ id: w.id, name: nameOf(w.id), state: 'new', before: 0, after: sa[afterIndex.get(w.id)!] });
  return {
    before,
    after,
    moved: r.moved,
    samePod: r.samePod,
    samePodPairs: r.samePodPairs,
    optimal: r.optimal,
    unreachable: r.unreachable,
    method: r.method,
    workers: rows,
    flows: r.flows,
    offline,
    offlineIds,
    bytesMoved: r.bytesMoved,
    bytesBasis: r.bytesBasis,
    bytesBasisText: bytesBasisText(r.bytesBasis, input.datasetBytes != null),
    bytesUnreachable: r.bytesUnreachable,
  };
}

/** The identities OFFLINE after a change: those registered OFFLINE before and those it stops. */
function offlineAfter(input: RebalanceInput, stopped: readonly string[]): string[] {
  const before = input.model.workers.filter((_, i) => input.offline?.[i] === true).map((w) => w.id);
  return [...before, ...stopped.filter((id) => !before.includes(id))];
}

function workerNames(input: RebalanceInput, change: RebalanceChange, added: readonly Worker[]): (id: string) => string {
  const names = new Map(input.model.workers.map((w, i) => [w.id, input.names[i]]));
  added.forEach((w, k) => {
    if (change.kind === 'restart') names.set(w.id, `${input.names[change.worker]} (new identity)`);
    else names.set(w.id, `new-${k + 1}`);
  });
  return (id) => names.get(id) ?? id;
}

/**
 * Walks two rings over the same key hash together, calling `arc(start, end, ownerBefore, ownerAfter)` for
 * each elementary arc [start, end) of the hash space (fractions of it); the first arc wraps and is split at 0.
 */
export function walkRings(before: Placement, after: Placement, arc: (start: number, end: number, a: number, b: number) => void): void {
  const A = before.ringView()?.ring;
  const B = after.ringView()?.ring;
  if (!A || !B) return;
  let i = 0;
  let j = 0;
  let prev = 0;
  while (i < A.length || j < B.length) {
    const u = Math.min(i < A.length ? A.pointAt(i) : Infinity, j < B.length ? B.pointAt(j) : Infinity);
    // Keys hashing into (prev, u] go to each ring's first point >= u.
    if (u > prev) arc(prev / HASH_SPACE, u / HASH_SPACE, A.ownerAt(i < A.length ? i : 0), B.ownerAt(j < B.length ? j : 0));
    prev = u;
    if (i < A.length && A.pointAt(i) === u) i++;
    if (j < B.length && B.pointAt(j) === u) j++;
  }
  if (prev < HASH_SPACE) arc(prev / HASH_SPACE, 1, A.ownerAt(0), B.ownerAt(0));
}

/**
 * The hash-space ranges whose worker changes, merged: [start, end) pairs as fractions of the hash space. Ranges
 * passing within a `samePod` pair (before id, after id: one pod under two identities) stay on the pod: not moved.
 */
export function movedRanges(before: Placement, after: Placement, samePod: ReadonlyArray<readonly [string, string]> = []): Float64Array {
  const out: number[] = [];
  const pod = new Set(samePod.map(([a, b]) => `${a}\n${b}`));
  const stays = (a: number, b: number): boolean =>
    before.workers[a].id === after.workers[b].id || (pod.size > 0 && pod.has(`${before.workers[a].id}\n${after.workers[b].id}`));
  walkRings(before, after, (s, e, a, b) => {
    if (stays(a, b)) return;
    if (out.length && out[out.length - 1] === s) out[out.length - 1] = e;
    else out.push(s, e);
  });
  return Float64Array.from(out);
}

/**
 * The ring in [lo, hi) of the hash space as at most about `bins` arcs [start, end, worker index]: exact arcs
 * when there are few, else one arc a bin, owned by the worker at the bin's middle.
 */
export function ringArcs(p: Placement, lo: number, hi: number, bins: number): Float64Array {
  const ring = p.ringView()?.ring;
  if (!ring) return new Float64Array(0);
  const out: number[] = [];
  const push = (s: number, e: number, w: number): void => {
    const n = out.length;
    if (n && out[n - 1] === w && out[n - 2] === s) out[n - 2] = e;
    else out.push(s, e, w);
  };
  // Index of the first point >= h, or the ring's length past the last point.
  const from = (h: number): number => {
    if (h >= HASH_SPACE) return ring.length;
    const i = ring.indexOf(h);
    return i === 0 && ring.pointAt(0) < h ? ring.length : i;
  };
  const first = from(Math.ceil(lo * HASH_SPACE));
  const last = from(Math.ceil(hi * HASH_SPACE));
  if (last - first <= bins) {
    let s = lo;
    for (let i = first; i < last; i++) {
      const e = ring.pointAt(i) / HASH_SPACE;
      if (e >= hi) break;
      push(s, e, ring.ownerAt(i));
      s = e;
    }
    push(s, hi, ring.ownerAt(last < ring.length ? last : 0));
  } else {
    const step = (hi - lo) / bins;
    for (let b = 0; b < bins; b++) push(lo + b * step, lo + (b + 1) * step, ring.ownerOf(Math.floor((lo + (b + 0.5) * step) * HASH_SPACE) >>> 0));
  }
  return Float64Array.from(out);
}

export interface FlowMatrix {
  /** Row (from) and column (to) labels; the last is "other" when some were folded into it. */
  from: string[];
  to: string[];
  /** cells[r][c]: fraction of all keys moving from row r to column c. */
  cells: number[][];
}

/** The flows as a from → to matrix of at most `limit` rows and columns, the rest summed into "other". */
export function flowMatrix(flows: ReadonlyArray<{ from: string; to: string; fraction: number }>, limit = 8): FlowMatrix {
  const top = (side: 'from' | 'to'): string[] => {
    const sums = new Map<string, number>();
    for (const f of flows) sums.set(f[side], (sums.get(f[side]) ?? 0) + f.fraction);
    const names = [...sums.keys()].sort((a, b) => sums.get(b)! - sums.get(a)! || (a < b ? -1 : 1));
    return names.length > limit ? [...names.slice(0, limit - 1), 'other'] : names;
  };
  const from = top('from');
  const to = top('to');
  const cells = from.map(() => to.map(() => 0));
  const at = (labels: string[], name: string): number => {
    const i = labels.indexOf(name);
    return i >= 0 ? i : labels.length - 1;
  };
  for (const f of flows) cells[at(from, f.from)][at(to, f.to)] += f.fraction;
  return { from, to, cells };
}
