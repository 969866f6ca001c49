/**
 * `useExternalId` not written, true, or false, through the built CLI (issue 23 item 5): its default is not
 * established, so a manifest that does not write it is never silently read as "identity persisted". The text,
 * `--json` (`assumptions`, the check) and the HTML page's report name `spec.worker.useExternalId`, and the
 * restart what-if follows the assumed value: a new identity unless `useExternalId: false` is written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';

interface Report {
  checks: Array<{ id?: string; severity: string; field: string; message: string; fix: string }>;
  assumptions: string[];
  whatIf: Array<{ name: string; moved: number; samePod: number; description: string }>;
}

const manifest = (line: string): string =>
  tempFile(
    `use-external-id-${line.replace(/\W+/g, '-') || 'unset'}.yaml`,
    [
      'apiVersion: k8s-operator.alluxio.com/v1',
      'kind: AlluxioCluster',
      'metadata: {name: ids, namespace: alx-ns}',
      'spec:',
      '  properties: {alluxio.license: LICENSE-STRING}',
      '  worker:',
      '    count: 4',
      ...(line ? [`    ${line}`] : []),
      '    systemInfo: {hostPath: /home/alluxio/system-info}',
      '    pagestore: {size: 100Gi, reservedSize: 10Gi}',
      '',
    ].join('\n'),
  );

const json = (path: string): Report => JSON.parse(builtCli(['plan', path, '--json']).stdout) as Report;
const restart = (r: Report) => r.whatIf.find((w) => w.name === 'restart one worker')!;
const UNSET = /^spec\.worker\.useExternalId not set: identities are not counted as persisted.*\(assumed: /;

describe('plan: useExternalId not set, true, false (built CLI)', () => {
  it('not set: a warning on spec.worker.useExternalId, the assumption in text, JSON and the page, and a restart with a new identity', () => {
    const path = manifest('');
    const r = json(path);
    expect(r.checks.filter((c) => c.field === 'spec.worker.useExternalId').map((c) => [c.id, c.severity])).toEqual([['identity-external-id-unset', 'warning']]);
    expect(r.assumptions.filter((a) => UNSET.test(a))).toHaveLength(1);
    expect(restart(r).description).toMatch(/^identity not persisted \(useExternalId not set: assumed not persisted\): worker-0 returns as a new identity/);
    expect(restart(r).moved + restart(r).samePod).toBeGreaterThan(0);
    const text = builtCli(['plan', path]).stdout;
    expect(text).toContain('WARNING spec.worker.useExternalId');
    expect(text).toMatch(/ {2}- spec\.worker\.useExternalId not set: identities are not counted as persisted/);
    const html = tempFile('use-external-id.html', '');
    expect(builtCli(['plan', path, '--html', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)![1]) as { plan: Report };
    expect(data.plan.assumptions).toEqual(r.assumptions);
    expect(data.plan.checks.map((c) => c.id)).toContain('identity-external-id-unset');
  });

  it('true: the identity-external-id warning, no assumption, a restart with a new identity', () => {
    const r = json(manifest('useExternalId: true'));
    expect(r.checks.filter((c) => c.field === 'spec.worker.useExternalId').map((c) => c.id)).toEqual(['identity-external-id']);
    expect(r.assumptions.some((a) => a.includes('useExternalId'))).toBe(false);
    expect(restart(r).description).toMatch(/^identity not persisted \(useExternalId: true\): /);
    expect(restart(r).moved + restart(r).samePod).toBeGreaterThan(0);
  });

  it("false (the guide's way, E): nothing on the field, no assumption, the restart moves nothing", () => {
    const r = json(manifest('useExternalId: false'));
    expect(r.checks.filter((c) => /useExternalId|systemInfo/.test(c.field))).toEqual([]);
    expect(r.assumptions.some((a) => a.includes('useExternalId'))).toBe(false);
    expect(restart(r)).toMatchObject({ moved: 0, samePod: 0 });
    expect(restart(r).description).toBe(
      'identity persisted (useExternalId: false, systemInfo hostPath /home/alluxio/system-info): the worker comes back with the same identity, nothing moves',
    );
  });

  it("each warning's fix, applied, converges on useExternalId: false", () => {
    for (const line of ['', 'useExternalId: true']) {
      const fix = json(manifest(line)).checks.find((c) => c.field === 'spec.worker.useExternalId')!.fix;
      expect(fix).toMatch(/^set spec\.worker\.useExternalId: false/);
    }
  });
});
