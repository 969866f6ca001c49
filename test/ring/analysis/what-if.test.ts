import { describe, expect, it } from 'vitest';
import { movement } from '../../../src/ring/analysis/movement.js';
import { whatIf, type WhatIfCluster, type WhatIfWorker } from '../../../src/ring/analysis/what-if.js';
import { createPlacement } from '../../../src/ring/registry.js';
import type { Worker } from '../../../src/ring/worker.js';

const ring = (ws: readonly Worker[], vnodes = 50) => createPlacement('alluxio-consistent', ws, { vnodes, identity: 'identity' });

function cluster(mode: 'dynamic' | 'static', o: { n?: number; type?: string; dataset?: number | null; offline?: number[] } = {}): WhatIfCluster {
  const workers: WhatIfWorker[] = Array.from({ length: o.n ?? 6 }, (_, i) => ({
    id: `worker-${i}`,
    cacheBytes: 1e9,
    pagestoreType: o.type ?? 'hostPath',
    offline: o.offline?.includes(i),
  }));
  return { workers, mode, ring, datasetBytes: o.dataset === undefined ? 1e9 : o.dataset };
}

const share = (c: WhatIfCluster, id: string): number => {
  const p = ring(c.workers.filter((w) => c.mode === 'static' || !w.offline).map((w) => ({ id: w.id })));
  const own = p.ownership()!;
  return own.byWorker[p.workers.findIndex((w) => w.id === id)] / own.total;
};

describe('whatIf: the one place the what-if rules live', () => {
  it('stop: a dynamic ring moves exactly its share; a static one moves nothing, leaves it unreachable, and its range is the optimum', () => {
    const d = whatIf(cluster('dynamic'), { kind: 'stop', worker: 2 });
    expect(d.moved).toBeCloseTo(share(cluster('dynamic'), 'worker-2'), 12);
    expect(d.unreachable).toBe(0);
    const s = whatIf(cluster('static'), { kind: 'stop', worker: 2 });
    expect(s).toMatchObject({ moved: 0, flowCount: 0, stopped: ['worker-2'] });
    expect(s.unreachable).toBeCloseTo(share(cluster('static'), 'worker-2'), 12);
    expect(s.optimal).toBe(s.unreachable);
    expect(s.bytesUnreachable).toBe(Math.round(s.unreachable * 1e9));
  });

  it('restart with its identity: nothing moves, unless an emptyDir page store comes back empty and all it cached is re-read', () => {
    expect(whatIf(cluster('dynamic'), { kind: 'restart', worker: 1 })).toMatchObject({ moved: 0, bytesMoved: 0, emptied: null, flows: [] });
    const c = cluster('dynamic', { type: 'emptyDir', dataset: 1e12 });
    const r = whatIf(c, { kind: 'restart', worker: 1 });
    expect(r.moved).toBeCloseTo(share(c, 'worker-1'), 12);
    expect(r).toMatchObject({ emptied: 'worker-1', bytesMoved: 1e9, bytesBasis: 'cache', optimal: 0 });
    expect(r.flows).toEqual([{ from: 'worker-1', to: 'worker-1', fraction: r.moved, bytes: 1e9, emptied: true }]);
  });

  for (const mode of ['dynamic', 'static'] as const) {
    it(`${mode}: restart without identity keeps the same-pod keys out of moved, unless the page store is emptyDir`, () => {
      const kept = whatIf(cluster(mode), { kind: 'restart', worker: 0, newIdentity: 'worker-100' });
      const lost = whatIf(cluster(mode, { type: 'emptyDir' }), { kind: 'restart', worker: 0, newIdentity: 'worker-100' });
      expect(kept.samePod).toBeGreaterThan(0);
      expect(kept.moved + kept.samePod).toBeCloseTo(lost.moved, 12);
      expect(lost.samePod).toBe(0);
      expect(kept.samePodFlow).toMatchObject({ from: 'worker-0', to: 'worker-100', fraction: kept.samePod, samePod: true });
      expect(lost.samePodFlow).toBeNull();
      expect(kept.handover!.leaving + kept.handover!.arriving).toBeCloseTo(kept.moved, 12);
      expect(lost.handover).toMatchObject({ samePod: kept.samePod, survives: false });
      expect(kept.optimal).toBeLessThanOrEqual(kept.moved + 1e-12);
      expect(kept.unreachable > 0).toBe(mode === 'static');
      expect(kept.stopped).toEqual(['worker-0']);
    });
  }

  it('remove-worker of an OFFLINE identity re-reads nothing (it cached nothing) and shrinks what is unreachable', () => {
    const c = cluster('static', { offline: [3, 4] });
    const r = whatIf(c, { kind: 'remove', worker: 3 });
    expect(r.moved).toBeCloseTo(share(c, 'worker-3'), 12);
    expect(r.bytesMoved).toBe(0);
    expect(r.unreachable).toBeCloseTo(movementShare(c, 'worker-4'), 9);
    expect(r.unreachable).toBeLessThan(share(c, 'worker-3') + share(c, 'worker-4'));
  });

  it('add: new identities like the first; moved equals movement() between the two rings, bytes capped by what each caches', () => {
    const c = cluster('dynamic', { dataset: 1e12 });
    const r = whatIf(c, { kind: 'add', ids: ['worker-101', 'worker-102'] });
    const mv = movement(ring(c.workers), ring([...c.workers, { id: 'worker-101' }, { id: 'worker-102' }]));
    expect(r.moved).toBe(mv.moved);
    expect(r.bytesBasis).toBe('cache');
    expect(r.bytesMoved).toBeLessThanOrEqual(6e9);
    expect(r.flows.reduce((s, f) => s + f.bytes, 0) + r.otherFlows.bytes).toBe(r.bytesMoved);
  });
});

/** worker-4's share once worker-3 is removed from the static ring. */
function movementShare(c: WhatIfCluster, id: string): number {
  const p = ring(c.workers.filter((w) => w.id !== 'worker-3'));
  const own = p.ownership()!;
  return own.byWorker[p.workers.findIndex((w) => w.id === id)] / own.total;
}
