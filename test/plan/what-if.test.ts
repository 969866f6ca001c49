import { describe, expect, it } from 'vitest';
import type { PlanWhatIf, PlanWorker } from '../../src/plan/model.js';
import { PlanRingBuilder } from '../../src/plan/ring-balance.js';
import type { RingSettings } from '../../src/plan/settings.js';
import { LISTED_FLOWS, whatIfs, type WhatIfContext } from '../../src/plan/what-if.js';
import { MAX_RING_POINTS } from '../../src/ring/worker.js';

const worker = (i: number): PlanWorker => ({
  name: `worker-${i}`,
  group: 'g',
  sizeBytes: 2 ** 30,
  reservedBytes: 0,
  cacheBytes: 2 ** 30,
  pages: 1024,
  pageSizeBytes: 1_048_576,
  usableDiskBytes: null,
  headroomBytes: null,
  pagestoreType: 'hostPath',
});

function context(
  n: number,
  o: { mode?: 'dynamic' | 'static'; persisted?: boolean; survives?: boolean; vnodes?: number; target?: number; dataset?: number | null } = {},
): WhatIfContext {
  const settings: RingSettings = {
    policy: 'CONSISTENT',
    vnodes: o.vnodes ?? 20,
    vnodeProp: undefined,
    mode: o.mode ?? 'dynamic',
    provider: 'DEFAULT',
    pageSizeBytes: 1_048_576n,
    pageSizeSet: false,
  };
  const ws = Array.from({ length: n }, (_, i) => worker(i));
  const builder = new PlanRingBuilder(settings, ws, 9);
  const ids = builder.identities(0);
  return {
    builder,
    main: builder.build(ids),
    ids,
    names: ws.map((w) => w.name),
    identityPersisted: o.persisted ?? false,
    pageStoreSurvives: o.survives,
    cacheBytes: ws.map((w) => w.cacheBytes),
    datasetBytes: o.dataset === undefined ? 1e9 : o.dataset,
    vnodeTarget: o.target ?? 40,
  };
}

const byName = (rows: PlanWhatIf[], prefix: string): PlanWhatIf => rows.find((r) => r.name.startsWith(prefix))!;

/**
 * Every what-if's flows, listed and "other", add up to the keys re-read (the keys moved, except the page-size
 * change, which moves none), in bytes of the basis too.
 */
function expectConsistent(w: PlanWhatIf, basisBytes: number): void {
  const movedFlows = w.flows.filter((f) => !f.samePod);
  const listed = movedFlows.reduce((s, f) => s + f.fraction, 0);
  expect(listed + w.otherFlows.fraction).toBeCloseTo(w.reread, 12);
  if (w.name === 'change the page size after deploy') expect([w.moved, w.bytesMoved]).toEqual([0, 0]);
  else expect([w.reread, w.bytesReread]).toEqual([w.moved, w.bytesMoved]);
  expect(w.flows.filter((f) => f.samePod).reduce((s, f) => s + f.fraction, 0)).toBeCloseTo(w.samePod, 12);
  expect(movedFlows.length).toBeLessThanOrEqual(LISTED_FLOWS);
  expect(w.flowCount).toBe(movedFlows.length + w.otherFlows.count);
  expect(w.bytesReread).toBe(Math.round(w.reread * basisBytes));
  expect(w.bytesBasis).toBe('dataset');
  expect(w.optimal).toBeLessThanOrEqual(w.moved + 1e-12);
}

