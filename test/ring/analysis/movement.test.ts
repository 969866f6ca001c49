import { describe, expect, it } from 'vitest';
import { syntheticKeys } from '../../../src/ring/analysis/keys.js';
import { movement } from '../../../src/ring/analysis/movement.js';
import { RingPlacement } from '../../../src/ring/ring.js';
import { ALGORITHM_NAMES, createPlacement } from '../../../src/ring/registry.js';
import { KetamaPlacement } from '../../../src/ring/ketama.js';

const workers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `host-${String(i).padStart(3, '0')}` }));

describe('movement', () => {
  it('exact hash-space movement agrees with a large key sample', () => {
    const before = new RingPlacement(workers(20), { vnodes: 50 });
    const after = before.removeWorker('host-004').addWorker({ id: 'host-new', weight: 2 });
    const exact = movement(before, after);
    const sampled = movement(before, after, { keys: syntheticKeys(200000, 3), forceSample: true });
    expect(exact.method).toBe('exact');
    expect(sampled.method).toBe('sample');
    // 200,000 keys: binomial sd of a ~10 % fraction is ~0.07 %.
    expect(Math.abs(exact.moved - sampled.moved)).toBeLessThan(0.004);
    expect(exact.collateral).toBe(0);
  });

  it('reports bytes moved with sizes, a from→to matrix, and optimal = sum of positive share changes', () => {
    const before = new KetamaPlacement(workers(5).map((w, i) => ({ ...w, weight: i + 1 })));
    const after = before.removeWorker('host-000');
    const keys = syntheticKeys(5000, 4);
    const sizes = keys.map((_, i) => 1000 + (i % 7));
    const m = movement(before, after, { keys, sizes });
    expect(m.method).toBe('sample');
    let moved = 0;
    let movedBytes = 0;
    for (let i = 0; i < keys.length; i++) {
      if (before.locate(keys[i])[0] !== after.locate(keys[i])[0]) {
        moved++;
        movedBytes += sizes[i];
      }
    }
    expect(m.moved).toBeCloseTo(moved / keys.length, 12);
    expect(m.movedBytes).toBe(movedBytes);
    expect(m.totalBytes).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(m.flows.reduce((s, f) => s + f.fraction, 0)).toBeCloseTo(m.moved, 12);
    // A sample's optimal counts the same keys as its `moved`.
    const countBefore = new Map<string, number>();
    const countAfter = new Map<string, number>();
    for (const k of keys) {
      const a = before.locate(k)[0];
      const b = after.locate(k)[0];
      countBefore.set(a, (countBefore.get(a) ?? 0) + 1);
      countAfter.set(b, (countAfter.get(b) ?? 0) + 1);
    }
    let optimal = 0;
    for (const w of after.workers) {
      const d = ((countAfter.get(w.id) ?? 0) - (countBefore.get(w.id) ?? 0)) / keys.length;
      if (d > 0) optimal += d;
    }
    expect(m.optimal).toBeCloseTo(optimal, 12);
  });

  it('never reports fewer keys moved than the optimal, exact or sampled, for every algorithm', () => {
    const keys = syntheticKeys(20000, 9);
    const ws = workers(12);
    for (const name of ALGORITHM_NAMES) {
      const before = createPlacement(name, ws);
      for (const after of [before.removeWorker('host-005'), before.addWorker({ id: 'host-new' })]) {
        for (const forceSample of [false, true]) {
          const m = movement(before, after, { keys, forceSample });
          expect(m.moved, `${name} ${m.method}`).toBeGreaterThanOrEqual(m.optimal - 1e-12);
        }
      }
    }
  });

  it('samePod: keys between a pair of identities on one machine are counted apart, never as moved, exact, sampled and table', () => {
    const keys = syntheticKeys(20000, 5);
    for (const name of ['ring', 'maglev', 'jump']) {
      const before = createPlacement(name, workers(8));
      const after = before.withWorkers([...before.workers.filter((w) => w.id !== 'host-003'), { id: 'host-003-renewed' }]);
      for (const forceSample of [false, true]) {
        const plain = movement(before, after, { keys, forceSample });
        const pod = movement(before, after, { keys, forceSample, samePod: [['host-003', 'host-003-renewed']] });
        const pair = plain.flows.filter((f) => f.from === 'host-003' && f.to === 'host-003-renewed').reduce((a, f) => a + f.fraction, 0);
        expect(plain.samePod).toBe(0);
        expect(pod.samePod, `${name} ${pod.method}`).toBeCloseTo(pair, 12);
        expect(pod.moved).toBeCloseTo(plain.moved - pair, 12);
        expect(pod.flows.some((f) => f.from === 'host-003' && f.to === 'host-003-renewed')).toBe(false);
        expect(pod.flows.reduce((a, f) => a + f.fraction, 0)).toBeCloseTo(pod.moved, 12);
        expect(pod.movedFrom[3]).toBeCloseTo(plain.movedFrom[3] - pair, 12);
        expect(pod.moved).toBeGreaterThanOrEqual(pod.optimal - 1e-12);
      }
    }
    expect(() => movement(createPlacement('ring', workers(2)), createPlacement('ring', workers(2)), { samePod: [['host-000', 'nobody']] })).toThrow(
      /samePod pair/,
    );
  });
});
