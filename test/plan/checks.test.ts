/** Each check of the plan against a manifest written from the guide that triggers it and one that does not. */
import { describe, expect, it } from 'vitest';
import { GKE, LICENSE, MINIMAL, UFS, ids, plan } from './guide-manifests.js';

const bundle = (...docs: string[]): string => docs.join('---\n');
const persisted = (text: string): string => text.replace('    count: 1\n', '    count: 1\n    useExternalId: false\n    systemInfo:\n      hostPath: /home/alluxio/system-info\n');

describe("the guide's correct manifests plan as deployable, with no false alarm", () => {
  it('step 4 minimal manifest (count 1): deployable; the only warning is identity persistence', () => {
    const r = plan(MINIMAL);
    expect(r.verdict.deployable).toBe(true);
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual(['identity-not-persisted']);
    expect(r.workers.length).toBe(1);
  });
  it('with identities persisted, on 3 nodes and a 120 GB AWS disk: no error, no warning', () => {
    const r = plan(persisted(MINIMAL), { nodes: 3, disk: '120GB', provider: 'aws' });
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual([]);
  });
  it('appendix E GKE manifest on GKE: no error, no warning', () => {
    const r = plan(GKE, { platform: 'gke', nodes: 3 });
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual([]);
  });
  it('a bundle with UnderFileSystem and License (C.2, no alluxio.license): no error, no warning', () => {
    const r = plan(bundle(persisted(MINIMAL).replace('  properties:\n    alluxio.license: LICENSE-STRING\n', ''), UFS, LICENSE), { nodes: 3 });
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual([]);
    expect(r.cluster.otherDocuments.map((d) => d.kind)).toEqual(['UnderFileSystem', 'License']);
  });
});

