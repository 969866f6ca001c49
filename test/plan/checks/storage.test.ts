/** The StorageClass checks (src/plan/checks/storage.ts, guide D.1 and E: Amazon EKS) through the plan. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EBS_CSI_VERIFY } from '../../../src/plan/checks/storage.js';
import { parseManifests } from '../../../src/plan/manifest.js';
import { buildPlan } from '../../../src/plan/plan.js';
import { GKE, ids, MINIMAL, plan } from '../guide-manifests.js';
import { builtCli, tempFile } from '../../cli/helpers.js';

const STORAGE = ['storage-class-missing', 'eks-ebs-csi'];
const storage = (r: ReturnType<typeof plan>) => r.checks.filter((c) => STORAGE.includes(c.id ?? '')).map((c) => `${c.id} ${c.field}`);
const etcdPersistence = (fields: string): string => MINIMAL.replace('    replicaCount: 3\n', `    replicaCount: 3\n    persistence:\n${fields}`);
const pvcPageStore = (fields = ''): string => MINIMAL.replace('      size: 90Gi\n', `      size: 90Gi\n      type: persistentVolumeClaim\n${fields}`);

describe('StorageClass on any platform (guide D.1)', () => {
  it('spec.etcd.persistence written without storageClass: the D.1 warning; with one, nothing', () => {
    const r = plan(etcdPersistence('      size: 10Gi\n'));
    const c = r.checks.find((x) => x.id === 'storage-class-missing')!;
    expect(c).toMatchObject({ severity: 'warning', field: 'spec.etcd.persistence.storageClass', source: 'guide D.1' });
    expect(c.message).toBe(
      'the etcd PVCs name no storageClass, so they are bound through the cluster\'s default StorageClass: unless the cluster has a default StorageClass they are never bound ("pod has unbound immediate PersistentVolumeClaims") and the etcd pods stay Pending',
    );
    expect(c.fix).toBe('set spec.etcd.persistence.storageClass to a StorageClass the cluster has (kubectl get storageclass), as guide D.1 does');
    expect(storage(plan(etcdPersistence('      storageClass: fast\n      size: 10Gi\n')))).toEqual([]);
    expect(storage(plan(etcdPersistence('      enabled: false\n')))).toEqual([]);
  });
  it('a persistentVolumeClaim page store without storageClass asks for "standard", the operator\'s default', () => {
    const c = plan(pvcPageStore()).checks.find((x) => x.id === 'storage-class-missing')!;
    expect(c).toMatchObject({ severity: 'warning', field: 'spec.worker.pagestore.storageClass' });
    expect(c.message).toMatch(
      /^the page-store PVCs name no storageClass, so they ask for the class "standard" \(the operator's default\): unless the cluster has a StorageClass named "standard" they are never bound/,
    );
    expect(c.source).toMatch(/defaults to "standard"/);
    expect(storage(plan(pvcPageStore('      storageClass: gp3\n')))).toEqual([]); // the fix converges
    expect(storage(plan(pvcPageStore('      storageClass: ""\n')))).toEqual([]); // static binding, chosen
  });
  it("the guide's manifests and the examples raise no D.1 warning off EKS: the default etcd PVCs are an assumption", () => {
    for (const text of [MINIMAL, GKE]) expect(storage(plan(text))).toEqual([]);
    for (const dir of ['examples/', 'examples/day2/']) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
        for (const m of parseManifests(readFileSync(dir + f, 'utf8'), f)) expect(storage(buildPlan(m))).toEqual([]);
      }
    }
    expect(plan(MINIMAL).defaults).toContainEqual({
      field: 'spec.etcd.persistence',
      value: "a PVC for each etcd pod, of the cluster's default StorageClass",
      source: "guide D.1; the operator's etcd chart persists by default",
    });
    expect(plan(etcdPersistence('      storageClass: fast\n')).defaults.map((d) => d.field)).not.toContain('spec.etcd.persistence');
  });
});

describe('EKS: the AWS EBS CSI driver (guide E)', () => {
  it("--platform eks, or --provider aws with no platform: etcd PVCs without storageClass warn with the guide's verify command", () => {
    for (const o of [{ platform: 'eks' as const }, { provider: 'aws' as const }]) {
      const r = plan(MINIMAL, o);
      expect(storage(r)).toEqual(['eks-ebs-csi spec.etcd.persistence.storageClass']);
      const c = r.checks.find((x) => x.id === 'eks-ebs-csi')!;
      expect(c).toMatchObject({ severity: 'warning', source: 'guide E (Amazon EKS), D.1' });
      expect(c.message).toMatch(/EKS 1\.23\+ EBS volumes need the AWS EBS CSI driver add-on: without it the PVCs stay Pending with no clear error/);
      expect(c.fix).toContain(EBS_CSI_VERIFY);
      expect(c.fix).toContain('kubectl get pods -n kube-system -l app.kubernetes.io/name=aws-ebs-csi-driver --no-headers | head -1');
    }
    expect(plan(MINIMAL, { provider: 'aws' }).assumptions).toContain(
      'EKS: --provider aws and no --platform (guide E, Amazon EKS: the EBS CSI driver check is run)',
    );
  });
  it('on EKS a PVC page store without storageClass warns too (one check a field, not also D.1); a storageClass on each clears it', () => {
    const r = plan(pvcPageStore(), { platform: 'eks' });
    expect(storage(r)).toEqual(['eks-ebs-csi spec.etcd.persistence.storageClass', 'eks-ebs-csi spec.worker.pagestore.storageClass']);
    expect(r.checks.find((x) => x.field === 'spec.worker.pagestore.storageClass')!.message).toMatch(
      /ask for the class "standard" \(the operator's default\), which EKS does not create/,
    );
    const classed = pvcPageStore('      storageClass: gp3\n').replace(
      '    replicaCount: 3\n',
      '    replicaCount: 3\n    persistence:\n      storageClass: gp3\n',
    );
    expect(storage(plan(classed, { platform: 'eks' }))).toEqual([]);
  });
  it('not on other platforms: GKE, AKS, other, or --provider aws with --platform given; nor without etcd PVCs', () => {
    for (const o of [
      { platform: 'gke' as const },
      { platform: 'aks' as const },
      { platform: 'other' as const },
      { provider: 'aws' as const, platform: 'other' as const },
      { provider: 'gcp' as const },
    ]) {
      expect(ids(plan(MINIMAL, o))).not.toContain('eks-ebs-csi');
    }
    expect(
      storage(plan(MINIMAL.replace('    replicaCount: 3\n', '    replicaCount: 3\n    persistence:\n      enabled: false\n'), { platform: 'eks' })),
    ).toEqual([]);
    const external = MINIMAL.replace('  etcd:\n    replicaCount: 3\n', '  etcd:\n    enabled: false\n').replace(
      '    alluxio.license: LICENSE-STRING\n',
      '    alluxio.license: LICENSE-STRING\n    alluxio.etcd.endpoints: http://etcd:2379\n',
    );
    expect(storage(plan(external, { platform: 'eks' }))).toEqual([]);
  });
  it('through the built CLI', () => {
    const file = tempFile('m.yaml', pvcPageStore());
    const eks = builtCli(['plan', file, '--platform', 'eks']);
    expect(eks.code).toBe(0);
    expect(eks.stdout).toMatch(/WARNING spec\.worker\.pagestore\.storageClass: on EKS the page-store PVCs/);
    expect(eks.stdout).toContain(EBS_CSI_VERIFY);
    const json = JSON.parse(builtCli(['plan', file, '--json']).stdout) as { checks: Array<{ id: string; field: string }> };
    expect(json.checks.filter((c) => STORAGE.includes(c.id)).map((c) => `${c.id} ${c.field}`)).toEqual([
      'storage-class-missing spec.worker.pagestore.storageClass',
    ]);
  });
});
