import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/core/random.js';
import { ZipfSampler } from '../../../src/sim/workload/zipf.js';

describe('ZipfSampler', () => {
  it('draws ranks 1 … n with frequencies near k^-s / H(n, s)', () => {
    const n = 50;
    const s = 1.1;
    const z = new ZipfSampler(n, s);
    const rand = new Random(5);
    const counts = new Array(n + 1).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) {
      const k = z.sample(rand);
      expect(k >= 1 && k <= n).toBe(true);
      counts[k]++;
    }
    let h = 0;
    for (let k = 1; k <= n; k++) h += k ** -s;
    for (const k of [1, 2, 5, 10]) {
      const p = k ** -s / h;
      // within 5 binomial standard deviations
      expect(Math.abs(counts[k] / draws - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws));
    }
  });

  it('is uniform at s = 0', () => {
    const z = new ZipfSampler(4, 0);
    const rand = new Random(1);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[z.sample(rand)]++;
    for (let k = 1; k <= 4; k++) expect(Math.abs(counts[k] / 40_000 - 0.25)).toBeLessThan(0.015);
  });
});
