import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movement } from '../../src/ring/analysis/movement.js';
import { createPlacement } from '../../src/ring/registry.js';
import type { Worker } from '../../src/ring/worker.js';

const workerIds = (min: number, max: number) =>
  fc.uniqueArray(
    fc.stringMatching(/^[a-z][a-z0-9-]{2,15}$/).map((s) => `host-${s}`),
    { minLength: min, maxLength: max },
  );

const small = { vnodes: 40 };

describe('ring', () => {
  it('adding, removing or reweighting one weighted worker causes no collateral move (exact)', () => {
    fc.assert(
      fc.property(
        workerIds(3, 10),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: 1, max: 8 }),
        (ids, weights, newWeight) => {
          const workers: Worker[] = ids.map((id, i) => ({ id, weight: weights[i] }));
          const [first, ...rest] = workers;
          const before = createPlacement('ring', rest, small);
          for (const after of [before.addWorker(first), before.removeWorker(rest[0].id), before.reweightWorker(rest[1].id, newWeight)]) {
            const m = movement(before, after);
            expect(m.method).toBe('exact');
            expect(m.collateral).toBe(0);
            expect(m.moved).toBeCloseTo(m.optimal, 12);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('each worker owns its weight share of the hash space within 5 standard deviations', () => {
    fc.assert(
      fc.property(workerIds(2, 8), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 8, maxLength: 8 }), (ids, weights) => {
        const p = createPlacement(
          'ring',
          ids.map((id, i) => ({ id, weight: weights[i] })),
          { vnodes: 1000 },
        );
        const own = p.ownership()!;
        const total = ids.reduce((s, _, i) => s + weights[i], 0);
        ids.forEach((_, i) => {
          const share = own.byWorker[i] / own.total;
          const expected = weights[i] / total;
          // A worker with v points owns a share with relative spread about 1/sqrt(v).
          const spread = 1 / Math.sqrt(weights[i] * 1000);
          expect(Math.abs(share / expected - 1)).toBeLessThan(5 * spread);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('names the 33,554,432-point limit when virtual nodes would exceed it', () => {
    const workers = Array.from({ length: 10 }, (_, i) => ({ id: `host-${i}` }));
    expect(() => createPlacement('ring', workers, { vnodes: 4_000_000 })).toThrow(/33554432/);
    expect(() => createPlacement('alluxio-consistent', workers, { vnodes: 4_000_000 })).toThrow(/33554432/);
    expect(() => createPlacement('ring', workers, { vnodes: 0 })).toThrow(/vnodes/);
    expect(() => createPlacement('ring', workers, { vnodes: 1.5 })).toThrow(/vnodes/);
  });
});
