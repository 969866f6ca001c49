import { describe, expect, it } from 'vitest';
import { ALLUXIO_API_VERSION, parseManifest } from '../../src/plan/manifest.js';
import { expandWorkers, workerCapacity } from '../../src/plan/workers.js';

const manifest = (spec: string) => parseManifest(`apiVersion: ${ALLUXIO_API_VERSION}\nkind: AlluxioCluster\nmetadata: {name: c}\nspec:\n${spec}`, 'm.yaml');
const GiB = 2 ** 30;

describe('expandWorkers', () => {
  it('names one worker a pod: worker-<i> for one group, <group>-<i> for several', () => {
    expect(expandWorkers(manifest('  worker: {count: 2, pagestore: {size: 1Gi}}\n'), undefined).map((w) => [w.name, w.group, w.size, w.path])).toEqual([
      ['worker-0', 'worker', '1Gi', 'spec.worker'],
      ['worker-1', 'worker', '1Gi', 'spec.worker'],
    ]);
    const two = manifest(
      '  workerGroups:\n    - {name: a, count: 1, pagestore: {size: 1Gi}}\n    - {name: b, count: 2, pagestore: {size: 2Gi, reservedSize: 1Gi}}\n',
    );
    expect(expandWorkers(two, undefined).map((w) => [w.name, w.size, w.reserved])).toEqual([
      ['a-0', '1Gi', undefined],
      ['b-0', '2Gi', '1Gi'],
      ['b-1', '2Gi', '1Gi'],
    ]);
  });

  it("takes a --workers list instead, with the first group's reserved size", () => {
    const m = manifest('  worker: {count: 5, pagestore: {size: 10Gi, reservedSize: 1Gi}}\n');
    expect(expandWorkers(m, [{ name: 'x', size: '20Gi' }])).toEqual([
      { name: 'x', group: 'workers-file', size: '20Gi', reserved: '1Gi', path: '--workers', groupRef: m.groups[0] },
    ]);
    expect(expandWorkers(m, [])).toHaveLength(5);
  });
});

describe('workerCapacity', () => {
  it("plans each worker's page store, once for identical workers", () => {
    const m = manifest(
      '  workerGroups:\n    - {name: a, count: 3, pagestore: {size: 10Gi, reservedSize: 1Gi}}\n    - {name: b, count: 1, pagestore: {size: 20Gi}}\n',
    );
    const r = workerCapacity(expandWorkers(m, undefined), 1_048_576n, {}, 'enterprise');
    expect(r.workers.map((w) => [w.name, w.sizeBytes, w.reservedBytes, w.pageSizeBytes])).toEqual([
      ['a-0', 10 * GiB, GiB, 1_048_576],
      ['a-1', 10 * GiB, GiB, 1_048_576],
      ['a-2', 10 * GiB, GiB, 1_048_576],
      ['b-0', 20 * GiB, 2 * GiB, 1_048_576], // no reservedSize: the operator's default, 10 % of 20Gi
    ]);
    expect(r.workers[0].cacheBytes).toBeLessThanOrEqual(10 * GiB);
    expect(r.workers[0].pages).toBe(Math.floor(r.workers[0].cacheBytes / 1_048_576));
    expect(new Set(r.assumptions).size).toBe(r.assumptions.length);
  });

  it("takes the operator's default reservedSize, min(10 % of size, 100Gi), when the manifest gives none, as an assumption", () => {
    const m = manifest('  workerGroups:\n    - {name: s, count: 1, pagestore: {size: 90Gi}}\n    - {name: l, count: 1, pagestore: {size: 4Ti}}\n');
    const r = workerCapacity(expandWorkers(m, undefined), 1_048_576n, { disk: '5000GB', provider: 'aws' }, 'enterprise');
    expect(r.workers.map((w) => w.reservedBytes)).toEqual([9 * GiB, 100 * GiB]);
    expect(r.workers[1].headroomBytes).toBe(Number(r.workers[1].usableDiskBytes) - (4096 + 100) * GiB);
    expect(r.checks.some((c) => c.field.endsWith('reservedSize'))).toBe(false); // no advice on a field the operator fills
    expect(r.assumptions.filter((a) => a.startsWith('reservedSize not set'))).toEqual([
      expect.stringContaining("9.00 GiB, the operator's default when reservedSize is absent, min(10 % of size, 100Gi)"),
      expect.stringContaining("100.00 GiB, the operator's default"),
    ]);
    const oss = workerCapacity(expandWorkers(m, undefined), 1_048_576n, {}, 'oss');
    expect(oss.workers.map((w) => w.reservedBytes)).toEqual([0, 0]);
  });

  it('checks the page store against --disk, once for a group, naming the manifest field', () => {
    const m = manifest('  worker: {count: 4, pagestore: {size: 500Gi}}\n');
    const r = workerCapacity(expandWorkers(m, undefined), 1_048_576n, { disk: '100GB', provider: 'aws', fs: 'ext4' }, 'enterprise');
    const errors = r.checks.filter((c) => c.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((c) => c.field.startsWith('spec.worker.pagestore') || c.field === '--disk')).toBe(true);
    expect(new Set(r.checks.map((c) => `${c.field}|${c.message}`)).size).toBe(r.checks.length);
    expect(r.workers[0].usableDiskBytes).not.toBeNull();
    expect(r.workers[0].headroomBytes).toBeLessThan(0);
  });
});
