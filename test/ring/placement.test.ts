// The Placement interface: every capability a caller uses is on it, for every registered algorithm.
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, createPlacement } from '../../src/ring/registry.js';

const workers = Array.from({ length: 5 }, (_, i) => ({ id: `host-${i}` }));

describe.each(ALGORITHM_NAMES)('%s', (name) => {
  const p = createPlacement(name, workers, { vnodes: 40 });

  it('withWorkers rebuilds the same algorithm and params', () => {
    const q = p.withWorkers(workers.slice(0, 4));
    expect(q.algorithm).toBe(p.algorithm);
    expect(q.params).toEqual(p.params);
    expect(q.workers.map((w) => w.id)).toEqual(['host-0', 'host-1', 'host-2', 'host-3']);
    expect(p.withWorkers(workers).locate('some/key', 2)).toEqual(p.locate('some/key', 2));
  });

  it('locateIndices fills distinct indices in preference order, the first being locateIndex', () => {
    const out = new Uint32Array(3);
    const n = p.locateIndices('some/key', 3, out);
    expect(n).toBe(3);
    expect(new Set(out).size).toBe(3);
    expect(out[0]).toBe(p.locateIndex('some/key'));
  });

  it('ownership, ringView, tableView and byteSize agree with each other', () => {
    const own = p.ownership();
    const ring = p.ringView();
    const table = p.tableView();
    if (ring) {
      expect(own?.unit).toBe('hash-space');
      expect(own!.byWorker.reduce((a, b) => a + b, 0)).toBe(2 ** 32);
      expect(p.byteSize()).toBeGreaterThanOrEqual(ring.ring.byteSize());
    }
    if (table) expect(own?.unit).toBe('slots');
    expect(ring && table).toBeFalsy();
    expect(p.byteSize()).toBeGreaterThanOrEqual(0);
  });

  it('prepare is accepted by every placement', () => {
    expect(() => p.prepare(['a', 'b'])).not.toThrow();
  });
});
