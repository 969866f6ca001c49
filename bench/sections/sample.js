// simulate --sample: SHARDS sampling against the full run on a Zipf workload over 2,000,000 files (full run only).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { cliRun, scenarioFile } from '../lib/child.js';
import { f, table } from '../lib/table.js';

export const name = 'sample';
export const fullRunOnly = true;

export async function measure({ results }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ring-sim-sample-'));
  try {
    const rows = [];
    for (const seed of [11, 12, 13]) {
      const file = scenarioFile(dir, `z${seed}`, [
        'name: zipf over 2 M files',
        `seed: ${seed}`,
        'cluster:',
        '  workerGroups:',
        '    - {name: worker, count: 20, pagestore: {size: 16Gi, pageSize: 1MB, policy: lru}}',
        'placement: {algorithm: alluxio-consistent, vnodes: 200}',
        'workload: {type: zipf, files: 2000000, alpha: 0.9, fileSize: 1Mi, requests: 6000000}',
        'metrics: {window: 1000000}',
      ]);
      const run = (extra) => {
        const out = join(dir, 'r.json');
        const r = cliRun(['simulate', file, '--threads', '1', '--json', out, ...extra]);
        return { cpuMs: r.cpuMs, hitRatio: JSON.parse(readFileSync(out, 'utf8')).totals.hitRatio };
      };
      const full = run([]);
      const sampled = run(['--sample', '0.05']);
      rows.push({ seed, full, sampled, errorPoints: Math.abs(sampled.hitRatio - full.hitRatio) * 100 });
    }
    results.sections.sample = { rate: 0.05, files: 2_000_000, reads: 6_000_000, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function render(r, { measuredBy }) {
  const s = r.sections.sample;
  if (!s) return [];
  const pct = (x) => `${(x * 100).toFixed(2)} %`;
  return [
    ...measuredBy('sample'),
    '## simulate --sample (issue 16)',
    '',
    `SHARDS spatial sampling at ${s.rate} against the full run: Zipf 0.9 over ${f(s.files)} files of 1 MiB, ${f(s.reads)} reads, 20 workers with 16 GiB LRU page stores, one thread; hit ratio (pages), SHARDS_adj for the sample.`,
    '',
    ...table(
      ['seed', 'full hit ratio', 'sampled hit ratio', 'error (points)', 'full CPU s', 'sampled CPU s'],
      'rrrrrr',
      s.rows.map((x) => [
        x.seed,
        pct(x.full.hitRatio),
        pct(x.sampled.hitRatio),
        x.errorPoints.toFixed(2),
        f(x.full.cpuMs / 1000, 1),
        f(x.sampled.cpuMs / 1000, 1),
      ]),
    ),
    '',
    'Target (issue 16): within 1 point of the full run.',
    '',
  ];
}
