/** The page-store and data-set checks (src/plan/checks/capacity.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { datasetChecks } from '../../../src/plan/checks/capacity.js';
import { ids, MINIMAL, plan } from '../guide-manifests.js';

describe('page store against the disk (guide D.4)', () => {
  it('90Gi + 9Gi on a 100 GiB ext4 disk does not fit (capacity.md §7); on 120 GiB it does', () => {
    const r = plan(MINIMAL, { disk: '100GB', provider: 'aws' });
    expect(r.checks.find((c) => c.id === 'pagestore-quota-disk')).toMatchObject({ severity: 'error', field: 'spec.worker.pagestore.size' });
    expect(r.checks.find((c) => c.id === 'pagestore-quota-disk')!.source).toMatch(/D\.4/);
    expect(ids(plan(MINIMAL, { disk: '120GB', provider: 'aws' }), 'error')).toEqual([]);
  });
  it('100G (decimal) is a warning; 100GB, which Kubernetes rejects, is an error (exit 1) planned as 100Gi', () => {
    expect(ids(plan(MINIMAL.replace('size: 90Gi', 'size: 90G')), 'warning')).toContain('quantity-decimal');
    const r = plan(MINIMAL.replace('size: 90Gi', 'size: 90GB'));
    expect(r.checks.find((c) => c.id === 'quantity-rejected')).toMatchObject({ severity: 'error', field: 'spec.worker.pagestore.size' });
    expect(r.workers[0].sizeBytes).toBe(90 * 2 ** 30);
  });
  it('reservedSize far from 10 % of size is a warning', () => {
    expect(ids(plan(MINIMAL.replace('reservedSize: 9Gi', 'reservedSize: 1Gi')), 'warning')).toContain('pagestore-reserved');
    expect(ids(plan(MINIMAL))).not.toContain('pagestore-reserved');
  });
});

describe('the workers file and the data set', () => {
  it("a workers file that disagrees with the manifest's count is a warning; the plan uses the file", () => {
    const r = plan(MINIMAL, {
      workers: [
        { name: 'a', size: '90Gi' },
        { name: 'b', size: '45Gi' },
      ],
    });
    expect(r.checks.find((c) => c.id === 'workers-file-count')).toMatchObject({
      severity: 'warning',
      field: '--workers',
      message: 'the workers file lists 2 workers but the manifest asks for 1',
    });
    expect(r.workers.map((w) => w.name)).toEqual(['a', 'b']);
    expect(ids(plan(MINIMAL, { workers: [{ name: 'a', size: '90Gi' }] }))).not.toContain('workers-file-count');
  });

  it('a data set larger than the cache is a coverage warning in binary units', () => {
    const d = { bytes: 4 * 2 ** 40, files: null, cacheBytes: 2 ** 40, coverage: 0.25, fits: false, overflowing: [] };
    expect(datasetChecks(d, 0)).toEqual([
      {
        id: 'dataset-coverage',
        source: 'ring-sim model',
        severity: 'warning',
        field: '--dataset',
        message: 'the cache (1.00 TiB) holds 25.0 % of the 4.00 TiB data set: reads beyond it go to the under-storage',
        fix: 'add workers or page-store size to reach 4.00 TiB',
      },
    ]);
  });

  it('a data set that fits in total but not on the busiest worker names that worker', () => {
    const d = {
      bytes: 2 ** 30,
      files: 10,
      cacheBytes: 2 ** 31,
      coverage: 2,
      fits: false,
      overflowing: [{ worker: 'w3', expectedBytes: 2 ** 29, cacheBytes: 2 ** 28 }],
    };
    expect(datasetChecks(d, 2)[0].message).toBe(
      "the cache holds the data set in total, but 2 worker(s) get more of it than they hold (the ring's imbalance): w3 would need 512.00 MiB in 256.00 MiB",
    );
    expect(datasetChecks({ ...d, overflowing: [] }, 0)).toEqual([]);
  });
});
