/** The ring checks (src/plan/checks/ring.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { ids, MINIMAL, persisted, plan } from '../guide-manifests.js';

describe('the ring (guide step 4)', () => {
  const hetero = persisted(MINIMAL).replace('  worker:\n    count: 1\n', '  workerGroups:\n  - name: small\n    count: 2\n').replace(/\n {2}etcd:/, '\n  - name: large\n    count: 2\n    useExternalId: false\n    systemInfo: {hostPath: /home/alluxio/system-info}\n    pagestore: {size: 360Gi, reservedSize: 36Gi}\n  etcd:');
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
