/**
 * Invalid values of known Alluxio properties, through the built CLI: a finding that would fail the deployment
 * (exit 1) with the allowed values named, never a silent default and never bad input (exit 2). The guide's
 * one-worker manifest plans (its -1 worker what-if is listed as not applicable).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-props-'));

function manifest(name: string, property: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      'apiVersion: k8s-operator.alluxio.com/v1',
      'kind: AlluxioCluster',
      'metadata:',
      '  name: alluxio',
      'spec:',
      '  image: alluxio/alluxio-enterprise',
      '  imageTag: AI-3.7-13.0.0',
      '  properties:',
      `    ${property}`,
      '  worker:',
      '    count: 2',
      '    pagestore:',
      '      size: 100Gi',
      '      reservedSize: 10Gi',
      '',
    ].join('\n'),
  );
  return path;
}

describe('plan: values of known Alluxio properties (built CLI)', () => {
  it('a boolean written "flase" is an error, exit 1', () => {
    const r = builtCli(['plan', manifest('flase.yaml', 'alluxio.user.dynamic.consistent.hash.ring.enabled: "flase"')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR\s+spec\.properties\.alluxio\.user\.dynamic\.consistent\.hash\.ring\.enabled: "flase" is invalid/);
    expect(r.stdout).toMatch(/true or false/);
  });

  it('provider CAPACTY is an error naming the allowed providers, exit 1', () => {
    const r = builtCli(['plan', manifest('capacty.yaml', 'alluxio.user.worker.selection.policy.consistent.hash.provider.impl: CAPACTY')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/"CAPACTY" is not one of the values Alluxio accepts: .*CAPACITY/);
  });

  it('an unknown property is kept, not rejected', () => {
    const r = builtCli(['plan', manifest('unknown.yaml', 'alluxio.some.future.property: "42"'), '--json']);
    expect(r.code).toBe(0);
    const checks = (JSON.parse(r.stdout) as { checks: Array<{ severity: string; field: string }> }).checks;
    expect(checks.filter((c) => c.severity === 'error')).toEqual([]);
  });

  it("the guide's one-worker manifest plans, with -1 worker not applicable", () => {
    const r = builtCli(['plan', 'examples/alluxio-cluster.yaml', '--json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { workers: unknown[]; whatIf: Array<{ name: string; applicable?: boolean; reason?: string }> };
    expect(report.workers).toHaveLength(1);
    const minus = report.whatIf.find((w) => w.name === '-1 worker');
    expect(minus?.applicable).toBe(false);
    expect(minus?.reason).toMatch(/one worker/);
  });
});
