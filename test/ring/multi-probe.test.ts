import { describe, expect, it } from 'vitest';
import { balance } from '../../src/ring/analysis/balance.js';
import { syntheticKeys } from '../../src/ring/analysis/keys.js';
import { MultiProbePlacement } from '../../src/ring/multi-probe.js';

const hosts = (n: number, weights: number[] = [1]) =>
  Array.from({ length: n }, (_, i) => ({ id: `host-${String(i).padStart(4, '0')}`, weight: weights[i % weights.length] }));

describe('multi-probe', () => {
  it('refuses weights, and keeps the peak near 1 + 1/(probes - 1)', () => {
    expect(
      () =>
        new MultiProbePlacement([
          { id: 'a', weight: 1 },
          { id: 'b', weight: 2 },
        ]),
    ).toThrow(/no honest weighting/);
    const b = balance(new MultiProbePlacement(hosts(50)), { keys: syntheticKeys(200_000, 5) });
    expect(b.maxOverMean).toBeLessThan(1.25);
  });
});
