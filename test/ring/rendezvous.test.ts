import { describe, expect, it } from 'vitest';
import { balance } from '../../src/ring/analysis/balance.js';
import { syntheticKeys } from '../../src/ring/analysis/keys.js';
import { movement } from '../../src/ring/analysis/movement.js';
import { RendezvousPlacement } from '../../src/ring/rendezvous.js';

const hosts = (n: number, weights: number[] = [1]) =>
  Array.from({ length: n }, (_, i) => ({ id: `host-${String(i).padStart(4, '0')}`, weight: weights[i % weights.length] }));

describe('rendezvous', () => {
  it('weighted shares are within 1 % of the weight shares at 1,000,000 keys', () => {
    const p = new RendezvousPlacement([1, 2, 3, 4].map((w) => ({ id: `w${w}`, weight: w })));
    const b = balance(p, { keys: syntheticKeys(1_000_000, 21) });
    for (const w of b.workers) expect(Math.abs(w.share / w.weightShare - 1)).toBeLessThan(0.01);
  }, 60_000);

  it('a reweighted worker moves keys only to or from itself', () => {
    const keys = syntheticKeys(20000, 4);
    const before = new RendezvousPlacement(hosts(8, [1, 2]));
    const m = movement(before, before.reweightWorker('host-0003', 5), { keys });
    expect(m.collateral).toBe(0);
    for (const f of m.flows) expect(f.from === 'host-0003' || f.to === 'host-0003').toBe(true);
  });
});
