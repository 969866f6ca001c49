import { describe, expect, it } from 'vitest';
import type { CompareReport } from '../../src/ring/analysis/compare.js';
import { ALGORITHM_NAMES } from '../../src/ring/registry.js';
import { cli, tempFile } from './helpers.js';

describe('ring-sim compare', () => {
  it('on 100 equal workers: ring +1 movement within 10 % of 1/101 and no collateral (JSON)', async () => {
    // The ring's movement is exact (hash space, not keys): a small key sample only serves the sampled algorithms.
    const r = await cli('compare', '--count', '100', '--keys', '2000', '--no-time', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CompareReport;
    expect(report.workers).toBe(100);
    const ring = report.rows.find((x) => x.algorithm === 'ring')!;
    expect(Math.abs(ring.add!.moved * 101 - 1)).toBeLessThan(0.1);
    expect(ring.add!.collateral).toBe(0);
    expect(report.rows.map((x) => x.algorithm)).toEqual(ALGORITHM_NAMES);
  });

  it('shows ketama collateral moves with unequal weights, and skips jump with a reason (text)', async () => {
    const W = tempFile('w.txt', ['600', '300', '200', '350', '1000', '800', '950', '100'].map((w, i) => `10.0.1.${i + 1}:11211 ${w}`).join('\n'));
    // ring: 10 points per unit of weight (43,000 points) rather than 1000 (4.3 million); ketama's points do not depend on it.
    const r = await cli(
      'compare',
      '--workers',
      W,
      '--algorithms',
      'ketama,ring,jump',
      '--keys',
      '5000',
      '--vnodes',
      '10',
      '--remove',
      '10.0.1.8:11211',
      '--no-time',
    );
    expect(r.code).toBe(0);
    const ketamaLine = r.stdout.split('\n').find((l) => l.startsWith('ketama'))!;
    const cells = ketamaLine.split(/\s{2,}/);
    // columns: algorithm, params, balance, max/mean, min/mean, stddev, expected, +1 moved, +1 opt, +1 coll, -1 moved, -1 opt, -1 coll
    const removeCollateral = Number.parseFloat(cells[12]);
    expect(removeCollateral).toBeGreaterThan(5);
    const ringLine = r.stdout.split('\n').find((l) => l.startsWith('ring'))!;
    expect(ringLine.split(/\s{2,}/)[12]).toBe('0.00 %');
    expect(r.stdout).toMatch(/jump: skipped: .*no weights/);
  });

  it('rejects bad input with exit 2', async () => {
    expect((await cli('compare')).code).toBe(2);
    expect((await cli('compare', '--count', '0')).code).toBe(2);
    expect((await cli('compare', '--count', '5', '--remove', 'nope')).stderr).toMatch(/--remove: no such worker/);
    expect((await cli('compare', '--count', '5', '--weights', '1,x')).stderr).toMatch(/--weights must be a positive number/);
  });
});
