import { describe, expect, it } from 'vitest';
import { movement } from '../../src/ring/analysis/movement.js';
import { MaglevPlacement } from '../../src/ring/maglev.js';

const hosts = (n: number, weights: number[] = [1]) =>
  Array.from({ length: n }, (_, i) => ({ id: `host-${String(i).padStart(4, '0')}`, weight: weights[i % weights.length] }));

describe('maglev (Envoy weighting)', () => {
  it('weights 1:2 on a 65,537 table give 21,846 and 43,691 slots', () => {
    const p = new MaglevPlacement([
      { id: 'a', weight: 1 },
      { id: 'b', weight: 2 },
    ]);
    expect(Array.from(p.ownership().byWorker)).toEqual([21846, 43691]);
  });

  it('equal workers get floor or ceil of M / n slots', () => {
    const own = new MaglevPlacement(hosts(100)).ownership().byWorker;
    for (const c of own) expect([655, 656]).toContain(c);
  });

  it('rejects a non-prime table size with the nearest primes, and sizes out of range', () => {
    expect(() => new MaglevPlacement(hosts(3), { tableSize: 65536 })).toThrow(/must be prime.*use 65521 or 65537/);
    expect(() => new MaglevPlacement(hosts(3), { tableSize: 5_000_012 })).toThrow(/5000011/);
    expect(() => new MaglevPlacement(hosts(3), { tableSize: 5_000_011 })).not.toThrow();
  });

  it('disruption: removing a worker changes more slots than the optimum, within what the table size allows', () => {
    // Measured exactly (slot by slot). A larger table gets closer to the optimum.
    for (const [M, bound] of [
      [65537, 2.0],
      [655373, 1.4],
    ] as const) {
      const before = new MaglevPlacement(hosts(20), { tableSize: M });
      const m = movement(before, before.removeWorker('host-0007'));
      expect(m.method).toBe('exact');
      expect(m.ratioToOptimal).toBeGreaterThanOrEqual(1);
      expect(m.ratioToOptimal).toBeLessThan(bound);
    }
  });
});
