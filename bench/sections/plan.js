// plan: 1,000 workers with 2,000 virtual nodes each, end to end in a fresh process (the CLI), and (full run)
// 10,000 workers with 2,000 each (20,000,000 ring points) in the same run, to show plan's cost grows linearly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { cliRun } from '../lib/child.js';
import { medianBy } from '../lib/stats.js';
import { f, table } from '../lib/table.js';

export const name = 'plan';

const manifestLines = (workers) => [
  'apiVersion: k8s-operator.alluxio.com/v1',
  'kind: AlluxioCluster',
  'metadata: {name: big}',
  'spec:',
  '  properties:',
  '    alluxio.user.worker.selection.policy.consistent.hash.virtual.node.count.per.worker: "2000"',
  '  worker:',
  `    count: ${workers}`,
  '    pagestore: {size: 1Ti, reservedSize: 100Gi}',
];

export async function measure({ quick, results }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ring-sim-plan-'));
  const rows = [];
  try {
    for (const workers of quick ? [100] : [1000, 10000]) {
      const manifest = join(dir, `big-${workers}.yaml`);
      writeFileSync(manifest, manifestLines(workers).join('\n'));
      const runs = [];
      for (let i = 0; i < (quick ? 1 : workers >= 10000 ? 1 : 3); i++)
        runs.push(cliRun(['plan', manifest, '--dataset', '800TiB', '--html', join(dir, 'big.html')]));
      const mid = medianBy(runs, (x) => x.ms);
      rows.push({ workers, vnodes: 2000, points: workers * 2000, ms: mid.ms, cpuMs: mid.cpuMs, maxRssBytes: mid.maxRssBytes, runs: runs.length });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.sections.plan = { rows };
}

export function render(r, { measuredBy }) {
  if (!r.sections.plan) return [];
  const rows = r.sections.plan.rows;
  const lines = [
    ...measuredBy('plan'),
    '',
    '## plan (issues 6 and 16)',
    '',
    "`ring-sim plan` on a manifest of N workers with 2,000 virtual nodes each, `--dataset 800TiB --html`, in a fresh process (`bench/cli-child.js`: the CLI in-process; the time excludes Node's start-up, CPU time is user + system of the whole process, peak RSS its own VmHWM). It builds the ring, the seeded identity draws (fewer as the ring grows), the what-if rings with exact movement (linear in ring points: pieces grouped by worker, top flows by a bounded heap), and the HTML page.",
    '',
    ...table(
      ['workers', 'ring points', 'wall s', 'CPU s', 'peak RSS', 'runs (median)'],
      'rrrrrr',
      rows.map((x) => [f(x.workers), f(x.points), f(x.ms / 1000, 1), f(x.cpuMs / 1000, 1), `${f(x.maxRssBytes / 2 ** 20, 0)} MiB`, x.runs]),
    ),
  ];
  if (rows.length > 1)
    lines.push(
      '',
      `10,000 workers cost ${(rows[1].ms / rows[0].ms).toFixed(1)}× the wall time (${(rows[1].cpuMs / rows[0].cpuMs).toFixed(1)}× the CPU time) of 1,000 workers in this run, for 10× the ring points and the same what-ifs (target, issue 16: at most about 12×, within 2 GiB).`,
    );
  lines.push('');
  return lines;
}
