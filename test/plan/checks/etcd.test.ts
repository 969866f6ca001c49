/** The etcd checks (src/plan/checks/etcd.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { ids, MINIMAL, plan } from '../guide-manifests.js';

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

describe('etcd replica counts and external endpoints', () => {
  it('an even count is an info naming the next odd count; endpoints beside the operator\'s own etcd are a warning', () => {
    const four = plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 4'), { nodes: 4 });
    expect(four.checks.find((c) => c.id === 'etcd-even')).toMatchObject({ severity: 'info', field: 'spec.etcd.replicaCount', message: '4 etcd replicas tolerate no more failures than 3', fix: 'use an odd count such as 5' });
    const both = plan(MINIMAL.replace('    alluxio.license: LICENSE-STRING\n', '    alluxio.license: LICENSE-STRING\n    alluxio.etcd.endpoints: http://e:2379\n'));
    expect(both.checks.find((c) => c.id === 'etcd-endpoints-ignored')).toMatchObject({ severity: 'warning', field: 'spec.properties.alluxio.etcd.endpoints' });
  });

  it('on 4 nodes a 5-replica etcd leaves one pod Pending and suggests the largest odd count that fits', () => {
    const c = plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 5'), { nodes: 4 }).checks.find((x) => x.id === 'etcd-anti-affinity')!;
    expect(c.message).toBe('5 etcd replicas with the operator\'s required hostname anti-affinity need 5 nodes; --nodes 4, so 1 etcd pod stays Pending ("didn\'t match pod anti-affinity rules")');
    expect(c.fix).toBe('add nodes or set replicaCount: 3');
  });
});
