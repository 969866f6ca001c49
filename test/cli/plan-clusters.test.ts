/** `plan` of a file with several AlluxioClusters, through the built CLI: text, --json, --html, --cluster, exit codes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';
import { renderPlansText } from '../../src/report/plan-clusters-text.js';
import { renderPlanText } from '../../src/report/plan-text.js';
import { parseManifests } from '../../src/plan/manifest.js';
import { buildPlan } from '../../src/plan/plan.js';

const EXAMPLE = 'examples/alluxio-clusters.yaml';
type Report = { cluster: { name: string; namespace: string | null }; verdict: { deployable: boolean; summary: string } };

describe('plan: several AlluxioClusters in one file', () => {
  it('text: each report one after another, then a summary line a cluster; exit 0 when every one deploys', () => {
    const r = builtCli(['plan', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^== AlluxioCluster \d of 2 ==$/gm)).toEqual(['== AlluxioCluster 1 of 2 ==', '== AlluxioCluster 2 of 2 ==']);
    expect(r.stdout.match(/^VERDICT: .*$/gm)).toEqual([
      'VERDICT: DEPLOYABLE: 2 workers, 180.00 GiB of cache, 1 warning',
      'VERDICT: DEPLOYABLE: 3 workers, 540.00 GiB of cache, 1 warning',
    ]);
    expect(
      r.stdout.endsWith(
        [
          '2 AlluxioClusters in examples/alluxio-clusters.yaml: 2 deployable, 0 will not deploy',
          '  training (namespace alx-ns): DEPLOYABLE: 2 workers, 180.00 GiB of cache, 1 warning',
          '  serving (namespace alx-ns): DEPLOYABLE: 3 workers, 540.00 GiB of cache, 1 warning',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
    expect(r.stdout).not.toMatch(/other documents: .*AlluxioCluster/);
  });

  it('--json: {"clusters": [report, …]}; one cluster alone is the report itself, as before', () => {
    const j = JSON.parse(builtCli(['plan', EXAMPLE, '--json']).stdout) as { clusters: Report[] };
    expect(Object.keys(j)).toEqual(['clusters']);
    expect(j.clusters.map((c) => [c.cluster.name, c.cluster.namespace, c.verdict.deployable])).toEqual([
      ['training', 'alx-ns', true],
      ['serving', 'alx-ns', true],
    ]);
    const one = JSON.parse(builtCli(['plan', EXAMPLE, '--cluster', 'serving', '--json']).stdout) as Report & { format: string };
    expect(one.format).toBe('ring-sim/plan');
    expect(one.cluster.name).toBe('serving');
  });

  it('the exit code is the worst: one cluster that will not deploy makes it 1; --cluster plans the other alone', () => {
    const broken = tempFile('two.yaml', readFileSync(EXAMPLE, 'utf8').replace('size: 180Gi', 'size: 180GB'));
    const r = builtCli(['plan', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}serving \(namespace alx-ns\): WILL NOT DEPLOY: 1 error/m);
    expect(builtCli(['plan', broken, '--cluster', 'training/alx-ns']).code).toBe(0);
    expect(builtCli(['plan', broken, '--cluster', 'serving']).code).toBe(1);
  });

  it('--cluster that names no cluster, or --workers for several, is bad input (exit 2, one line)', () => {
    const none = builtCli(['plan', EXAMPLE, '--cluster', 'nope']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'ring-sim: error: --cluster: no AlluxioCluster nope in examples/alluxio-clusters.yaml (got "nope"); name one of: training/alx-ns, serving/alx-ns\n',
    );
    expect(builtCli(['plan', EXAMPLE, '--cluster', 'serving/other']).code).toBe(2);
    const workers = builtCli(['plan', EXAMPLE, '--workers', 'examples/workers.txt']);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toMatch(/--workers: .*holds 2 AlluxioClusters.*pass --cluster NAME\[\/NAMESPACE\]/);
  });

  it('--html: one page with a section each', () => {
    const html = tempFile('p.html', '');
    expect(builtCli(['plan', EXAMPLE, '--html', html]).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<title>ring-sim plan: training, serving</title>');
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)![1]) as { plans: Report[] };
    expect(data.plans.map((p) => p.cluster.name)).toEqual(['training', 'serving']);
  });

  it('one cluster: the text is the single report, unchanged', () => {
    const [m] = parseManifests(readFileSync('examples/alluxio-cluster.yaml', 'utf8'), 'x.yaml');
    const r = buildPlan(m);
    expect(renderPlansText([r])).toBe(renderPlanText(r));
  });
});
