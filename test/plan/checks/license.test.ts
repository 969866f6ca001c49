/** The license checks (src/plan/checks/license.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/plan/manifest.js';
import { buildPlan } from '../../../src/plan/plan.js';
import { bundle, ids, LICENSE, MINIMAL, plan, UFS } from '../guide-manifests.js';

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
    expect(ids(plan(bundle(noProperty, LICENSE)))).toEqual(
      expect.not.arrayContaining(['license-cluster-mismatch', 'license-missing', 'license-other-clusters']),
    );
  });
  it('a License in the same file as the cluster it lists: a warning with the apply order (C.2); none when the cluster was read back running', () => {
    const c = plan(bundle(noProperty, LICENSE)).checks.find((x) => x.id === 'license-apply-order')!;
    expect(c).toMatchObject({ severity: 'warning', field: 'License alluxio-license: spec.clusters', source: 'guide C.2' });
    expect(c.fix).toMatch(/1\) the AlluxioCluster .* 2\) .*kubectl create -f alluxio-license\.yaml/);
    expect(ids(plan(noProperty))).not.toContain('license-apply-order');
    expect(ids(plan(bundle(noProperty, LICENSE.replace('  - name: alluxio-cluster', '  - name: other'))))).not.toContain('license-apply-order');
    expect(ids(plan(noProperty + 'status:\n  clusterPhase: Ready\n---\n' + LICENSE))).not.toContain('license-apply-order');
  });
  it('alluxio.license and a License listing the same cluster: a warning to remove one (C.1, C.2)', () => {
    const c = plan(bundle(MINIMAL, LICENSE)).checks.find((x) => x.id === 'license-duplicate')!;
    expect(c).toMatchObject({ severity: 'warning', field: 'spec.properties.alluxio.license', source: 'guide C.1, C.2' });
    expect(c.fix).toMatch(/remove alluxio\.license .* or drop License alluxio-license/);
    expect(ids(plan(bundle(noProperty, LICENSE)))).not.toContain('license-duplicate');
    expect(ids(plan(MINIMAL))).not.toContain('license-duplicate');
  });
  it("a clusters entry no AlluxioCluster in the file matches: named, with C.2's exact-match rule", () => {
    const extra = LICENSE.replace('  licenseString', '  - name: analytics\n    namespace: alx-ns\n  licenseString');
    const c = plan(bundle(noProperty, extra)).checks.find((x) => x.id === 'license-other-clusters')!;
    expect(c.message).toMatch(/^also lists analytics\/alx-ns, which no AlluxioCluster in this file is/);
    expect(ids(plan(bundle(noProperty, LICENSE)))).not.toContain('license-other-clusters');
  });
  it('a placeholder license string is an error; the <UPPER_CASE> ones stay the placeholder check; a real string is not', () => {
    for (const p of ['YOUR_DEPLOYMENT_LICENSE', '<your license>', 'xxxx', 'changeme', 'REPLACE_ME']) {
      const r = plan(bundle(noProperty, LICENSE.replace('DEPLOYMENT-LICENSE', JSON.stringify(p))));
      expect(r.checks.filter((x) => x.id === 'license-placeholder').map((x) => [x.severity, x.field])).toEqual([
        ['error', 'License alluxio-license: spec.licenseString'],
      ]);
    }
    const inline = plan(MINIMAL.replace('LICENSE-STRING', 'YOUR_CLUSTER_LICENSE'));
    expect(inline.checks.find((x) => x.id === 'license-placeholder')).toMatchObject({ field: 'spec.properties.alluxio.license', source: 'guide C.1' });
    const angle = plan(bundle(noProperty, LICENSE.replace('DEPLOYMENT-LICENSE', '<YOUR_DEPLOYMENT_LICENSE>')));
    expect(ids(angle)).toContain('placeholder');
    expect(ids(angle)).not.toContain('license-placeholder');
    expect(ids(plan(bundle(noProperty, LICENSE)))).not.toContain('license-placeholder');
    expect(ids(plan(MINIMAL))).not.toContain('license-placeholder');
  });
});

describe('a License over several AlluxioClusters of one file (C.2)', () => {
  const noProperty = MINIMAL.replace('  properties:\n    alluxio.license: LICENSE-STRING\n', '');
  const second = noProperty.replace('  name: alluxio-cluster\n', '  name: serving\n');
  const plans = (text: string) => parseManifests(text, 'm.yaml').map((m) => buildPlan(m));
  const licenseIds = (r: ReturnType<typeof buildPlan>) => r.checks.filter((c) => c.id?.startsWith('license')).map((c) => c.id);
  it('a License listing both: each cluster is covered, neither is "another cluster", each gets the apply order', () => {
    const both = LICENSE.replace('  licenseString', '  - name: serving\n    namespace: alx-ns\n  licenseString');
    for (const r of plans(bundle(noProperty, second, both))) expect(licenseIds(r)).toEqual(['license-apply-order']);
  });
  it('a License listing one of them: the other, without alluxio.license, is not covered (an error naming what the License lists)', () => {
    const [a, b] = plans(bundle(noProperty, second, LICENSE));
    expect(licenseIds(a)).toEqual(['license-apply-order']);
    const c = b.checks.find((x) => x.id === 'license-cluster-mismatch')!;
    expect(c).toMatchObject({ severity: 'error', field: 'License alluxio-license: spec.clusters' });
    expect(c.message).toBe(
      'no License in the file lists the AlluxioCluster serving (namespace alx-ns) (License alluxio-license lists alluxio-cluster/alx-ns) and it has no alluxio.license: its pods stay in Init',
    );
    // With its own cluster license (C.1) it needs none.
    const [, licensed] = plans(bundle(noProperty, MINIMAL.replace('  name: alluxio-cluster\n', '  name: serving\n'), LICENSE));
    expect(licenseIds(licensed)).toEqual([]);
  });
  it('one License for each: both covered; a listed cluster that is in no document is still "another cluster"', () => {
    const forServing = LICENSE.replace('  name: alluxio-license\n', '  name: serving-license\n').replace('  - name: alluxio-cluster\n', '  - name: serving\n');
    for (const r of plans(bundle(noProperty, second, LICENSE, forServing))) expect(licenseIds(r)).toEqual(['license-apply-order']);
    const elsewhere = LICENSE.replace('  licenseString', '  - name: elsewhere\n    namespace: alx-ns\n  licenseString');
    const [a] = plans(bundle(noProperty, second, elsewhere));
    expect(a.checks.find((x) => x.id === 'license-other-clusters')!.message).toMatch(/^also lists elsewhere\/alx-ns, which no AlluxioCluster in this file is/);
  });
  it("an UnderFileSystem of the other cluster is that cluster's", () => {
    const ufsForServing = UFS.replace('alluxioCluster: alluxio-cluster', 'alluxioCluster: serving');
    const [a, b] = plans(bundle(MINIMAL, MINIMAL.replace('  name: alluxio-cluster\n', '  name: serving\n'), ufsForServing));
    expect(ids(a)).not.toContain('ufs-cluster');
    expect(ids(b)).not.toContain('ufs-cluster');
  });
});
