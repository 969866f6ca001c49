import { describe, expect, it } from 'vitest';
import { AlluxioKetamaPlacement } from '../../../src/ring/alluxio/ketama.js';

describe('alluxio-ketama', () => {
  const legacy = [{ id: 'worker-1' }, { id: 'worker-2' }];

  it('KETAMA: KetamaHashPolicyTest order for hdfs://a/b/c is worker 1, worker 2', () => {
    expect(new AlluxioKetamaPlacement(legacy).locate('hdfs://a/b/c', 2)).toEqual(['worker-1', 'worker-2']);
  });

  it('KETAMA: 200 consecutive points a worker (one contiguous range each)', () => {
    const p = new AlluxioKetamaPlacement(legacy);
    expect(p.ringView()!.ring.length).toBe(400);
    const own = p.ownership()!.byWorker;
    expect(own[0] + own[1]).toBe(2 ** 32);
  });
});