describe('whatIfs on a dynamic ring', () => {
  const c = context(30);
  const rows = whatIfs(c);

  it('gives the five what-ifs in order, each consistent', () => {
    expect(rows.map((r) => r.name)).toEqual(['+1 worker', '-1 worker', 'restart one worker', 'virtual nodes 20 → 40', 'change the page size after deploy']);
    for (const w of rows) expectConsistent(w, c.datasetBytes!);
  });

  it('+1 worker moves keys only to the new worker: exactly its new range, about 1/31 of the keys', () => {
    const add = byName(rows, '+1');
    expect(add.flows.every((f) => f.to === 'new worker')).toBe(true);
    expect(add.moved).toBeCloseTo(add.optimal, 12);
    expect(add.moved).toBeGreaterThan(1 / 31 / 3);
    expect(add.moved).toBeLessThan(3 / 31);
  });

  it("-1 worker moves exactly the leaving worker's keys, all from it", () => {
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
  it("a static ring keeps a leaving worker's range: unreachable, nothing moved", () => {
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
      expect(w.bytesReread).toBeLessThanOrEqual(8 * 2 ** 30);
      const listed = w.flows.filter((f) => !f.samePod).reduce((s, f) => s + f.bytes, 0);
      expect(Math.abs(listed + w.otherFlows.bytes - w.bytesReread)).toBeLessThanOrEqual(w.flows.length);
    }
  });

  it('no data set: every cache is taken as full', () => {
    const add = byName(whatIfs(context(8, { dataset: null })), '+1');
    expect(add.bytesBasis).toBe('cache');
    expect(add.bytesBasisText).toBe('of the cache, taken as full');
    expect(add.bytesMoved).toBeLessThanOrEqual(8 * 2 ** 30);
  });
});

/**
 * A hand check of the restart on a small ring: every elementary arc of the union of both rings' points is owned,
 * before and after, by the owner of the first point at or past its end (a linear scan, not movement's merge).
 * Keys on arcs from the old identity to the new one stay on the pod; every other change of owner moves keys.
 */
function handRestart(
  c: WhatIfContext,
  after: ReturnType<WhatIfContext['builder']['fromWorkers']>,
  newId: string,
): { moved: number; samePod: number; leaving: number } {
  const A = c.main.ringView()!.ring;
  const B = after.ringView()!.ring;
  const points = (r: typeof A): number[] => Array.from({ length: r.length }, (_, i) => r.pointAt(i));
  const owner = (r: typeof A, p: readonly string[], u: number): string => {
    const ps = points(r);
    const i = ps.findIndex((x) => x >= u);
    return p[r.ownerAt(i < 0 ? 0 : i)];
  };
  const idsA = c.main.workers.map((w) => w.id);
  const idsB = after.workers.map((w) => w.id);
  const cuts = [...new Set([...points(A), ...points(B)])].sort((x, y) => x - y);
  let moved = 0;
  let samePod = 0;
  let leaving = 0;
  cuts.forEach((u, k) => {
    const arc = k === 0 ? u + 2 ** 32 - cuts[cuts.length - 1] : u - cuts[k - 1];
    const a = owner(A, idsA, u);
    const b = owner(B, idsB, u);
    if (a === c.ids[0] && b === newId) samePod += arc;
    else if (a !== b) {
      moved += arc;
      if (a === c.ids[0]) leaving += arc;
    }
  });
  return { moved: moved / 2 ** 32, samePod: samePod / 2 ** 32, leaving: leaving / 2 ** 32 };
}

describe('restart without a persisted identity: keys that stay on the pod (issue 23 item 2)', () => {
  it('one worker, dynamic ring: every key passes to the new identity on the same pod; nothing moves, nothing is re-read', () => {
    const r = byName(whatIfs(context(1, { dataset: 1e9 })), 'restart');
    expect(r).toMatchObject({ moved: 0, samePod: 1, optimal: 0, bytesMoved: 0, flowCount: 0 });
    expect(r.flows).toEqual([{ from: 'worker-0', to: 'worker-0 (new identity)', fraction: 1, bytes: 1e9, samePod: true }]);
    expect(r.description).toContain('100.00 % pass from the old identity to the new one on the same pod and stay on the pod');
  });

  for (const mode of ['dynamic', 'static'] as const) {
    it(`${mode} ring of 4 workers, 3 virtual nodes: moved, samePod and bytes equal a hand walk of the arcs`, () => {
      const c = context(4, { mode, vnodes: 3, dataset: 1e9 });
      const r = byName(whatIfs(c), 'restart');
      const newId = c.builder.newIdentity('restart');
      const base = c.builder.ringWorkers(c.ids);
      const renewed = c.builder.extraWorker(newId, 0);
      const after = c.builder.fromWorkers(mode === 'dynamic' ? [...base.slice(1), renewed] : [...base, renewed]);
      const hand = handRestart(c, after, newId);
      expect(hand.samePod).toBeGreaterThan(0);
      expect(r.moved).toBeCloseTo(hand.moved, 12);
      expect(r.samePod).toBeCloseTo(hand.samePod, 12);
      // The data set fits (1 GB over 4 GiB of cache): bytes are the moved share × the data set, same-pod keys excluded.
      expect(r.bytesMoved).toBe(Math.round(hand.moved * 1e9));
      expect(r.bytesBasis).toBe('dataset');
      const stay = r.flows.filter((f) => f.samePod);
      expect(stay).toEqual([{ from: 'worker-0', to: 'worker-0 (new identity)', fraction: r.samePod, bytes: Math.round(r.samePod * 1e9), samePod: true }]);
      const movedFlows = r.flows.filter((f) => !f.samePod);
      expect(movedFlows.reduce((s, f) => s + f.fraction, 0) + r.otherFlows.fraction).toBeCloseTo(r.moved, 12);
      expect(movedFlows.some((f) => f.from === 'worker-0' && f.to === 'worker-0 (new identity)')).toBe(false);
      expect(r.description).toContain(`${(hand.leaving * 100).toFixed(2)} % of the keys move from the old identity to other pods`);
      expect(r.description).toContain(`${(hand.samePod * 100).toFixed(2)} % pass from the old identity to the new one on the same pod`);
      // Optimal: the pod (old identity and new one together) and every other worker's share gains; at most what moved.
      const sa = after.ownership()!;
      const sb = c.main.ownership()!;
      const shareOf = (own: typeof sa, p: typeof after, id: string): number => {
        const i = p.workers.findIndex((w) => w.id === id);
        return i < 0 ? 0 : own.byWorker[i] / own.total;
      };
      let optimal = 0;
      const podAfter = shareOf(sa, after, newId) + shareOf(sa, after, c.ids[0]);
      optimal += Math.max(0, podAfter - shareOf(sb, c.main, c.ids[0]));
      for (const id of c.ids.slice(1)) optimal += Math.max(0, shareOf(sa, after, id) - shareOf(sb, c.main, id));
      expect(r.optimal).toBeCloseTo(optimal, 12);
      expect(r.optimal).toBeLessThanOrEqual(r.moved + 1e-12);
    });
  }

  it('an emptyDir page store comes back empty: the keys the pod keeps under its new identity are moved and re-read too', () => {
    const kept = byName(whatIfs(context(4, { vnodes: 3 })), 'restart');
    const emptied = byName(whatIfs(context(4, { vnodes: 3, survives: false })), 'restart');
    expect(emptied.samePod).toBe(0);
    expect(emptied.moved).toBeCloseTo(kept.moved + kept.samePod, 12);
    expect(emptied.flows.some((f) => f.samePod)).toBe(false);
    expect(emptied.flows.some((f) => f.from === 'worker-0' && f.to === 'worker-0 (new identity)')).toBe(true);
    expect(emptied.description).toMatch(/emptyDir page store comes back empty, so they are re-read too/);
    expect(emptied.bytesMoved).toBeGreaterThan(kept.bytesMoved);
  });
});
