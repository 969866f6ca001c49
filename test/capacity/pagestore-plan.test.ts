import { describe, expect, it } from 'vitest';
import { planPageStore } from '../../src/capacity/pagestore-plan.js';

describe('planPageStore (reference capacity.md §7 worked example)', () => {
  it('OSS: a 90Gi page store holds floor(96,636,764,160 / 1.1) = 87,851,603,781 B = 83,781 pages of 1 MiB', () => {
    const p = planPageStore({ size: '90Gi', edition: 'oss', pageSize: '1MB' });
    expect(p.sizeBytes).toBe(96636764160n);
    expect(p.cacheBytes).toBe(87851603781n);
    expect(p.pages).toBe(83781n);
    expect(planPageStore({ size: '90Gi', edition: 'oss', pageSize: '4MB' }).pages).toBe(20945n);
  });

  it('Enterprise: 90Gi + 9Gi does not fit a 100 GiB ext4 disk for a non-root writer: error naming the crash', () => {
    const p = planPageStore({ size: '90Gi', reservedSize: '9Gi', disk: '100GB', provider: 'aws', fs: 'ext4' });
    expect(p.disk!.rawBytes).toBe(100n << 30n);
    const err = p.checks.find((c) => c.severity === 'error');
    expect(err?.field).toBe('--size');
    expect(err?.message).toMatch(/quota \(106300440576\) exceeds the total disk space/);
    expect(err?.fix).toMatch(/set size to at most 83Gi with reservedSize 8Gi/); // 90 % of 92.86 GiB, rounded down
    expect(p.headroomBytes! < 0n).toBe(true);
  });

  it('the same store fits XFS with about 0.9 GiB to spare', () => {
    const p = planPageStore({ size: '90Gi', reservedSize: '9Gi', disk: '100GB', provider: 'aws', fs: 'xfs' });
    expect(p.checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(Number(p.headroomBytes) / 2 ** 30).toBeCloseTo(0.906, 2);
  });

  it('flags 100G (decimal) and 512m (milli)', () => {
    const g = planPageStore({ size: '100G', reservedSize: '10Gi' });
    expect(g.checks.some((c) => c.severity === 'warning' && /100G is decimal/.test(c.message) && /write 100Gi/.test(c.fix))).toBe(true);
    expect(g.sizeBytes).toBe(100_000_000_000n);
    const m = planPageStore({ size: '512m', reservedSize: '1Gi' });
    expect(m.checks.some((c) => c.severity === 'error' && /milli/.test(c.message) && /512Mi/.test(c.fix))).toBe(true);
    expect(m.sizeBytes).toBe(1n);
  });

  it('flags a missing or out-of-proportion reservedSize, and one larger than size', () => {
    expect(planPageStore({ size: '100Gi' }).checks.some((c) => c.field === '--reserved' && /no reservedSize/.test(c.message))).toBe(true);
    expect(planPageStore({ size: '100Gi', reservedSize: '1Gi' }).checks.some((c) => /1\.0 % of size/.test(c.message))).toBe(true);
    expect(planPageStore({ size: '10Gi', reservedSize: '20Gi' }).checks.some((c) => c.severity === 'error' && /larger than size/.test(c.message))).toBe(true);
  });

  it('says when the page size does not divide the cache', () => {
    const p = planPageStore({ size: '1500Ki', reservedSize: '150Ki', pageSize: '1MB' });
    expect(p.pages).toBe(1n);
    expect(p.checks.some((c) => c.severity === 'info' && /does not divide/.test(c.message))).toBe(true);
  });

  it('fails a cache that holds no whole page (it would cache nothing)', () => {
    const p = planPageStore({ size: '1000Ki', reservedSize: '100Ki', pageSize: '1MB' });
    expect(p.pages).toBe(0n);
    expect(p.checks.some((c) => c.severity === 'error' && /holds no whole page/.test(c.message))).toBe(true);
    expect(planPageStore({ size: '1Gi', pageSize: '1PB' }).checks.some((c) => c.severity === 'error' && /holds no whole page/.test(c.message))).toBe(true);
  });

  it('reports Alluxio-style "100GB" as a value Kubernetes rejects', () => {
    const p = planPageStore({ size: '100GB', reservedSize: '10Gi' });
    expect(p.checks[0]).toMatchObject({ severity: 'error', field: '--size' });
    expect(p.checks[0].fix).toMatch(/100Gi/);
  });
});
