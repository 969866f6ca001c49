/**
 * What-ifs on the first identity draw's ring, exact: +1 worker, -1 worker, restarting one worker, a different
 * virtual node count, and changing the page size after deploy. Each reports the keys moved against the optimum,
 * the bytes, and the flows:
 * the largest 20 listed, the rest summed as "other", so the flows always add up to the keys moved.
 * A change the cluster cannot make (removing the only worker) is listed as not applicable, with why.
 * The rules (what moves, what stays on the pod, what an emptyDir page store loses) are ring/analysis/what-if.ts's;
 * this file names the rows and words them.
 */
import { bytesBasisText, movedBytes, cacheModel } from '../ring/analysis/cached-bytes.js';
import { whatIf, type WhatIfChange, type WhatIfCluster, type WhatIfFlow, type WhatIfResult } from '../ring/analysis/what-if.js';
import type { Placement } from '../ring/placement.js';
import { MAX_RING_POINTS } from '../ring/worker.js';
import { formatBinary } from '../core/units.js';
import type { PlanFlow, PlanWhatIf } from './model.js';
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
  /** Why (e.g. `useExternalId not set: assumed not persisted`), shown in the restart what-if's description. */
  identityReason?: string;
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

/** A what-if row with nothing moved, filled out (a change the cluster cannot make). */
function still(c: WhatIfContext, row: Row): PlanWhatIf {
  const own = c.main.ownership()!;
  const { basis } = movedBytes(
    cacheModel(
      own.byWorker.map((x) => x / own.total),
      c.cacheBytes,
      c.datasetBytes,
    ),
    0,
    [],
  );
  return {
    ...NO_REREAD_COST,
    moved: 0,
    samePod: 0,
    unreachable: 0,
    optimal: 0,
    bytesMoved: 0,
    reread: 0,
    bytesReread: 0,
    bytesBasis: basis,
    bytesBasisText: bytesBasisText(basis, c.datasetBytes !== null),
    flows: [],
    applicable: true,
    flowCount: 0,
    flowsShownShare: 1,
    otherFlows: { count: 0, fraction: 0, bytes: 0 },
    ...row,
  };
}

/** The plan's workers as the what-if module takes them: the restarted one (the first) with its page store's fate. */
function cluster(c: WhatIfContext): WhatIfCluster {
  const ring = c.builder.ringWorkers(c.ids);
  const pagestoreType = c.pageStoreSurvives === false ? 'emptyDir' : 'hostPath';
  return {
    workers: ring.map((w, i) => ({ ...w, cacheBytes: c.cacheBytes[i], pagestoreType })),
    mode: c.builder.settings.mode,
    ring: (ws, vnodes) => c.builder.fromWorkers(ws, vnodes),
    datasetBytes: c.datasetBytes,
    maxFlows: LISTED_FLOWS,
  };
}

/** The module's result as the plan's row: names for identities, the basis in words. */
function row(c: WhatIfContext, name: string, description: string, r: WhatIfResult, names: Names, emptiedAs = 'emptied page store'): PlanWhatIf {
  const flow = (f: WhatIfFlow): PlanFlow => ({
    from: names.of(f.from),
    to: f.emptied ? `${names.of(f.to)} (${emptiedAs})` : names.of(f.to),
    fraction: f.fraction,
    bytes: f.bytes,
    ...(f.samePod ? { samePod: true as const } : {}),
  });
  const flows = r.flows.map(flow);
  const shown = r.flows.reduce((s, f) => s + f.fraction, 0);
  return {
    ...NO_REREAD_COST,
    moved: r.moved,
    samePod: r.samePodFlow ? r.samePod : 0,
    unreachable: r.unreachable,
    optimal: r.optimal,
    bytesMoved: r.bytesMoved,
    reread: r.reread,
    bytesReread: r.bytesReread,
    bytesBasis: r.bytesBasis,
    bytesBasisText: bytesBasisText(r.bytesBasis, c.datasetBytes !== null),
    flows: r.samePodFlow ? [...flows, flow(r.samePodFlow)] : flows,
    applicable: true,
    flowCount: r.flowCount,
    flowsShownShare: r.reread > 0 ? Math.min(1, shown / r.reread) : 1,
    otherFlows: r.otherFlows,
    name,
    description,
  };
}

function run(c: WhatIfContext, change: WhatIfChange): WhatIfResult {
  return whatIf(cluster(c), change);
}

function addWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const extraId = c.builder.newIdentity('add');
  names.set(extraId, 'new worker');
  return row(c, '+1 worker', 'scale out by one worker like the first', run(c, { kind: 'add', ids: [extraId] }), names);
}

function removeWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const name = '-1 worker';
  const gone = names.of(c.ids[c.ids.length - 1]);
  if (c.ids.length === 1) {
    return still(c, {
      name,
      description: `scale in: not applicable, ${gone} is the only worker (without it every read goes to the under-storage)`,
      applicable: false,
      reason: 'the cluster has one worker',
    });
  }
  const r = run(c, { kind: 'stop', worker: c.ids.length - 1 });
  const description =
    c.builder.settings.mode === 'dynamic'
      ? `scale in: ${gone} leaves; its range moves to the others`
      : `scale in: ${gone} leaves; a static ring keeps its range, so its reads go to the under-storage until remove-worker`;
  return row(c, name, description, r, names);
}

function restartWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const name = 'restart one worker';
  const who = c.names[0];
  if (c.identityPersisted) {
    const r = run(c, { kind: 'restart', worker: 0 });
    const description =
      r.emptied !== null
        ? `${identityHead(c, true)}, emptyDir page store: ${who} returns with the same identity and range but an empty cache; every byte it cached is re-read from the under-storage`
        : `${identityHead(c, true)}: the worker comes back with the same identity, nothing moves`;
    return row(c, name, description, r, names);
  }
  const newId = c.builder.newIdentity('restart');
  names.set(newId, `${who} (new identity)`);
  const r = run(c, { kind: 'restart', worker: 0, newIdentity: newId });
  return row(c, name, restartStory(c, c.builder.settings.mode === 'dynamic', r.handover!), r, names);
}

/** "identity (not) persisted", with why when the context gives it. */
function identityHead(c: WhatIfContext, persisted: boolean): string {
  return `identity ${persisted ? '' : 'not '}persisted${c.identityReason ? ` (${c.identityReason})` : ''}`;
}

/** The restart in words, from its figures: keys leaving the old identity for other pods, staying on the pod, arriving from other pods. */
function restartStory(c: WhatIfContext, dynamic: boolean, f: { leaving: number; samePod: number; arriving: number; survives: boolean }): string {
  const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
  const who = c.names[0];
  const head = dynamic
    ? `${identityHead(c, false)}: ${who} returns as a new identity that takes a new range; the old identity leaves the ring`
    : `${identityHead(c, false)}: ${who} returns as a new identity that takes new ranges; a static ring keeps the old (offline) identity's remaining range, whose reads go to the under-storage`;
  const parts = [`${pct(f.leaving)} of the keys move from the old identity to other pods`, `${pct(f.arriving)} from other pods to the new identity`];
  const kept = f.survives
    ? `${pct(f.samePod)} pass from the old identity to the new one on the same pod and stay on the pod (still in its page store: not moved, not re-read)`
    : `${pct(f.samePod)} pass from the old identity to the new one on the same pod, but its emptyDir page store comes back empty, so they are re-read too (counted as moved)`;
  return `${head}; ${parts.join(', ')}; ${kept}`;
}

function changeVnodes(c: WhatIfContext, names: Names): PlanWhatIf {
  const name = `virtual nodes ${c.builder.settings.vnodes} → ${c.vnodeTarget}`;
  const points = c.vnodeTarget * c.ids.length;
  if (points > MAX_RING_POINTS) {
    return still(c, {
      name,
      description: 'change the virtual node count after deployment: not computed',
      applicable: false,
      reason: `${c.vnodeTarget} × ${c.ids.length} workers = ${points.toLocaleString('en-US')} ring points, more than ring-sim's ${MAX_RING_POINTS.toLocaleString('en-US')}`,
    });
  }
  return row(c, name, 'change the virtual node count after deployment', run(c, { kind: 'vnodes', vnodes: c.vnodeTarget }), names);
}

/**
 * `alluxio.worker.page.store.page.size` changed after deploy and the workers restarted with it: restore keeps only
 * the pages stored under the current page size, so every worker comes back empty (the module's `page-size` rule).
 */
function changePageSize(c: WhatIfContext, names: Names): PlanWhatIf {
  const page = formatBinary(c.builder.settings.pageSizeBytes);
  const description = `alluxio.worker.page.store.page.size changed from ${page} and the workers restarted with the new size: restore keeps only the pages stored under the current page size, so every worker comes back with an empty cache and all it cached is re-read from the under-storage; the ring does not change: no key moves (keys moved 0 %), and the bytes re-read are all that is cached`;
  return row(c, 'change the page size after deploy', description, run(c, { kind: 'page-size' }), names, 'pages dropped');
}

export function whatIfs(c: WhatIfContext): PlanWhatIf[] {
  const names = new Names(c.ids, c.names);
  return [addWorker(c, names), removeWorker(c, names), restartWorker(c, names), changeVnodes(c, names), changePageSize(c, names)];
}
