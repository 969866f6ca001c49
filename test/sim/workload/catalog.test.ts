import { describe, expect, it } from 'vitest';
import { fileSizeOf, formatPath, SyntheticCatalog } from '../../../src/sim/workload/catalog.js';

describe('synthetic file catalogue', () => {
  it('fixed, uniform and lognormal sizes are seeded per file and stay in range', () => {
    expect(fileSizeOf({ kind: 'fixed', bytes: 7 }, 1, 99)).toBe(7);
    for (let f = 0; f < 500; f++) {
      const u = fileSizeOf({ kind: 'uniform', min: 10, max: 20 }, 3, f);
      expect(Number.isInteger(u) && u >= 10 && u <= 20).toBe(true);
      const l = fileSizeOf({ kind: 'lognormal', mean: 1000, sd: 500, min: 100, max: 5000 }, 3, f);
      expect(l >= 100 && l <= 5000).toBe(true);
    }
    expect(fileSizeOf({ kind: 'uniform', min: 1, max: 1e9 }, 3, 17)).toBe(fileSizeOf({ kind: 'uniform', min: 1, max: 1e9 }, 3, 17));
    expect(fileSizeOf({ kind: 'uniform', min: 1, max: 1e9 }, 3, 17)).not.toBe(fileSizeOf({ kind: 'uniform', min: 1, max: 1e9 }, 4, 17));
  });

  it('lognormal sizes have about the asked mean', () => {
    let sum = 0;
    const n = 20_000;
    for (let f = 0; f < n; f++) sum += fileSizeOf({ kind: 'lognormal', mean: 1000, sd: 300, min: 1, max: 1e9 }, 9, f);
    expect(Math.abs(sum / n / 1000 - 1)).toBeLessThan(0.02);
  });

  it('paths fill {index} and {key}; the catalogue sums its sizes', () => {
    expect(formatPath('s3://b/{index}.bin', 4)).toBe('s3://b/4.bin');
    expect(formatPath('s3://b/{key}', 4, 'k')).toBe('s3://b/k');
    const c = new SyntheticCatalog(3, { kind: 'uniform', min: 1, max: 9 }, 2, 'f{index}');
    expect(c.path(2)).toBe('f2');
    expect(c.totalBytes()).toBe(c.size(0) + c.size(1) + c.size(2));
    expect(new SyntheticCatalog(3, { kind: 'fixed', bytes: 5 }, 2, 'f').totalBytes()).toBe(15);
  });
});
