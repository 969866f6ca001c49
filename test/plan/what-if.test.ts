import { describe, expect, it } from 'vitest';
import type { PlanWhatIf, PlanWorker } from '../../src/plan/model.js';
import { PlanRingBuilder } from '../../src/plan/ring-balance.js';
import type { RingSettings } from '../../src/plan/settings.js';
import { LISTED_FLOWS, whatIfs, type WhatIfContext } from '../../src/plan/what-if.js';
import { MAX_RING_POINTS } from '../../src/ring/worker.js';

const worker = (i: number): PlanWorker => ({ name: `worker-${i}`, group: 'g', sizeBytes: 2 ** 30, reservedBytes: 0, cacheBytes: 2 ** 30, pages: 1024, pageSizeBytes: 1_048_576, usableDiskBytes: null, headroomBytes: null });

function context(n: number, o: { mode?: 'dynamic' | 'static'; persisted?: boolean; survives?: boolean; vnodes?: number; target?: number; dataset?: number | null } = {}): WhatIfContext {
  const settings: RingSettings = { policy: 'CONSISTENT', vnodes: o.vnodes ?? 20, vnodeProp: undefined, mode: o.mode ?? 'dynamic', provider: 'DEFAULT', pageSizeBytes: 1_048_576n, pageSizeSet: false };
  const ws = Array.from({ length: n }, (_, i) => worker(i));
  const builder = new PlanRingBuilder(settings, ws, 9);
  const ids = builder.identities(0);
  return { builder, main: builder.build(ids), ids, names: ws.map((w) => w.name), identityPersisted: o.persisted ?? false, pageStoreSurvives: o.survives, cacheBytes: ws.map((w) => w.cacheBytes), datasetBytes: o.dataset === undefined ? 1e9 : o.dataset, vnodeTarget: o.target ?? 40 };
}

const byName = (rows: PlanWhatIf[], prefix: string): PlanWhatIf => rows.find((r) => r.name.startsWith(prefix))!;

/** Every what-if's flows, listed and "other", add up to the keys moved, in bytes of the basis too. */
function expectConsistent(w: PlanWhatIf, basisBytes: number): void {
  const listed = w.flows.reduce((s, f) => s + f.fraction, 0);
  expect(listed + w.otherFlows.fraction).toBeCloseTo(w.moved, 12);
  expect(w.flows.length).toBeLessThanOrEqual(LISTED_FLOWS);
  expect(w.flowCount).toBe(w.flows.length + w.otherFlows.count);
  expect(w.bytesMoved).toBe(Math.round(w.moved * basisBytes));
  expect(w.bytesBasis).toBe('dataset');
  expect(w.optimal).toBeLessThanOrEqual(w.moved + 1e-12);
}

describe('whatIfs on a dynamic ring', () => {
  const c = context(30);
  const rows = whatIfs(c);

  it('gives the four what-ifs in order, each consistent', () => {
    expect(rows.map((r) => r.name)).toEqual(['+1 worker', '-1 worker', 'restart one worker', 'virtual nodes 20 → 40']);
    for (const w of rows) expectConsistent(w, c.datasetBytes!);
  });

  it('+1 worker moves keys only to the new worker: exactly its new range, about 1/31 of the keys', () => {
    const add = byName(rows, '+1');
    expect(add.flows.every((f) => f.to === 'new worker')).toBe(true);
    expect(add.moved).toBeCloseTo(add.optimal, 12);
    expect(add.moved).toBeGreaterThan(1 / 31 / 3);
    expect(add.moved).toBeLessThan(3 / 31);
  });

  it('-1 worker moves exactly the leaving worker\'s keys, all from it', () => {
    const remove = byName(rows, '-1');
    const own = c.main.ownership()!;
    expect(remove.moved).toBeCloseTo(own.byWorker[29] / own.total, 12);
    expect(remove.flows.every((f) => f.from === 'worker-29')).toBe(true);
    expect(remove.unreachable).toBe(0);
  });

  it('restarting with a persisted identity but an emptyDir page store re-reads all the worker cached', () => {
    const c = context(30, { persisted: true, survives: false, dataset: 1e15 });
    const r = byName(whatIfs(c), 'restart');
    const own = c.main.ownership()!;
    expect(r.moved).toBeCloseTo(own.byWorker[0] / own.total, 12);
    expect(r.bytesMoved).toBe(c.cacheBytes[c.ids.indexOf(c.main.workers[0].id)]);
    expect(r.bytesBasis).toBe('cache');
    expect(r.flows.map((f) => f.to)).toEqual(['worker-0 (emptied page store)']);
    expect(r.description).toMatch(/emptyDir page store: .* every byte it cached is re-read/);
    expect(byName(whatIfs(context(30, { persisted: true, survives: true })), 'restart').bytesMoved).toBe(0);
  });

  it('restarting with a new identity moves keys; a persisted identity moves none', () => {
    expect(byName(rows, 'restart').moved).toBeGreaterThan(0);
    expect(byName(rows, 'restart').description).toMatch(/^identity not persisted: worker-0 returns as a new identity/);
    const kept = byName(whatIfs(context(30, { persisted: true })), 'restart');
    expect(kept).toMatchObject({ moved: 0, flows: [], applicable: true });
  });
});

describe('whatIfs on a static ring and at the edges', () => {
  it('a static ring keeps a leaving worker\'s range: unreachable, nothing moved', () => {
    const c = context(10, { mode: 'static' });
    const rows = whatIfs(c);
    const own = c.main.ownership()!;
    expect(byName(rows, '-1')).toMatchObject({ moved: 0, unreachable: own.byWorker[9] / own.total });
    expect(byName(rows, 'restart').unreachable).toBeGreaterThan(0);
  });

  it('one worker cannot be removed; a virtual-node count past the cap is not computed', () => {
    const one = whatIfs(context(1));
    expect(byName(one, '-1')).toMatchObject({ applicable: false, reason: 'the cluster has one worker', moved: 0 });
    const big = whatIfs(context(3, { target: MAX_RING_POINTS }));
    expect(byName(big, 'virtual nodes')).toMatchObject({ applicable: false });
    expect(byName(big, 'virtual nodes').reason).toMatch(/ring points, more than ring-sim's/);
  });
});

describe('whatIfs: bytes capped by what the workers cache', () => {
  it('a data set larger than the cache: a worker hands over at most what it caches', () => {
    const c = context(8, { dataset: 50 * 2 ** 40 });
    const rows = whatIfs(c);
    const remove = byName(rows, '-1');
    expect(remove.bytesBasis).toBe('cache');
    expect(remove.bytesBasisText).toBe('capped by what the workers cache');
    // worker-7 leaves: its whole 1 GiB cache is re-read, not its share of 50 TiB.
    expect(Math.abs(remove.bytesMoved - 2 ** 30)).toBeLessThanOrEqual(1);
    for (const w of rows) {
      expect(w.bytesMoved).toBeLessThanOrEqual(8 * 2 ** 30);
      const listed = w.flows.reduce((s, f) => s + f.bytes, 0);
      expect(Math.abs(listed + w.otherFlows.bytes - w.bytesMoved)).toBeLessThanOrEqual(w.flows.length);
    }
  });

  it('no data set: every cache is taken as full', () => {
    const add = byName(whatIfs(context(8, { dataset: null })), '+1');
    expect(add.bytesBasis).toBe('cache');
    expect(add.bytesBasisText).toBe('of the cache, taken as full');
    expect(add.bytesMoved).toBeLessThanOrEqual(8 * 2 ** 30);
  });
});
