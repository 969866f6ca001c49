/** The etcd checks (src/plan/checks/etcd.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { tolerated } from '../../../src/plan/checks/etcd.js';
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
    const withEndpoints = off.replace(
      '    alluxio.license: LICENSE-STRING\n',
      '    alluxio.license: LICENSE-STRING\n    alluxio.etcd.endpoints: http://external-etcd:2379\n',
    );
    expect(ids(plan(withEndpoints))).toEqual(expect.not.arrayContaining(['etcd-external-endpoints', 'etcd-anti-affinity']));
  });
});

describe('etcd replica counts and external endpoints', () => {
  it("an even count is an info naming the next odd count; endpoints beside the operator's own etcd are a warning", () => {
    const four = plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 4'), { nodes: 4 });
    expect(four.checks.find((c) => c.id === 'etcd-even')).toMatchObject({
      severity: 'info',
      field: 'spec.etcd.replicaCount',
      message: '4 etcd replicas tolerate 1 failure (a quorum is 3 of 4), no more than 3 replicas',
      fix: 'use replicaCount: 3 (the same tolerance, one pod fewer)',
    });
    const fourOnSix = plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 4'), { nodes: 6 });
    expect(fourOnSix.checks.find((c) => c.id === 'etcd-even')?.fix).toBe('use replicaCount: 3 (the same tolerance, one pod fewer) or 5 (tolerates 2)');
    const both = plan(
      MINIMAL.replace('    alluxio.license: LICENSE-STRING\n', '    alluxio.license: LICENSE-STRING\n    alluxio.etcd.endpoints: http://e:2379\n'),
    );
    expect(both.checks.find((c) => c.id === 'etcd-endpoints-ignored')).toMatchObject({ severity: 'warning', field: 'spec.properties.alluxio.etcd.endpoints' });
  });

  it('two replicas tolerate no failure, like one: a warning whose fix is 3', () => {
    const two = plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 2'), { nodes: 3 }).checks.find((c) => c.id === 'etcd-even')!;
    expect(two).toMatchObject({
      severity: 'warning',
      message: '2 etcd replicas tolerate no failure (a quorum is 2 of 2), no more than 1 replica: membership stops when either etcd pod restarts',
    });
    expect(two.fix).toMatch(/^use replicaCount: 3 /);
    const fixed = plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 3'), { nodes: 3 }).checks.filter((c) => c.field === 'spec.etcd.replicaCount');
    expect(fixed).toEqual([]);
  });

  it('the tolerance sentence is computed from the quorum: n − (⌊n/2⌋ + 1)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(tolerated)).toEqual([0, 0, 1, 1, 2, 2, 3]);
    for (const n of [4, 6, 8, 10]) {
      const c = plan(MINIMAL.replace('replicaCount: 3', `replicaCount: ${n}`), { nodes: n + 1 }).checks.find((x) => x.id === 'etcd-even')!;
      expect(c.message).toContain(`tolerate ${tolerated(n)} failure`);
      // Applying either count the fix names raises nothing on the field.
      for (const m of [...c.fix.matchAll(/(?:replicaCount: |or )(\d+)/g)].map((x) => Number(x[1]))) {
        expect(
          plan(MINIMAL.replace('replicaCount: 3', `replicaCount: ${m}`), { nodes: n + 1 }).checks.filter(
            (x) => x.field === 'spec.etcd.replicaCount' && x.severity !== 'info',
          ),
        ).toEqual([]);
      }
    }
  });

  it('on 4 nodes a 5-replica etcd leaves one pod Pending and suggests the largest odd count that fits', () => {
    const c = plan(MINIMAL.replace('replicaCount: 3', 'replicaCount: 5'), { nodes: 4 }).checks.find((x) => x.id === 'etcd-anti-affinity')!;
    expect(c.message).toBe(
      '5 etcd replicas with the operator\'s required hostname anti-affinity need 5 nodes; --nodes 4, so 1 etcd pod stays Pending ("didn\'t match pod anti-affinity rules")',
    );
    expect(c.fix).toBe('add nodes or set replicaCount: 3');
  });
});

describe('an external etcd over TLS (guide B.3)', () => {
  const off = MINIMAL.replace('  etcd:\n    replicaCount: 3\n', '  etcd:\n    enabled: false\n');
  const external = (props: string) => off.replace('    alluxio.license: LICENSE-STRING\n', `    alluxio.license: LICENSE-STRING\n${props}`);
  const TLS_IDS = ['etcd-tls-missing', 'etcd-tls-http', 'etcd-endpoints-mixed-schemes', 'etcd-endpoint-port-missing', 'property-invalid'];
  it('https:// endpoints without alluxio.etcd.tls.enabled: an error naming the property to add; with it, nothing', () => {
    const r = plan(external('    alluxio.etcd.endpoints: https://etcd-0:2379,https://etcd-1:2379\n'));
    expect(r.checks.find((c) => c.id === 'etcd-tls-missing')).toMatchObject({
      severity: 'error',
      field: 'spec.properties.alluxio.etcd.tls.enabled',
      fix: 'add alluxio.etcd.tls.enabled: "true" under spec.properties',
      source: 'guide B.3',
    });
    expect(ids(plan(external('    alluxio.etcd.endpoints: https://etcd-0:2379\n    alluxio.etcd.tls.enabled: "false"\n')), 'error')).toContain(
      'etcd-tls-missing',
    );
    const fixed = plan(external('    alluxio.etcd.endpoints: https://etcd-0:2379,https://etcd-1:2379\n    alluxio.etcd.tls.enabled: "true"\n'));
    expect(ids(fixed)).toEqual(expect.not.arrayContaining(TLS_IDS));
    // the guide's B.3 manifest as written (http://, no TLS) raises none of them
    expect(ids(plan(external('    alluxio.etcd.endpoints: http://external-etcd:2379\n')))).toEqual(expect.not.arrayContaining(TLS_IDS));
  });
  it('tls.enabled with http:// endpoints: a warning; mixed schemes and a missing port: one check each', () => {
    const overHttp = plan(external('    alluxio.etcd.endpoints: http://etcd-0:2379\n    alluxio.etcd.tls.enabled: "true"\n'));
    expect(overHttp.checks.filter((c) => TLS_IDS.includes(c.id!)).map((c) => [c.id, c.severity])).toEqual([['etcd-tls-http', 'warning']]);
    const mixed = plan(external('    alluxio.etcd.endpoints: http://etcd-0:2379, https://etcd-1:2379\n    alluxio.etcd.tls.enabled: "true"\n'));
    const m = mixed.checks.filter((c) => TLS_IDS.includes(c.id!));
    expect(m.map((c) => c.id)).toEqual(['etcd-endpoints-mixed-schemes']);
    expect(m[0].message).toMatch(/so http:\/\/etcd-0:2379 is unreachable/);
    const portless = plan(external('    alluxio.etcd.endpoints: https://etcd-0/,https://etcd-1:2379\n    alluxio.etcd.tls.enabled: "true"\n'));
    const p = portless.checks.filter((c) => TLS_IDS.includes(c.id!));
    expect(p.map((c) => [c.id, c.severity])).toEqual([['etcd-endpoint-port-missing', 'warning']]);
    expect(p[0]).toMatchObject({ field: 'spec.properties.alluxio.etcd.endpoints', fix: 'write the client port, e.g. https://etcd-0:2379' });
    expect(p[0].message).toMatch(/^https:\/\/etcd-0\/ names no port/);
  });
  it('an entry that is not a URL: property-invalid naming it, and no TLS check on top', () => {
    const r = plan(external('    alluxio.etcd.endpoints: etcd-0:2379,https://etcd-1:2379\n    alluxio.etcd.tls.enabled: "true"\n'));
    const c = r.checks.filter((x) => TLS_IDS.includes(x.id!));
    expect(c.map((x) => [x.id, x.severity])).toEqual([['property-invalid', 'error']]);
    expect(c[0].message).toMatch(/"etcd-0:2379" is not http:\/\/ or https:\/\/host\[:port\]/);
  });
});
