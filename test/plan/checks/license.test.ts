/** The license checks (src/plan/checks/license.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { bundle, ids, LICENSE, MINIMAL, plan } from '../guide-manifests.js';

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
