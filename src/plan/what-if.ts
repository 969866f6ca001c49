/**
 * What-ifs on the first identity draw's ring, exact: +1 worker, -1 worker, restarting one worker, and a
 * different virtual node count. Each reports the keys moved against the optimum, the bytes, and the flows.
 */
import { movement, type MovementReport } from '../ring/analysis/movement.js';
import type { Placement } from '../ring/placement.js';
import { MAX_RING_POINTS } from '../ring/worker.js';
import type { PlanFlow, PlanWhatIf } from './model.js';
import type { PlanRingBuilder } from './ring-balance.js';

export interface WhatIfContext {
  builder: PlanRingBuilder;
  main: Placement;
  ids: string[];
  names: readonly string[];
  /** Whether every worker group keeps its identity across restarts. */
  identityPersisted: boolean;
  basis: 'dataset' | 'cache';
  basisBytes: number;
  /** The "change virtual nodes" target; skipped when target × workers exceeds the ring's point cap. */
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

function flowsOf(mv: MovementReport, names: Names): PlanFlow[] {
  return mv.flows.slice(0, 20).map((f) => ({ from: names.of(f.from), to: names.of(f.to), fraction: f.fraction }));
}

function moved(c: WhatIfContext, name: string, description: string, mv: MovementReport, names: Names): PlanWhatIf {
  return { name, description, moved: mv.moved, unreachable: 0, optimal: mv.optimal, bytesMoved: Math.round(mv.moved * c.basisBytes), bytesBasis: c.basis, flows: flowsOf(mv, names) };
}

function addWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const extraId = c.builder.newIdentity('add');
  names.set(extraId, 'new worker');
  const mv = movement(c.main, c.builder.build(c.ids, undefined, [c.builder.extraWorker(extraId)]));
  return moved(c, '+1 worker', 'scale out by one worker like the first', mv, names);
}

function removeWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const gone = names.of(c.ids[c.ids.length - 1]);
  if (c.builder.settings.mode === 'dynamic') {
    const mv = movement(c.main, c.builder.build(c.ids.slice(0, -1)));
    return moved(c, '-1 worker', `scale in: ${gone} leaves; its range moves to the others`, mv, names);
  }
  const own = c.main.ownership()!;
  const share = own.byWorker[c.ids.length - 1] / own.total;
  return { name: '-1 worker', description: `scale in: ${gone} leaves; a static ring keeps its range, so its reads go to the under-storage until remove-worker`, moved: 0, unreachable: share, optimal: share, bytesMoved: 0, bytesBasis: c.basis, flows: [] };
}

function restartWorker(c: WhatIfContext, names: Names): PlanWhatIf {
  const name = 'restart one worker';
  if (c.identityPersisted) {
    return { name, description: 'identity persisted: the worker comes back with the same identity, nothing moves', moved: 0, unreachable: 0, optimal: 0, bytesMoved: 0, bytesBasis: c.basis, flows: [] };
  }
  const dynamic = c.builder.settings.mode === 'dynamic';
  const newId = c.builder.newIdentity('restart');
  names.set(newId, `${c.names[0]} (new identity)`);
  // The new identity has the restarted worker's capacity; the others keep theirs.
  const base = c.builder.ringWorkers(c.ids);
  const renewed = c.builder.extraWorker(newId, 0);
  const mv = movement(c.main, c.builder.fromWorkers(dynamic ? [...base.slice(1), renewed] : [...base, renewed]));
  const own = c.main.ownership()!;
  return {
    name,
    description: dynamic
      ? `identity not persisted: ${c.names[0]} returns as a new identity; its old range moves to the others and the new identity takes a new range`
      : `identity not persisted: ${c.names[0]} returns as a new identity; a static ring keeps the old (offline) identity's range, whose reads go to the under-storage`,
    moved: mv.moved,
    unreachable: dynamic ? 0 : own.byWorker[0] / own.total,
    optimal: 0,
    bytesMoved: Math.round(mv.moved * c.basisBytes),
    bytesBasis: c.basis,
    flows: flowsOf(mv, names),
  };
}

function changeVnodes(c: WhatIfContext, names: Names): PlanWhatIf | null {
  if (c.vnodeTarget * c.ids.length > MAX_RING_POINTS) return null;
  const mv = movement(c.main, c.builder.build(c.ids, c.vnodeTarget));
  return moved(c, `virtual nodes ${c.builder.settings.vnodes} → ${c.vnodeTarget}`, 'change the virtual node count after deployment', mv, names);
}

export function whatIfs(c: WhatIfContext): PlanWhatIf[] {
  const names = new Names(c.ids, c.names);
  const out = [addWorker(c, names), removeWorker(c, names), restartWorker(c, names)];
  const v = changeVnodes(c, names);
  if (v) out.push(v);
  return out;
}
