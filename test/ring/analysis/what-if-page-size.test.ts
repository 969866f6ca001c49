/** The `page-size` rule of the what-if module: the ring stays, every ONLINE worker's pages are dropped at restart. */
import { describe, expect, it } from 'vitest';
import { whatIf, type WhatIfCluster, type WhatIfWorker } from '../../../src/ring/analysis/what-if.js';
import { createPlacement } from '../../../src/ring/registry.js';
import type { Worker } from '../../../src/ring/worker.js';

const ring = (ws: readonly Worker[], vnodes = 50) => createPlacement('alluxio-consistent', ws, { vnodes, identity: 'identity' });

function cluster(mode: 'dynamic' | 'static', o: { type?: string; dataset?: number | null; offline?: number[] } = {}): WhatIfCluster {
  const workers: WhatIfWorker[] = Array.from({ length: 5 }, (_, i) => ({
    id: `worker-${i}`,
    cacheBytes: 1e9,
    pagestoreType: o.type ?? 'hostPath',
    offline: o.offline?.includes(i),
  }));
  return { workers, mode, ring, datasetBytes: o.dataset === undefined ? 1e9 : o.dataset };
}

describe('whatIf page-size: restore keeps only pages under the current page size', () => {
  it('every worker is re-read on its own range, whatever its page store: all that is cached, exactly the data set when it fits', () => {
    for (const type of ['hostPath', 'persistentVolumeClaim', 'emptyDir']) {
      const r = whatIf(cluster('dynamic', { type }), { kind: 'page-size' });
      // No key changes worker (moved 0); every key's pages are re-read where they were.
      expect(r.reread).toBeCloseTo(1, 12);
      expect(r).toMatchObject({
        moved: 0,
        optimal: 0,
        unreachable: 0,
        samePod: 0,
        bytesMoved: 0,
        bytesReread: 1e9,
        bytesBasis: 'dataset',
        flowCount: 5,
        method: 'exact',
      });
      expect(r.flows.every((f) => f.from === f.to && f.emptied === true)).toBe(true);
      expect(r.after).toBe(r.before); // the ring does not change
    }
    const capped = whatIf(cluster('dynamic', { dataset: 1e12 }), { kind: 'page-size' });
    expect([capped.bytesMoved, capped.bytesReread, capped.bytesBasis]).toEqual([0, 5e9, 'cache']);
  });

  it('static ring: an OFFLINE identity caches nothing and stays unreachable; only the ONLINE ones are re-read', () => {
    const r = whatIf(cluster('static', { offline: [4], dataset: null }), { kind: 'page-size' });
    expect(r.flows.map((f) => f.from).sort()).toEqual(['worker-0', 'worker-1', 'worker-2', 'worker-3']);
    expect([r.moved, r.bytesMoved, r.bytesReread]).toEqual([0, 0, 4e9]);
    expect(r.reread + r.unreachable).toBeCloseTo(1, 12);
    expect(r.unreachable).toBeGreaterThan(0);
  });

  it('lists at most maxFlows and sums the rest, so the flows add up', () => {
    const r = whatIf({ ...cluster('dynamic'), maxFlows: 2 }, { kind: 'page-size' });
    expect(r.flows).toHaveLength(2);
    expect(r.otherFlows.count).toBe(3);
    expect(r.flows.reduce((s, f) => s + f.fraction, 0) + r.otherFlows.fraction).toBeCloseTo(r.reread, 12);
    expect(r.flows.reduce((s, f) => s + f.bytes, 0) + r.otherFlows.bytes).toBe(r.bytesReread);
  });

  it('every other change re-reads what it moves: reread = moved, bytesReread = bytesMoved', () => {
    const c = cluster('dynamic');
    for (const change of [
      { kind: 'add', ids: ['worker-5'] },
      { kind: 'stop', worker: 1 },
      { kind: 'vnodes', vnodes: 20 },
    ] as const) {
      const r = whatIf(c, change);
      expect(r.moved).toBeGreaterThan(0);
      expect([r.reread, r.bytesReread]).toEqual([r.moved, r.bytesMoved]);
    }
  });
});
