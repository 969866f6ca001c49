import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan } from '../../src/plan/plan.js';

// Timing lives in bench/ (bench/RESULTS.md); this checks that the large plan is complete and consistent.
describe('a 1,000-worker plan with 2,000 virtual nodes each', () => {
  it('builds every section', () => {
    const m = parseManifest(
      [
        'apiVersion: k8s-operator.alluxio.com/v1',
        'kind: AlluxioCluster',
        'metadata: {name: big}',
        'spec:',
        '  worker:',
        '    count: 1000',
        '    useExternalId: true',
        '    pagestore: {size: 1Ti, reservedSize: 100Gi}',
      ].join('\n'),
      'big.yaml',
    );
    const r = buildPlan(m, { datasetBytes: 800 * 2 ** 40 });
    expect(r.workers.length).toBe(1000);
    expect(r.ring.vnodes).toBe(2000);
    expect(r.ring.shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
    expect(r.whatIf.map((w) => w.name)).toEqual([
      '+1 worker',
      '-1 worker',
      'restart one worker',
      'virtual nodes 2000 → 1000',
      'change the page size after deploy',
    ]);
    expect(r.ring.arcs.length).toBeGreaterThan(1000);
  }, 30_000);
});
