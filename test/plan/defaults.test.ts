import { describe, expect, it } from 'vitest';
import { defaultAssumption, manifestDefaults, RING_SIM_ASSUMPTION } from '../../src/plan/defaults.js';
import { ALLUXIO_API_VERSION, parseManifest } from '../../src/plan/manifest.js';

const manifest = (meta: string, spec: string) =>
  parseManifest(`apiVersion: ${ALLUXIO_API_VERSION}\nkind: AlluxioCluster\nmetadata:\n${meta}spec:\n${spec}`, 'm.yaml');

describe('manifestDefaults', () => {
  it('lists what the operator and kubectl fill in for a minimal manifest, with the source of each', () => {
    const d = manifestDefaults(manifest('  name: c\n', '  worker: {pagestore: {size: 1Gi}}\n'));
    const byField = new Map(d.map((x) => [x.field, x]));
    expect(byField.get('spec.etcd.replicaCount')).toEqual({ field: 'spec.etcd.replicaCount', value: '3', source: "guide D.2 (the operator's default)" });
    expect(byField.get('spec.etcd')?.value).toBe('required hostname anti-affinity, one etcd pod a node');
    expect(byField.get('metadata.namespace')?.value).toBe("kubectl's current namespace");
    expect(byField.get('spec.worker.pagestore.hostPath')).toEqual({
      field: 'spec.worker.pagestore.hostPath',
      value: 'hostPath /mnt/alluxio/pagestore',
      source: 'guide: before you begin, step 4',
    });
    expect(byField.get('spec.worker.count')).toEqual({ field: 'spec.worker.count', value: '1', source: RING_SIM_ASSUMPTION });
    expect(byField.get('spec.coordinator.log.hostPath')?.source).toMatch(/^guide E, GKE/);
  });

  it('lists nothing the manifest writes itself', () => {
    const spec =
      '  etcd: {replicaCount: 3, affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: []}}}\n  worker: {count: 2, pagestore: {size: 1Gi, hostPath: /data}}\n';
    const fields = manifestDefaults(manifest('  name: c\n  namespace: ns\n', spec)).map((x) => x.field);
    for (const f of ['spec.etcd.replicaCount', 'metadata.namespace', 'spec.worker.pagestore.hostPath', 'spec.worker.count']) expect(fields).not.toContain(f);
    expect(manifestDefaults(manifest('  name: c\n', spec)).find((x) => x.field === 'spec.etcd')).toMatchObject({
      value: "the manifest's own spec.etcd.affinity",
      source: 'the manifest',
    });
  });

  it('says nothing of etcd when the manifest turns it off', () => {
    const fields = manifestDefaults(manifest('  name: c\n', '  etcd: {enabled: false}\n  worker: {count: 1, pagestore: {size: 1Gi}}\n')).map((x) => x.field);
    expect(fields.filter((f) => f.startsWith('spec.etcd'))).toEqual([]);
  });

  it('reads each default as one sentence', () => {
    expect(defaultAssumption({ field: 'spec.worker.count', value: '1', source: 'x' })).toBe('spec.worker.count: 1, by default (x)');
  });
});
