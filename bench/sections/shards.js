// simulate --shard I/N: N shards as N processes on one machine beside one run, then ring-sim merge (issue 31 item 5).
// Every shard generates and routes every read, so that cost is repeated N times: it is measured alone by a shard
// that holds no worker (shard W of W + 1, W the workers), so the limit on the speed-up is visible.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cliRun, scenarioFile } from '../lib/child.js';
import { f, table } from '../lib/table.js';

export const name = 'shards';

const WORKERS = 16;
const run = promisify(execFile);
const child = new URL('../cli-child.js', import.meta.url).pathname;

/** `ring-sim ARGS` in bench/cli-child.js, asynchronously (so N of them run side by side). */
async function cliRunAsync(args) {
  const { stdout } = await run(process.execPath, [child, ...args], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(stdout);
}

export async function measure({ results, quick }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ring-sim-shards-'));
  const reads = quick ? 60_000 : 2_400_000;
  try {
    const file = scenarioFile(dir, 'sharded', [
      'name: sharded',
      'seed: 5',
      'cluster:',
      `  workerGroups:`,
      `    - {name: worker, count: ${WORKERS}, pagestore: {size: 4Gi, pageSize: 1MB, policy: lru}}`,
      'placement: {algorithm: alluxio-consistent, vnodes: 2000}',
      `workload: {type: zipf, files: 100000, alpha: 0.9, fileSize: 4Mi, requests: ${reads}}`,
      'metrics: {window: 50000}',
    ]);
    const loadBefore = os.loadavg()[0];
    // A process's start alone (Node, ring-sim loaded, nothing run): in every row's CPU time, once a process.
    const start = cliRun(['--version']);
    const one = cliRun(['simulate', file, '--threads', '1', '--json', join(dir, 'one.json')]);
    const single = readFileSync(join(dir, 'one.json'), 'utf8');
    // Routing alone: shard WORKERS of WORKERS + 1 holds no page store but generates and routes every read.
    const routing = cliRun(['simulate', file, '--shard', `${WORKERS}/${WORKERS + 1}`, '--threads', '1', '--json', join(dir, 'routing.json')]);
    const rows = [];
    for (const n of [1, 2, 4]) {
      const load = os.loadavg()[0];
      const t0 = performance.now();
      const shards = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          cliRunAsync(['simulate', file, '--shard', `${i}/${n}`, '--threads', '1', '--json', join(dir, `part-${i}-of-${n}.json`)]),
        ),
      );
      const ms = performance.now() - t0;
      const parts = Array.from({ length: n }, (_, i) => join(dir, `part-${i}-of-${n}.json`));
      const merge = cliRun(['merge', ...parts, '--json', join(dir, `merged-${n}.json`)]);
      rows.push({
        shards: n,
        ms,
        cpuMs: shards.reduce((a, s) => a + s.cpuMs, 0),
        maxShardCpuMs: Math.max(...shards.map((s) => s.cpuMs)),
        maxRssBytes: Math.max(...shards.map((s) => s.maxRssBytes)),
        mergeMs: merge.ms,
        mergeCpuMs: merge.cpuMs,
        loadAverage: load,
        identical: readFileSync(join(dir, `merged-${n}.json`), 'utf8') === single,
      });
    }
    results.sections.shards = {
      reads,
      workers: WORKERS,
      loadAverage: [loadBefore, os.loadavg()[0]],
      start: { ms: start.ms, cpuMs: start.cpuMs },
      one: { ms: one.ms, cpuMs: one.cpuMs, maxRssBytes: one.maxRssBytes },
      routing: { ms: routing.ms, cpuMs: routing.cpuMs, maxRssBytes: routing.maxRssBytes },
      rows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function render(r, { measuredBy }) {
  const t = r.sections.shards;
  if (!t) return [];
  const share = t.routing.cpuMs / t.one.cpuMs;
  const rows = t.rows.map((x) => [
    x.shards,
    f(x.ms / 1000, 2),
    `${(t.one.ms / x.ms).toFixed(2)}x`,
    f(x.cpuMs / 1000, 2),
    f(x.maxShardCpuMs / 1000, 2),
    `${(t.one.cpuMs / x.maxShardCpuMs).toFixed(2)}x`,
    `${(1 / (share + (1 - share) / x.shards)).toFixed(2)}x`,
    f((x.shards * t.routing.cpuMs) / 1000, 2),
    f(x.mergeCpuMs / 1000, 2),
    `${f(x.maxRssBytes / 2 ** 20, 0)} MiB`,
    x.loadAverage.toFixed(1),
    x.identical ? 'yes' : 'NO',
  ]);
  return [
    ...measuredBy('shards'),
    '## simulate --shard I/N: N shards as N processes (issue 31)',
    '',
    `One run of ${f(t.reads)} reads (${t.workers} workers, 4 GiB LRU page stores, alluxio-consistent 2,000 vnodes, Zipf 0.9 over 100,000 files of 4 MiB), then the same scenario as N shards (\`simulate --shard I/N --threads 1\`), the N processes started together on this machine, then \`ring-sim merge\`. Each process is \`bench/cli-child.js\` (its own user+system CPU time and peak RSS). One run: ${f(t.one.ms / 1000, 2)} s wall, ${f(t.one.cpuMs / 1000, 2)} s CPU, ${f(t.one.maxRssBytes / 2 ** 20, 0)} MiB peak RSS. **Routing, repeated by every shard**: a shard that holds no page store (shard ${t.workers}/${t.workers + 1}) costs ${f(t.routing.cpuMs / 1000, 2)} s CPU, ${(share * 100).toFixed(0)} % of the one run's: however many shards, none finishes in less CPU time, so the speed-up of the slowest shard is bounded by 1 / (routing + rest / N) (the "bound" column). The machine was shared with other work (load average ${t.loadAverage.map((l) => l.toFixed(1)).join(' before, ')} after, ${r.cores} cores): the wall times and their speed-ups mean little there; the CPU times are the figures to read. Every process's CPU time includes its start${t.start ? ` (\`ring-sim --version\` in the same child: ${f(t.start.cpuMs / 1000, 2)} s CPU)` : ''}.`,
    '',
    ...table(
      [
        'shards',
        'wall s (all N)',
        'speed-up (wall)',
        'CPU s (sum of N)',
        'CPU s (slowest shard)',
        'speed-up (CPU, slowest shard)',
        'bound',
        'CPU s routing (N x)',
        'CPU s merge',
        'peak RSS a shard',
        'load',
        'merged = one run',
      ],
      'rrrrrrrrrrrl',
      rows,
    ),
    '',
  ];
}
