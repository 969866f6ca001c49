/**
 * spec.worker beside spec.workerGroups through the built CLI (issue 23 item 4): spec.worker is the template, each
 * group wins field by field; a field a group cannot set is an error naming it, never silently dropped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-groups-'));

function manifest(name: string, worker: string, groups: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `apiVersion: k8s-operator.alluxio.com/v1
kind: AlluxioCluster
metadata:
  name: mixed
  namespace: alx-ns
spec:
  properties:
    alluxio.license: LICENSE-STRING
    alluxio.user.worker.selection.policy.consistent.hash.provider.impl: CAPACITY
  worker:
${worker}
  workerGroups:
${groups}
`,
  );
  return path;
}

interface Report {
  checks: Array<{ id?: string; severity: string; field: string; message: string; fix: string }>;
  workers: Array<{ name: string; sizeBytes: number; reservedBytes: number }>;
}
const json = (path: string): { code: number; report: Report } => {
  const r = builtCli(['plan', path, '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
};

const TEMPLATE = `    useExternalId: false
    systemInfo:
      hostPath: /home/alluxio/system-info
    pagestore:
      type: persistentVolumeClaim
      storageClass: gp3
      size: 100Gi
      reservedSize: 10Gi`;

describe('plan: spec.worker is the template of spec.workerGroups (built CLI)', () => {
  it('each group inherits what it does not set, and wins where it does; nothing is flagged', () => {
    const { code, report } = json(
      manifest(
        'ok.yaml',
        TEMPLATE,
        `    - worker:
        count: 2
    - worker:
        count: 1
        pagestore:
          size: 200Gi
          reservedSize: 20Gi`,
      ),
    );
    expect(code).toBe(0);
    const GiB = 2 ** 30;
    expect(report.workers.map((w) => [w.sizeBytes / GiB, w.reservedBytes / GiB])).toEqual([
      [100, 10],
      [100, 10],
      [200, 20],
    ]);
    expect(report.checks.filter((c) => c.id?.startsWith('worker-group'))).toEqual([]);
  });

  it('a group setting pagestore.type is an error naming the field, the value it gets and the fix; applied, the fix converges', () => {
    const bad = json(
      manifest(
        'type.yaml',
        TEMPLATE,
        `    - worker:
        count: 2
        pagestore:
          type: hostPath
          size: 50Gi
          reservedSize: 5Gi`,
      ),
    );
    expect(bad.code).toBe(1);
    const c = bad.report.checks.find((x) => x.id === 'worker-group-field')!;
    expect(c).toMatchObject({ severity: 'error', field: 'spec.workerGroups[0].worker.pagestore.type' });
    expect(c.message).toContain('"persistentVolumeClaim"');
    expect(c.fix).toBe('remove pagestore.type from the group and set spec.worker.pagestore.type (one value for every group)');
    const fixed = json(
      manifest(
        'type-fixed.yaml',
        TEMPLATE,
        `    - worker:
        count: 2
        pagestore:
          size: 50Gi
          reservedSize: 5Gi`,
      ),
    );
    expect(fixed.code).toBe(0);
    expect(fixed.report.checks.filter((x) => x.id?.startsWith('worker-group') && x.severity !== 'info')).toEqual([]);
  });

  it("an empty value in a group does not replace spec.worker's: a warning says which value applies", () => {
    const { report } = json(
      manifest(
        'empty.yaml',
        TEMPLATE,
        `    - worker:
        count: 2
        pagestore:
          storageClass: ""`,
      ),
    );
    const c = report.checks.find((x) => x.id === 'worker-group-empty-value')!;
    expect(c).toMatchObject({ severity: 'warning', field: 'spec.workerGroups[0].worker.pagestore.storageClass' });
    expect(c.message).toContain('"gp3"');
  });

  it("group fields at the group's top level are planned and flagged with the move", () => {
    const { report } = json(
      manifest(
        'flat.yaml',
        TEMPLATE,
        `    - name: small
      count: 2
      useExternalId: false`,
      ),
    );
    const c = report.checks.find((x) => x.id === 'worker-group-shape')!;
    expect(c.severity).toBe('warning');
    expect(c.fix).toBe('move count under spec.workerGroups[0].worker and useExternalId to spec.worker (a group cannot set it)');
    expect(report.workers.length).toBe(2);
  });
});
