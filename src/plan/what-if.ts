/**
 * What-ifs on the first identity draw's ring, exact: +1 worker, -1 worker, restarting one worker, and a
 * different virtual node count. Each reports the keys moved against the optimum, the bytes, and the flows:
 * the largest 20 listed, the rest summed as "other", so the flows always add up to the keys moved.
 * A change the cluster cannot make (removing the only worker) is listed as not applicable, with why.
 */
import { movement, type MovementReport } from '../ring/analysis/movement.js';
import type { Placement } from '../ring/placement.js';
import { MAX_RING_POINTS } from '../ring/worker.js';
import { bytesBasisText, cacheModel, flowBytes, movedBytes, type CacheModel } from './cached-bytes.js';
import type { PlanWhatIf } from './model.js';
import type { PlanRingBuilder } from './ring-balance.js';
import { NO_REREAD_COST } from './reread.js';

/** Most flows a what-if lists; the rest are summed. */
export const LISTED_FLOWS = 20;

export interface WhatIfContext {
  builder: PlanRingBuilder;
  main: Placement;
  ids: string[];
  names: readonly string[];
  /** Whether every worker group keeps its identity across restarts. */
  identityPersisted: boolean;
  /** Whether the restarted worker's page store survives a pod restart (hostPath, persistentVolumeClaim; not emptyDir). */
  pageStoreSurvives?: boolean;
  /** Page data (bytes) of each worker, aligned with `ids`. */
  cacheBytes: readonly number[];
  /** The data set (--dataset), or null: every cache taken as full. */
  datasetBytes: number | null;
  /** The "change virtual nodes" target. */
  vnodeTarget: number;
}

class Names {
  private readonly byId: Map<string, string>;
  constructor(ids: readonly string[], names: readonly string[]) {
    this.byId = new Map(ids.map((id, i) => [id, names[i]]));
  }
  set(id: string, name: string): void {
    this.byId.set(id, name);
  }
  of = (id: string): string => this.byId.get(id) ?? id;
}

type Row = Pick<PlanWhatIf, 'name' | 'description'> & Partial<PlanWhatIf>;

/** A what-if row with nothing moved, filled out. */
function still(c: WhatIfContext, row: Row): PlanWhatIf {
  const { basis } = movedBytes(cache(c), 0, []);
  return { ...NO_REREAD_COST, moved: 0, samePod: 0, unreachable: 0, optimal: 0, bytesMoved: 0, bytesBasis: basis, bytesBasisText: bytesBasisText(basis, c.datasetBytes !== null), flows: [], applicable: true, flowCount: 0, flowsShownShare: 1, otherFlows: { count: 0, fraction: 0, bytes: 0 }, ...row };
}

const models = new WeakMap<WhatIfContext, CacheModel>();

/** What each worker of the main ring caches (model: see cached-bytes.ts), indexed as `c.main.workers`. */
function cache(c: WhatIfContext): CacheModel {
  let m = models.get(c);
  if (!m) {
    const own = c.main.ownership()!;
    const byId = new Map(c.ids.map((id, i) => [id, c.cacheBytes[i]]));
    m = cacheModel(own.byWorker.map((x) => x / own.total), c.main.workers.map((w) => byId.get(w.id) ?? 0), c.datasetBytes);
    models.set(c, m);
  }
  return m;
}

function moved(c: WhatIfContext, name: string, description: string, mv: MovementReport, names: Names, extra: Partial<PlanWhatIf> = {}): PlanWhatIf {
  const m = cache(c);
  const index = new Map(c.main.workers.map((w, i) => [w.id, i]));
  const flows = mv.flows.slice(0, LISTED_FLOWS).map((f) => ({ from: names.of(f.from), to: names.of(f.to), fraction: f.fraction, bytes: flowBytes(m, index.get(f.from)!, f.fraction) }));
  const shown = flows.reduce((s, f) => s + f.fraction, 0);
  const rest = Math.max(0, mv.moved - shown);
  const total = movedBytes(m, mv.moved, mv.movedFrom);
  const shownBytes = flows.reduce((s, f) => s + f.bytes, 0);
  return {
    ...still(c, { name, description }),
    moved: mv.moved,
    optimal: mv.optimal,
    bytesMoved: total.bytes,
    bytesBasis: total.basis,
    bytesBasisText: bytesBasisText(total.basis, c.datasetBytes !== null),
    flows,
    flowCount: mv.flowCount,
    flowsShownShare: mv.moved > 0 ? Math.min(1, shown / mv.moved) : 1,
    otherFlows: { count: mv.flowCount - flows.length, fraction: rest, bytes: Math.max(0, total.bytes - shownBytes) },
    ...extra,
  };
}

/** The keys that stay on the restarted pod under its new identity, as a flow (after the moved ones): its bytes stay cached. */
function samePodFlow(c: WhatIfContext, w: PlanWhatIf, samePod: number, names: Names, newId: string): PlanWhatIf {
  if (samePod <= 0) return w;
  const from = c.main.workers.findIndex((x) => x.id === c.ids[0]);
  const flow = { from: names.of(c.ids[0]), to: names.of(newId), fraction: samePod, bytes: flowBytes(cache(c), from, samePod), samePod: true as const };
  return { ...w, samePod, flows: [...w.flows, flow] };
}

const ALL_FLOWS = { maxFlows: LISTED_FLOWS };

function addWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const extraId = c.builder.newIdentity('add');
  names.set(extraId, 'new worker');
  const mv = movement(c.main, c.builder.build(c.ids, undefined, [c.builder.extraWorker(extraId)]), ALL_FLOWS);
  return moved(c, '+1 worker', 'scale out by one worker like the first', mv, names);
}

function removeWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const name = '-1 worker';
  const gone = names.of(c.ids[c.ids.length - 1]);
  if (c.ids.length === 1) {
    return still(c, { name, description: `scale in: not applicable, ${gone} is the only worker (without it every read goes to the under-storage)`, applicable: false, reason: 'the cluster has one worker' });
  }
  if (c.builder.settings.mode === 'dynamic') {
    const mv = movement(c.main, c.builder.build(c.ids.slice(0, -1)), ALL_FLOWS);
    return moved(c, name, `scale in: ${gone} leaves; its range moves to the others`, mv, names);
  }
  const own = c.main.ownership()!;
  const share = own.byWorker[c.ids.length - 1] / own.total;
  return still(c, { name, description: `scale in: ${gone} leaves; a static ring keeps its range, so its reads go to the under-storage until remove-worker`, unreachable: share, optimal: share });
}

function restartWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const name = 'restart one worker';
  if (c.identityPersisted && c.pageStoreSurvives === false) return emptiedWorker(c, name, names);
  if (c.identityPersisted) return still(c, { name, description: 'identity persisted: the worker comes back with the same identity, nothing moves' });
  const dynamic = c.builder.settings.mode === 'dynamic';
  const newId = c.builder.newIdentity('restart');
  names.set(newId, `${c.names[0]} (new identity)`);
  // The new identity has the restarted worker's capacity; the others keep theirs.
  const base = c.builder.ringWorkers(c.ids);
  const renewed = c.builder.extraWorker(newId, 0);
  const after = c.builder.fromWorkers(dynamic ? [...base.slice(1), renewed] : [...base, renewed]);
  // Keys passing from the old identity to the new one stay on the same pod: pages carry no worker identity, so
  // a page store that survives the restart still holds them. An emptyDir page store comes back empty: they are re-read.
  const survives = c.pageStoreSurvives !== false;
  const onPod = movement(c.main, after, { ...ALL_FLOWS, samePod: [[c.ids[0], newId]] });
  const mv = survives ? onPod : movement(c.main, after, ALL_FLOWS);
  // Static ring: the old identity (index 0, OFFLINE) keeps what the new identity did not take from it.
  const own = after.ownership()!;
  const leaving = onPod.movedFrom[c.main.workers.findIndex((w) => w.id === c.ids[0])];
  const description = restartStory(c, dynamic, { leaving, samePod: onPod.samePod, arriving: onPod.moved - leaving, survives });
  const row = moved(c, name, description, mv, names, { unreachable: dynamic ? 0 : own.byWorker[0] / own.total });
  return survives ? samePodFlow(c, row, mv.samePod, names, newId) : row;
}

/** The restart in words, from its figures: keys leaving the old identity for other pods, staying on the pod, arriving from other pods. */
function restartStory(c: WhatIfContext, dynamic: boolean, f: { leaving: number; samePod: number; arriving: number; survives: boolean }): string {
  const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
  const who = c.names[0];
  const head = dynamic
    ? `identity not persisted: ${who} returns as a new identity that takes a new range; the old identity leaves the ring`
    : `identity not persisted: ${who} returns as a new identity that takes new ranges; a static ring keeps the old (offline) identity's remaining range, whose reads go to the under-storage`;
  const parts = [`${pct(f.leaving)} of the keys move from the old identity to other pods`, `${pct(f.arriving)} from other pods to the new identity`];
  const kept = f.survives
    ? `${pct(f.samePod)} pass from the old identity to the new one on the same pod and stay on the pod (still in its page store: not moved, not re-read)`
    : `${pct(f.samePod)} pass from the old identity to the new one on the same pod, but its emptyDir page store comes back empty, so they are re-read too (counted as moved)`;
  return `${head}; ${parts.join(', ')}; ${kept}`;
}

/** Identity persisted but an emptyDir page store: same range, empty cache, so all it cached is re-read (model). */
function emptiedWorker(c: WhatIfContext, name: string, names: Names): PlanWhatIf {
  const own = c.main.ownership()!;
  const share = own.byWorker[0] / own.total;
  const m = cache(c);
  const bytes = m.cached[0];
  const basis = m.capped[0] ? 'cache' : 'dataset';
  const who = names.of(c.ids[0]);
  const flows = share > 0 ? [{ from: who, to: `${who} (emptied page store)`, fraction: share, bytes }] : [];
  return still(c, {
    name,
    description: `identity persisted, emptyDir page store: ${who} returns with the same identity and range but an empty cache; every byte it cached is re-read from the under-storage`,
    moved: share,
    optimal: 0,
    bytesMoved: bytes,
    bytesBasis: basis,
    bytesBasisText: bytesBasisText(basis, c.datasetBytes !== null),
    flows,
    flowCount: flows.length,
  });
}

function changeVnodes(c: WhatIfContext, names: Names): PlanWhatIf {
  const name = `virtual nodes ${c.builder.settings.vnodes} → ${c.vnodeTarget}`;
  const points = c.vnodeTarget * c.ids.length;
  if (points > MAX_RING_POINTS) {
    return still(c, { name, description: 'change the virtual node count after deployment: not computed', applicable: false, reason: `${c.vnodeTarget} × ${c.ids.length} workers = ${points.toLocaleString('en-US')} ring points, more than ring-sim's ${MAX_RING_POINTS.toLocaleString('en-US')}` });
  }
  const mv = movement(c.main, c.builder.build(c.ids, c.vnodeTarget), ALL_FLOWS);
  return moved(c, name, 'change the virtual node count after deployment', mv, names);
}

export function whatIfs(c: WhatIfContext): PlanWhatIf[] {
  const names = new Names(c.ids, c.names);
  return [addWorker(c, names), removeWorker(c, names), restartWorker(c, names), changeVnodes(c, names)];
}
