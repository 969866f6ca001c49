import { describe, expect, it } from 'vitest';
import { compareAlgorithms } from '../../../src/ring/analysis/compare.js';
import { syntheticKeys } from '../../../src/ring/analysis/keys.js';

const workers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `host-${String(i).padStart(3, '0')}` }));

describe('compareAlgorithms', () => {
  it('on 100 equal workers: ring moves within 10 % of the optimal 1/101 on +1, with no collateral', () => {
    const r = compareAlgorithms({ algorithms: ['ring', 'ketama', 'jump'], workers: workers(100), keys: syntheticKeys(20000) });
    const ring = r.rows.find((x) => x.algorithm === 'ring')!;
    expect(Math.abs(ring.add!.moved / (1 / 101) - 1)).toBeLessThan(0.1);
    expect(ring.add!.collateral).toBe(0);
    expect(ring.remove!.collateral).toBe(0);
  });

  it('skips an algorithm that cannot take the workers, saying why', () => {
    const r = compareAlgorithms({
      algorithms: ['jump', 'ring'],
      workers: workers(4).map((w, i) => ({ ...w, weight: i + 1 })),
      keys: syntheticKeys(100),
    });
    expect(r.rows[0].skipped).toMatch(/no weights/);
    expect(r.rows[1].skipped).toBeUndefined();
  });
});
