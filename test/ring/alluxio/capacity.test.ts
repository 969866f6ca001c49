import { describe, expect, it } from 'vitest';
import { movement } from '../../../src/ring/analysis/movement.js';
import { createPlacement } from '../../../src/ring/registry.js';

describe('alluxio-capacity (model)', () => {
  it("CAPACITY (model): shares follow capacity weights; one worker's change moves only its keys", () => {
    const p = createPlacement(
      'alluxio-capacity',
      [1, 1, 2, 4].map((w, i) => ({ id: `worker-${i + 1}`, weight: w })),
      { vnodes: 500 },
    );
    const own = p.ownership()!;
    [1, 1, 2, 4].forEach((w, i) => expect(Math.abs(own.byWorker[i] / own.total / (w / 8) - 1)).toBeLessThan(0.15));
    const m = movement(p, p.reweightWorker('worker-3', 3));
    expect(m.collateral).toBe(0);
  });
});
