/** The platform checks (src/plan/checks/platform.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { readOnlyOnGke } from '../../../src/plan/checks/platform.js';
import { GKE, ids, MINIMAL, plan } from '../guide-manifests.js';

describe('GKE hostPaths (guide E)', () => {
  it('every /mnt/alluxio hostPath the guide lists is an error on GKE, each with its field and the guide fix', () => {
    const r = plan(MINIMAL, { platform: 'gke' });
    const fields = r.checks.filter((c) => c.id === 'gke-hostpath').map((c) => c.field);
    expect(fields.sort()).toEqual([
      'spec.coordinator.log.hostPath',
      'spec.coordinator.metastore.hostPath',
      'spec.fuse.hostPathForMigration',
      'spec.fuse.log.hostPath',
      'spec.gateway.log.hostPath',
      'spec.prometheus.persistence.hostPath',
      'spec.worker.log.hostPath',
      'spec.worker.metastore.hostPath',
      'spec.worker.pagestore.hostPath',
    ]);
    expect(r.checks.find((c) => c.field === 'spec.worker.pagestore.hostPath')!.fix).toMatch(/\/home\/alluxio\/pagestore/);
    expect(ids(plan(MINIMAL))).not.toContain('gke-hostpath'); // not on GKE
    expect(ids(plan(GKE, { provider: 'gcp' }))).not.toContain('gke-hostpath');
  });
  it('a systemInfo.hostPath under /mnt is flagged on GKE too; a GKE node-pool selector means GKE', () => {
    const r = plan(GKE.replace('hostPath: /home/alluxio/system-info', 'hostPath: /mnt/alluxio/system-info'), { provider: 'gcp' });
    expect(r.checks.filter((c) => c.id === 'gke-hostpath').map((c) => c.field)).toEqual(['spec.worker.systemInfo.hostPath']);
    const pool = MINIMAL.replace('    count: 1\n', '    count: 1\n    nodeSelector:\n      cloud.google.com/gke-nodepool: cache\n');
    expect(ids(plan(pool), 'error')).toContain('gke-hostpath');
  });
});

describe('nodes and page-store types', () => {
  it('more workers than nodes is a warning naming the count field', () => {
    const c = plan(MINIMAL.replace('count: 1', 'count: 4'), { nodes: 2 }).checks.find((x) => x.id === 'worker-nodes')!;
    expect(c).toMatchObject({ severity: 'warning', field: 'spec.worker.count', fix: 'add nodes or lower the worker count to 2' });
    expect(ids(plan(MINIMAL.replace('count: 1', 'count: 2'), { nodes: 2 }))).not.toContain('worker-nodes');
  });

  it('an emptyDir page store is a warning', () => {
    expect(ids(plan(MINIMAL.replace('size: 90Gi', 'size: 90Gi\n      type: emptyDir')), 'warning')).toContain('pagestore-emptydir');
  });

  it('GKE mounts /mnt read-only, except the local SSDs under /mnt/disks', () => {
    expect(['/mnt', '/mnt/alluxio', '/mnt/x/y'].map(readOnlyOnGke)).toEqual([true, true, true]);
    expect(['/mnt/disks/ssd0', '/home/alluxio', '/mntx', '/'].map(readOnlyOnGke)).toEqual([false, false, false, false]);
  });
});
