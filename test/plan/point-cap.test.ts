import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan } from '../../src/plan/plan.js';

describe('the ring-point cap in a plan', () => {
  it('names the manifest property and the worker count, not a library option', () => {
    const m = parseManifest(
      [
        'apiVersion: k8s-operator.alluxio.com/v1',
        'kind: AlluxioCluster',
        'metadata: {name: huge}',
        'spec:',
        '  worker:',
        '    count: 20000',
        '    useExternalId: true',
        '    pagestore: {size: 1Ti, reservedSize: 100Gi}',
      ].join('\n'),
      'huge.yaml',
    );
    expect(() => buildPlan(m)).toThrow(
      /^huge\.yaml: spec\.properties\.alluxio\.user\.worker\.selection\.policy\.consistent\.hash\.virtual\.node\.count\.per\.worker: 20000 workers \(and one more for the \+1 worker what-if\) × 2000 virtual nodes is 40002000 ring points, over ring-sim's limit of 33554432 \(got 2000\); lower .* to at most 1677 or spec\.worker\.count$/,
    );
  });
});
