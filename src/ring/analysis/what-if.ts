/**
 * What a change of workers does to a cache, written once: `plan`'s what-if table, `inspect`'s day-2 what-ifs
 * and the HTML page's rebalance view (in the browser) all call `whatIf` with the ring's workers (identity,
 * weight, ONLINE or OFFLINE, what each caches at most, its page-store type) and one change.
 *
 * The rules:
 * - A dynamic ring holds the ONLINE identities, a static ring every registered one: an OFFLINE identity keeps its
 *   range there, read from the under-storage (`unreachable`).
 * - add: new identities (drawn by the caller) join with the capacity of the worker they are like.
 * - stop (scale-in, `-1 worker`): the pod goes, its identity stays registered OFFLINE. Dynamic ring: its range
 *   moves to the others. Static ring: nothing moves; its range is unreachable until remove-worker, and that range
 *   is the optimum (what must move for it to be cached again).
 * - remove (for good): the ring without it. Removing an ONLINE worker from a static ring leaves its range
 *   unreachable until remove-worker runs (`unreachable`); an OFFLINE identity's range caches nothing.
 * - restart with its identity: the same range. A page store that survives a pod restart (hostPath,
 *   persistentVolumeClaim) moves nothing; an emptyDir one comes back empty: all it cached is re-read.
 * - restart without its identity: the old identity goes OFFLINE (static: it keeps what the new identity does not
 *   take), a new one joins with its capacity. Keys passing from the old identity to the new one stay on the pod
 *   (`samePod`: pages carry no worker identity) unless the page store is emptyDir, when they are re-read too.
 * - another ring over the same workers (virtual nodes, provider): measured exactly when both rings share the key
 *   hash, else on a key sample.
 * - page-size (`alluxio.worker.page.store.page.size` changed, every worker restarted with it): the ring stays, but
 *   restore keeps only the pages stored under the current page size (Alluxio's `LocalCacheManager.restore`,
 *   `LocalPageStoreDir`), so every ONLINE worker comes back empty, whatever its page store or identity: all that is
 *   cached is re-read, one flow a worker on its own range. No key changes worker: `moved` and `bytesMoved` are 0,
 *   `reread` and `bytesReread` hold what is read again (every change reports those two: for the others they
 *   equal `moved` and `bytesMoved`).
 * Bytes follow cached-bytes.ts (a model: the data set spread uniformly over the hash space, capped by what each
 * worker caches). An OFFLINE identity caches nothing: keys leaving it re-read nothing.
 */
import type { Placement } from '../placement.js';
import type { Worker } from '../worker.js';
import { cacheModel, flowBytes, movedBytes, type CacheModel } from './cached-bytes.js';
import { syntheticKeys } from './keys.js';
import { movement, type MovementReport } from './movement.js';

/** Keys a change that rehashes them (another provider) is measured on: the two rings are not comparable arc by arc. */
export const SAMPLE_KEYS = 50_000;

export type WhatIfRingMode = 'dynamic' | 'static';

export interface WhatIfWorker {
  /** The identity (`worker-<uuid>`). */
  id: string;
  /** Ring weight (CAPACITY model), if any. */
  weight?: number;
  /** Registered but OFFLINE: on the static ring only, caching nothing reachable. */
  offline?: boolean;
  /** Page data (bytes) the worker caches at most. */
  cacheBytes: number;
  /** `hostPath`, `persistentVolumeClaim` or `emptyDir` (absent: hostPath); emptyDir is lost on a pod restart. */
  pagestoreType?: string;
}

export interface WhatIfCluster {
  /** Every registered identity, in ring order (the order decides equal ring points). */
  workers: readonly WhatIfWorker[];
  mode: WhatIfRingMode;
  /** Builds the ring over `workers`, with `vnodes` points a worker when given (else the cluster's). */
  ring: (workers: readonly Worker[], vnodes?: number) => Placement;
  /** The data set (bytes), or null: every cache taken as full. */
  datasetBytes: number | null;
  /** Most flows to list (default 1,000); totals are over all of them. */
  maxFlows?: number;
}

