import { describe, expect, it } from 'vitest';
import { AlluxioMultiProbePlacement } from '../../../src/ring/alluxio/multi-probe.js';
import { javaAbs, javaRem } from '../../../src/ring/alluxio/policy-base.js';

describe('alluxio-multi-probe', () => {
  const legacy = [{ id: 'worker-1' }, { id: 'worker-2' }];

  it('MULTI_PROBE: Java Math.abs keeps Integer.MIN_VALUE negative; replicas distinct', () => {
    expect(javaAbs(-2147483648)).toBe(-2147483648);
    expect(javaAbs(-5)).toBe(5);
    expect(javaRem(-7, 3)).toBe(-1);
    expect(new Set(new AlluxioMultiProbePlacement(legacy).locate('hdfs://a/b/c', 2)).size).toBe(2);
  });

  it('MULTI_PROBE: MultiProbeHashPolicyTest order for hdfs://a/b/c is worker 1, worker 2', () => {
    // Alluxio's getMultipleWorkers test: legacy ids 1 and 2, key hdfs://a/b/c, 2 workers, asserted in order.
    expect(new AlluxioMultiProbePlacement(legacy).locate('hdfs://a/b/c', 2)).toEqual(['worker-1', 'worker-2']);
  });
});
