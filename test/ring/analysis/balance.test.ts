import { describe, expect, it } from 'vitest';
import { balance } from '../../../src/ring/analysis/balance.js';
import { syntheticKeys } from '../../../src/ring/analysis/keys.js';
import { JumpPlacement } from '../../../src/ring/jump.js';
import { RingPlacement } from '../../../src/ring/ring.js';
import { createPlacement } from '../../../src/ring/registry.js';

const workers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `host-${String(i).padStart(3, '0')}` }));

describe('balance', () => {
  it('computes the osdmaptool statistics by hand on a sample', () => {
    // jump has no ownership: 3 workers, counts from the sample, checked against a direct computation.
    const p = new JumpPlacement(workers(3));
    const keys = syntheticKeys(3000, 9);
    const counts = [0, 0, 0];
    for (const k of keys) counts[p.locateIndex(k)]++;
    const b = balance(p, { keys });
    expect(b.method).toBe('sample');
    expect(b.mean).toBe(1000);
    const sd = Math.sqrt(counts.reduce((s, c) => s + (c - 1000) ** 2, 0) / 3);
    expect(b.stddev).toBeCloseTo(sd, 9);
    // Ceph's example: 3 equal OSDs, T placements: expected sqrt(T * 1/3 * 2/3).
    expect(b.expectedStddev).toBeCloseTo(Math.sqrt(3000 * (1 / 3) * (2 / 3)), 9);
    expect(b.maxOverMean).toBeCloseTo(Math.max(...counts) / 1000, 12);
    expect(b.minOverMean).toBeCloseTo(Math.min(...counts) / 1000, 12);
  });

  it('is exact from ownership for rings, and the shares sum to 1', () => {
    const p = new RingPlacement(workers(10), { vnodes: 100 });
    const b = balance(p);
    expect(b.method).toBe('exact');
    expect(b.workers.reduce((s, w) => s + w.share, 0)).toBeCloseTo(1, 12);
    expect(b.relativeStddev).toBeGreaterThan(0.02);
    expect(b.relativeStddev).toBeLessThan(0.25);
  });
});

describe('balance per zone', () => {
  it('reports shares per zone', () => {
    const workers = Array.from({ length: 6 }, (_, i) => ({ id: `h${i}`, zone: i < 4 ? 'a' : 'b' }));
    const b = balance(createPlacement('ring', workers));
    expect(b.zones!.map((z) => z.zone)).toEqual(['a', 'b']);
    expect(b.zones![0].weightShare).toBeCloseTo(4 / 6, 12);
    expect(b.zones![0].share + b.zones![1].share).toBeCloseTo(1, 12);
  });
});