export type WhatIfChange =
  | { kind: 'add'; ids: readonly string[]; like?: number }
  | { kind: 'stop'; worker: number }
  | { kind: 'remove'; worker: number }
  | { kind: 'restart'; worker: number; newIdentity?: string }
  | { kind: 'vnodes'; vnodes: number }
  | { kind: 'ring'; after: Placement }
  | { kind: 'page-size' };

export interface WhatIfFlow {
  from: string;
  to: string;
  /** Fraction of all keys. */
  fraction: number;
  /** What `from` caches on that fraction of its range (re-read, unless `samePod`). */
  bytes: number;
  /** The restart's keys that stay on the pod under its new identity: not moved, still cached. */
  samePod?: true;
  /**
   * A worker's own range whose pages are gone (its emptyDir page store after a restart, or every page after a
   * page-size change): re-read although nothing changed owner.
   */
  emptied?: true;
}

/** How a restart without identity hands keys over: fractions of all keys, whether or not the page store survives. */
export interface RestartHandover {
  /** From the old identity to other pods. */
  leaving: number;
  /** From the old identity to the new one, on the same pod. */
  samePod: number;
  /** From other pods to the new identity. */
  arriving: number;
  /** Whether the page store survives the pod restart. */
  survives: boolean;
}

export interface WhatIfResult {
  before: Placement;
  after: Placement;
  method: 'exact' | 'sample';
  /** Fraction of keys whose pod changes, or (emptied page store) that are re-read. */
  moved: number;
  /** Fraction of keys passing to another identity on the same pod: still cached there. */
  samePod: number;
  /** The (before id, after id) pairs that are one pod. */
  samePodPairs: Array<[string, string]>;
  optimal: number;
  /** Fraction of keys whose identity is OFFLINE afterwards (static ring): read from the under-storage. */
  unreachable: number;
  /** Bytes re-read for the keys moved, and what they are of. */
  bytesMoved: number;
  bytesBasis: 'dataset' | 'cache';
  /**
   * Fraction of keys whose cached pages are read again from the under-storage: `moved`, or (page-size change) the
   * keys whose pages are dropped although they stay on their worker.
   */
  reread: number;
  /** Bytes read again from the under-storage: `bytesMoved`, or (page-size change) all that was cached. */
  bytesReread: number;
  /** Bytes the newly unreachable range cached: read from the under-storage. */
  bytesUnreachable: number;
  /** The largest moved flows (at most `maxFlows`), largest first. */
  flows: WhatIfFlow[];
  /** All from → to pairs that moved keys. */
  flowCount: number;
  /** The flows not listed, summed. */
  otherFlows: { count: number; fraction: number; bytes: number };
  /** The restart's same-pod flow, when its page store survives and some keys stay. */
  samePodFlow: WhatIfFlow | null;
  /** Fraction of all keys leaving each worker of `before` (indexed as `before.workers`). */
  movedFrom: Float64Array;
  /** New identities (added, or the restarted worker's new one). */
  added: Worker[];
  /** Identities OFFLINE afterwards that were ONLINE before. */
  stopped: string[];
  /** The worker whose page store came back empty (restart with identity, emptyDir), else null. */
  emptied: string | null;
  /** A restart without identity: how its keys are handed over. */
  handover: RestartHandover | null;
}

/** Whether a page store of this type keeps its pages across a pod restart (emptyDir does not). */
export function pageStoreSurvivesRestart(type: string | undefined): boolean {
  return type !== 'emptyDir';
}

const ringWorker = (w: WhatIfWorker): Worker => (w.weight === undefined ? { id: w.id } : { id: w.id, weight: w.weight });

/** The workers on the ring of `mode`. */
function onRing(workers: readonly WhatIfWorker[], mode: WhatIfRingMode): WhatIfWorker[] {
  return mode === 'static' ? [...workers] : workers.filter((w) => !w.offline);
}

interface Changed {
  workers: WhatIfWorker[];
  added: Worker[];
  samePodPairs: Array<[string, string]>;
  after?: Placement;
}