describe('etcd (guide D.2, B.3)', () => {
  it('replicaCount omitted is 3 (the operator default) with required hostname anti-affinity: 2 nodes leave a pod Pending', () => {
    const r = plan(MINIMAL.replace('  etcd:\n    replicaCount: 3\n', ''), { nodes: 2 });
    const c = r.checks.find((x) => x.id === 'etcd-anti-affinity')!;
    expect(c).toMatchObject({ severity: 'error', field: 'spec.etcd.replicaCount', source: 'guide D.2' });
    expect(c.message).toMatch(/3 etcd replicas \(the operator's default\).*1 etcd pod stays/);
    expect(c.fix).toMatch(/replicaCount: 1/);
    expect(r.defaults).toContainEqual({ field: 'spec.etcd.replicaCount', value: '3', source: "guide D.2 (the operator's default)" });
    expect(r.assumptions.some((a) => /spec\.etcd\.replicaCount: 3.*guide D\.2/.test(a))).toBe(true);
  });
  it('3 nodes: no anti-affinity error; replicaCount 1: the no-quorum warning', () => {
    expect(ids(plan(MINIMAL, { nodes: 3 }))).not.toContain('etcd-anti-affinity');
    expect(ids(plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 1'), { nodes: 1 }), 'warning')).toContain('etcd-quorum');
    expect(ids(plan(MINIMAL))).not.toContain('etcd-quorum');
  });
  it('etcd.enabled: false needs alluxio.etcd.endpoints (B.3)', () => {
    const off = MINIMAL.replace('  etcd:\n    replicaCount: 3\n', '  etcd:\n    enabled: false\n');
    expect(ids(plan(off), 'error')).toContain('etcd-external-endpoints');
    const withEndpoints = off.replace('    alluxio.license: LICENSE-STRING\n', '    alluxio.license: LICENSE-STRING\n    alluxio.etcd.endpoints: http://external-etcd:2379\n');
    expect(ids(plan(withEndpoints))).toEqual(expect.not.arrayContaining(['etcd-external-endpoints', 'etcd-anti-affinity']));
  });
});

describe('licenses (guide C)', () => {
  const noProperty = MINIMAL.replace('  properties:\n    alluxio.license: LICENSE-STRING\n', '');
  it('no alluxio.license and no License: a warning, pods stay in Init', () => {
    const c = plan(noProperty).checks.find((x) => x.id === 'license-missing')!;
    expect(c.severity).toBe('warning');
    expect(c.message).toMatch(/Init/);
    expect(ids(plan(MINIMAL))).not.toContain('license-missing');
    expect(ids(plan(noProperty, { edition: 'oss' }))).not.toContain('license-missing');
  });
  it("a License whose clusters don't match name and namespace exactly is an error (C.2)", () => {
    const wrongNs = plan(bundle(noProperty, LICENSE.replace('    namespace: alx-ns\n  licenseString', '    namespace: default\n  licenseString')));
    expect(wrongNs.checks.find((c) => c.id === 'license-cluster-mismatch')).toMatchObject({ severity: 'error', source: 'guide C.2' });
    const wrongName = plan(bundle(noProperty, LICENSE.replace('  - name: alluxio-cluster', '  - name: other')));
    expect(ids(wrongName, 'error')).toContain('license-cluster-mismatch');
    expect(ids(wrongName, 'warning')).toContain('license-other-clusters');
    expect(ids(plan(bundle(noProperty, LICENSE)))).toEqual(expect.not.arrayContaining(['license-cluster-mismatch', 'license-missing', 'license-other-clusters']));
  });
});

describe('GKE hostPaths and identity persistence (guide E)', () => {
  it('every /mnt/alluxio hostPath the guide lists is an error on GKE, each with its field and the guide fix', () => {
    const r = plan(MINIMAL, { platform: 'gke' });
    const fields = r.checks.filter((c) => c.id === 'gke-hostpath').map((c) => c.field);
    expect(fields.sort()).toEqual([
      'spec.coordinator.log.hostPath', 'spec.coordinator.metastore.hostPath', 'spec.fuse.hostPathForMigration', 'spec.fuse.log.hostPath',
      'spec.gateway.log.hostPath', 'spec.prometheus.persistence.hostPath', 'spec.worker.log.hostPath', 'spec.worker.metastore.hostPath', 'spec.worker.pagestore.hostPath',
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
  it("identity: the guide's fix is useExternalId: false plus systemInfo.hostPath", () => {
    const c = plan(MINIMAL).checks.find((x) => x.id === 'identity-not-persisted')!;
    expect(c.fix).toMatch(/useExternalId: false.*systemInfo\.hostPath/);
    expect(c.fix).not.toMatch(/useExternalId: true/);
    expect(ids(plan(persisted(MINIMAL)))).not.toContain('identity-not-persisted');
    expect(plan(persisted(MINIMAL)).whatIf.find((w) => w.name === 'restart one worker')!.moved).toBe(0);
    expect(ids(plan(MINIMAL.replace('    count: 1\n', '    count: 1\n    useExternalId: true\n')), 'warning')).toContain('identity-external-id');
  });
});

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

describe('placeholders and Alluxio property values', () => {
  it('<PRIVATE_REGISTRY>, <YOUR_LICENSE> and <S3_BUCKET> left in are errors at their fields', () => {
    const r = plan(bundle(MINIMAL.replace('registry.example.com', '<PRIVATE_REGISTRY>').replace('LICENSE-STRING', '<YOUR_LICENSE>'), UFS.replace('my-bucket', '<S3_BUCKET>')));
    const found = r.checks.filter((c) => c.id === 'placeholder').map((c) => c.field);
    expect(found).toEqual(['spec.image', 'spec.properties.alluxio.license', 'UnderFileSystem alluxio-s3: spec.path']);
    expect(ids(plan(MINIMAL))).not.toContain('placeholder');
  });
  it('"flase", CAPACTY and an unknown policy are errors naming the allowed values; unknown properties are kept', () => {
    const props = (extra: string) => MINIMAL.replace('    alluxio.license: LICENSE-STRING\n', `    alluxio.license: LICENSE-STRING\n${extra}`);
    const bad = plan(props('    alluxio.user.dynamic.consistent.hash.ring.enabled: "flase"\n    alluxio.user.worker.selection.policy.consistent.hash.provider.impl: CAPACTY\n    alluxio.user.worker.selection.policy: CONSISTANT\n'));
    const msgs = bad.checks.filter((c) => c.id === 'property-invalid');
    expect(msgs.map((c) => c.field)).toEqual([
      'spec.properties.alluxio.user.dynamic.consistent.hash.ring.enabled',
      'spec.properties.alluxio.user.worker.selection.policy.consistent.hash.provider.impl',
      'spec.properties.alluxio.user.worker.selection.policy',
    ]);
    expect(msgs[0].message).toMatch(/true or false/);
    expect(msgs[1].message).toMatch(/DEFAULT, CAPACITY/);
    expect(msgs[2].message).toMatch(/CONSISTENT, JUMP/);
    const fine = plan(props('    alluxio.user.dynamic.consistent.hash.ring.enabled: "FALSE"\n    alluxio.some.future.property: anything\n'));
    expect(ids(fine)).not.toContain('property-invalid');
    expect(fine.ring.mode).toBe('static');
  });
});

describe('the ring (guide step 4)', () => {
  const hetero = persisted(MINIMAL).replace('  worker:\n    count: 1\n', '  workerGroups:\n  - name: small\n    count: 2\n').replace(/\n  etcd:/, '\n  - name: large\n    count: 2\n    useExternalId: false\n    systemInfo: {hostPath: /home/alluxio/system-info}\n    pagestore: {size: 360Gi, reservedSize: 36Gi}\n  etcd:');
  it('heterogeneous workers on DEFAULT: set CAPACITY (model), never "set the virtual nodes to 2000" when they are 2000', () => {
    const r = plan(hetero);
    expect(r.workers.map((w) => w.sizeBytes / 2 ** 30)).toEqual([90, 90, 360, 360]);
    const c = r.checks.find((x) => x.id === 'heterogeneous-default-provider')!;
    expect(c.fix).toMatch(/CAPACITY/);
    expect(c.fix).toMatch(/model/);
    expect(r.checks.every((x) => !/to 2000/.test(x.fix))).toBe(true);
    const cap = hetero.replace('    alluxio.license: LICENSE-STRING\n', '    alluxio.license: LICENSE-STRING\n    alluxio.user.worker.selection.policy.consistent.hash.provider.impl: CAPACITY\n');
    expect(ids(plan(cap))).not.toContain('heterogeneous-default-provider');
  });
  it('the ring-change check quotes the exact fraction of the virtual-node what-if', () => {
    const r = plan(MINIMAL.replace('count: 1', 'count: 4'));
    const w = r.whatIf.find((x) => x.name.startsWith('virtual nodes'))!;
    const c = r.checks.find((x) => x.id === 'ring-change-destructive')!;
    expect(c.message).toContain(`moves ${(w.moved * 100).toFixed(2)} % of the keys`);
    expect(c.message).not.toMatch(/remap all/);
  });
});
