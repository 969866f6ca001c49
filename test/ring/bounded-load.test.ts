import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balance } from '../../src/ring/analysis/balance.js';
import { syntheticKeys } from '../../src/ring/analysis/keys.js';
import { BoundedLoadPlacement, boundedLoadMovement } from '../../src/ring/bounded-load.js';

const hosts = (n: number, weights: number[] = [1]) =>
  Array.from({ length: n }, (_, i) => ({ id: `host-${String(i).padStart(4, '0')}`, weight: weights[i % weights.length] }));

describe('bounded-load', () => {
  it('never exceeds ceil((1 + ε) · m · share) while keys come and go', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 8 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 600 }),
        (weights, epsilon, ops) => {
          const p = new BoundedLoadPlacement(
            weights.map((w, i) => ({ id: `w${i}`, weight: w })),
            { epsilon, vnodes: 50 },
          );
          const s = p.loadState();
          for (const [add, k] of ops) {
            if (add) s.assign(`key-${k}`);
            else s.release(`key-${k}`);
            for (let w = 0; w < weights.length; w++) expect(s.loads[w]).toBeLessThanOrEqual(s.capacity(w));
          }
          expect(s.loads.reduce((a, b) => a + b, 0)).toBe(s.size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('bounds the busiest worker at 1 + ε of the mean, and reports the extra moves the bound causes', () => {
    const keys = syntheticKeys(20000, 6);
    const p = new BoundedLoadPlacement(hosts(40), { vnodes: 20 });
    p.prepare(keys);
    expect(balance(p, { keys }).maxOverMean).toBeLessThanOrEqual(1.25 + 1e-9);
    const m = boundedLoadMovement(p, p.addWorker({ id: 'new' }) as BoundedLoadPlacement, keys);
    expect(m.extra).toBeGreaterThan(0);
    expect(m.moved).toBeCloseTo(m.ringMoved + m.extra, 12);
  });
});