function changedWorkers(c: WhatIfCluster, change: WhatIfChange): Changed {
  const ws = c.workers;
  const none = { added: [], samePodPairs: [] };
  switch (change.kind) {
    case 'add': {
      const like = ws[change.like ?? 0];
      const fresh = change.ids.map((id): WhatIfWorker => ({ ...like, id, offline: false }));
      return { ...none, workers: [...ws, ...fresh], added: fresh.map(ringWorker) };
    }
    case 'stop':
      return { ...none, workers: ws.map((w, i) => (i === change.worker ? { ...w, offline: true } : w)) };
    case 'remove':
      return { ...none, workers: ws.filter((_, i) => i !== change.worker) };
    case 'restart': {
      if (change.newIdentity === undefined) return { ...none, workers: [...ws] };
      const old = ws[change.worker];
      const fresh: WhatIfWorker = { ...old, id: change.newIdentity, offline: false };
      const workers = [...ws.map((w, i) => (i === change.worker ? { ...w, offline: true } : w)), fresh];
      return { workers, added: [ringWorker(fresh)], samePodPairs: [[old.id, fresh.id]] };
    }
    case 'vnodes':
      return { ...none, workers: [...ws], after: c.ring(onRing(ws, c.mode).map(ringWorker), change.vnodes) };
    case 'ring':
      return { ...none, workers: [...ws], after: change.after };
    case 'page-size':
      return { ...none, workers: [...ws] };
  }
}

/** What each worker of `before` caches: the OFFLINE ones nothing. */
function cacheOf(c: WhatIfCluster, before: Placement, ringed: readonly WhatIfWorker[]): CacheModel {
  const own = before.ownership();
  const shares = own ? own.byWorker.map((x) => x / own.total) : before.workers.map(() => 1 / before.workers.length);
  return cacheModel(
    shares,
    ringed.map((w) => (w.offline ? 0 : w.cacheBytes)),
    c.datasetBytes,
  );
}

const shareOf = (p: Placement): ((i: number) => number) => {
  const own = p.ownership();
  return (i) => (own ? own.byWorker[i] / own.total : 0);
};

/** The change `change` on the cluster `c`. */
export function whatIf(c: WhatIfCluster, change: WhatIfChange): WhatIfResult {
  const ringed = onRing(c.workers, c.mode);
  const before = c.ring(ringed.map(ringWorker));
  const cache = cacheOf(c, before, ringed);
  if (change.kind === 'restart' && change.newIdentity === undefined) return restartInPlace(c, before, cache, change.worker);
  if (change.kind === 'page-size') return pagesDropped(c, before, cache);
  const next = changedWorkers(c, change);
  const afterRinged = onRing(next.workers, c.mode);
  if (afterRinged.length === 0) return nothingLeft(before, cache, next);
  const after = next.after ?? c.ring(afterRinged.map(ringWorker));
  const restarted = change.kind === 'restart' ? c.workers[change.worker] : null;
  const survives = restarted === null || pageStoreSurvivesRestart(restarted.pagestoreType);
  const comparable = before.ringView()?.space === after.ringView()?.space;
  const base = { maxFlows: c.maxFlows, ...(comparable ? {} : { keys: syntheticKeys(SAMPLE_KEYS) }) };
  const onPod = next.samePodPairs.length > 0 ? movement(before, after, { ...base, samePod: next.samePodPairs }) : null;
  const mv = onPod && survives ? onPod : movement(before, after, base);
  const result = measured({ before, after, mv, cache, added: next.added, samePodPairs: survives ? next.samePodPairs : [] });
  const wasOnline = new Set(c.workers.filter((w) => !w.offline).map((w) => w.id));
  result.stopped = next.workers.filter((w) => w.offline && wasOnline.has(w.id)).map((w) => w.id);
  withUnreachable(c, result, afterRinged, change);
  if (onPod && restarted) {
    const leaving = onPod.movedFrom[before.workers.findIndex((w) => w.id === restarted.id)];
    result.handover = { leaving, samePod: onPod.samePod, arriving: onPod.moved - leaving, survives };
    if (survives && onPod.samePod > 0)
      result.samePodFlow = {
        from: restarted.id,
        to: next.added[0].id,
        fraction: onPod.samePod,
        bytes: flowBytes(cache, ringed.indexOf(restarted), onPod.samePod),
        samePod: true,
      };
  }
  return result;
}

interface Parts {
  before: Placement;
  after: Placement;
  mv: MovementReport;
  cache: CacheModel;
  added: Worker[];
  samePodPairs: Array<[string, string]>;
}

/** The result of a measured movement: flows with their bytes, the total, and what is not listed. */
function measured(p: Parts): WhatIfResult {
  const { mv, cache } = p;
  const index = new Map(p.before.workers.map((w, i) => [w.id, i]));
  const flows = mv.flows.map((f): WhatIfFlow => ({ from: f.from, to: f.to, fraction: f.fraction, bytes: flowBytes(cache, index.get(f.from)!, f.fraction) }));
  const total = movedBytes(cache, mv.moved, mv.movedFrom);
  const shown = flows.reduce((s, f) => s + f.fraction, 0);
  const shownBytes = flows.reduce((s, f) => s + f.bytes, 0);
  return {
    before: p.before,
    after: p.after,
    method: mv.method,
    moved: mv.moved,
    samePod: mv.samePod,
    samePodPairs: p.samePodPairs,
    optimal: mv.optimal,
    unreachable: 0,
    bytesMoved: total.bytes,
    bytesBasis: total.basis,
    reread: mv.moved,
    bytesReread: total.bytes,
    bytesUnreachable: 0,
    flows,
    flowCount: mv.flowCount,
    otherFlows: { count: mv.flowCount - flows.length, fraction: Math.max(0, mv.moved - shown), bytes: Math.max(0, total.bytes - shownBytes) },
    samePodFlow: null,
    movedFrom: mv.movedFrom,
    added: p.added,
    stopped: [],
    emptied: null,
    handover: null,
  };
}

/**
 * Static ring: the OFFLINE identities' share afterwards, and the bytes the newly stopped ones cached on it. A
 * stop moves nothing there, and its range is the optimum; an ONLINE worker removed for good is unreachable until
 * remove-worker runs.
 */
function withUnreachable(c: WhatIfCluster, r: WhatIfResult, afterRinged: readonly WhatIfWorker[], change: WhatIfChange): void {
  if (c.mode !== 'static') return;
  const after = shareOf(r.after);
  const beforeIndex = new Map(r.before.workers.map((w, i) => [w.id, i]));
  const cache = cacheOf(c, r.before, onRing(c.workers, c.mode));
  let newly = 0;
  afterRinged.forEach((w, j) => {
    if (!w.offline) return;
    r.unreachable += after(j);
    if (r.stopped.includes(w.id)) {
      newly += after(j);
      r.bytesUnreachable += flowBytes(cache, beforeIndex.get(w.id)!, after(j));
    }
  });
  if (change.kind === 'stop') r.optimal = newly;
  if (change.kind === 'remove' && !c.workers[change.worker].offline) {
    const i = beforeIndex.get(c.workers[change.worker].id)!;
    const s = shareOf(r.before)(i);
    r.unreachable += s;
    r.bytesUnreachable += flowBytes(cache, i, s);
  }
}

/** Restart with its identity: nothing moves, unless an emptyDir page store comes back empty (all it cached re-read). */
function restartInPlace(c: WhatIfCluster, before: Placement, cache: CacheModel, worker: number): WhatIfResult {
  const w = c.workers[worker];
  const i = before.workers.findIndex((x) => x.id === w.id);
  const share = i < 0 ? 0 : shareOf(before)(i);
  const emptied = !w.offline && !pageStoreSurvivesRestart(w.pagestoreType) && share > 0;
  const movedFrom = new Float64Array(before.workers.length);
  if (emptied) movedFrom[i] = share;
  const total = movedBytes(cache, emptied ? share : 0, movedFrom);
  const flows: WhatIfFlow[] = emptied ? [{ from: w.id, to: w.id, fraction: share, bytes: total.bytes, emptied: true }] : [];
  return pagesReread(c, before, {
    moved: emptied ? share : 0,
    reread: emptied ? share : 0,
    total,
    flows,
    flowCount: flows.length,
    otherFlows: { count: 0, fraction: 0, bytes: 0 },
    movedFrom,
    emptied: emptied ? w.id : null,
  });
}

/** A page-size change: the same ring, every ONLINE worker's pages dropped at its restart, all it cached re-read. */
function pagesDropped(c: WhatIfCluster, before: Placement, cache: CacheModel): WhatIfResult {
  const share = shareOf(before);
  const offline = new Set(c.workers.filter((w) => w.offline).map((w) => w.id));
  const movedFrom = new Float64Array(before.workers.length);
  const all: WhatIfFlow[] = [];
  before.workers.forEach((w, i) => {
    if (offline.has(w.id) || share(i) <= 0) return;
    movedFrom[i] = share(i);
    all.push({ from: w.id, to: w.id, fraction: share(i), bytes: flowBytes(cache, i, share(i)), emptied: true });
  });
  all.sort((a, b) => b.bytes - a.bytes || b.fraction - a.fraction);
  const moved = all.reduce((s, f) => s + f.fraction, 0);
  const total = movedBytes(cache, moved, movedFrom);
  const flows = all.slice(0, c.maxFlows ?? 1000);
  const rest = all.slice(flows.length);
  const shownBytes = flows.reduce((s, f) => s + f.bytes, 0);
  const otherFlows = { count: rest.length, fraction: rest.reduce((s, f) => s + f.fraction, 0), bytes: Math.max(0, total.bytes - shownBytes) };
  // The ring does not change: nothing moves; every page is re-read where it was.
  return pagesReread(c, before, { moved: 0, reread: moved, total, flows, flowCount: all.length, otherFlows, movedFrom, emptied: null, keepsKeys: true });
}

/** What a change that keeps the ring reports: only pages re-read where they were (an emptied page store, a page-size change). */
function pagesReread(
  c: WhatIfCluster,
  before: Placement,
  r: Pick<WhatIfResult, 'moved' | 'reread' | 'flows' | 'flowCount' | 'otherFlows' | 'movedFrom' | 'emptied'> & {
    total: ReturnType<typeof movedBytes>;
    /** No key leaves its worker (page-size change): bytes moved 0, all of `total` re-read. */
    keepsKeys?: boolean;
  },
): WhatIfResult {
  return {
    before,
    after: before,
    method: 'exact',
    moved: r.moved,
    samePod: 0,
    samePodPairs: [],
    optimal: 0,
    unreachable: c.mode === 'static' ? staticOffline(c, before) : 0,
    bytesMoved: r.keepsKeys ? 0 : r.total.bytes,
    bytesBasis: r.total.basis,
    reread: r.reread,
    bytesReread: r.total.bytes,
    bytesUnreachable: 0,
    flows: r.flows,
    flowCount: r.flowCount,
    otherFlows: r.otherFlows,
    samePodFlow: null,
    movedFrom: r.movedFrom,
    added: [],
    stopped: [],
    emptied: r.emptied,
    handover: null,
  };
}

/** The OFFLINE identities' share of a static ring. */
function staticOffline(c: WhatIfCluster, p: Placement): number {
  const share = shareOf(p);
  const offline = new Set(c.workers.filter((w) => w.offline).map((w) => w.id));
  return p.workers.reduce((s, w, i) => s + (offline.has(w.id) ? share(i) : 0), 0);
}

/** No worker left on the ring: every key is read from the under-storage, all that was cached included. */
function nothingLeft(before: Placement, cache: CacheModel, next: Changed): WhatIfResult {
  const cached = Math.round(cache.cached.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0));
  const basis = movedBytes(cache, 0, []).basis;
  return {
    before,
    after: before,
    method: 'exact',
    moved: 0,
    samePod: 0,
    samePodPairs: [],
    optimal: 0,
    unreachable: 1,
    bytesMoved: 0,
    bytesBasis: basis,
    reread: 0,
    bytesReread: 0,
    bytesUnreachable: cached,
    flows: [],
    flowCount: 0,
    otherFlows: { count: 0, fraction: 0, bytes: 0 },
    samePodFlow: null,
    movedFrom: new Float64Array(before.workers.length),
    added: next.added,
    stopped: next.workers.filter((w) => w.offline).map((w) => w.id),
    emptied: null,
    handover: null,
  };
}
