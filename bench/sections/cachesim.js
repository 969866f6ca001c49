// cachesim: LRU throughput on cloudPhysicsIO in one process; peak memory against trace length (child processes).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { cacheSim } from '../../dist/index.js';
import { fileTraceSource } from '../../dist/cli/trace-file.js';
import { generateOracleTrace } from '../gen-trace.js';
import { childJson } from '../lib/child.js';
import { median } from '../lib/stats.js';
import { f, table } from '../lib/table.js';

export const name = 'cachesim';

async function throughput(quick) {
  const trace = fileTraceSource(new URL('../../../shared/traces/cloudPhysicsIO.oracleGeneral.bin', import.meta.url).pathname);
  const runs = [];
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => k * 128 * 2 ** 20);
  if (!quick) await cacheSim({ trace, format: 'oracleGeneral', policies: ['lru'], sizes: [sizes[1]] }); // warm-up
  for (const [label, policies, ss] of [
    ['LRU, one size (256 MiB)', ['lru'], [sizes[1]]],
    ['LRU, 8 sizes (128 MiB … 1 GiB) in one pass', ['lru'], sizes],
    ['LRU+FIFO+LFU+SIEVE, 8 sizes each', ['lru', 'fifo', 'lfu', 'sieve'], sizes],
  ]) {
    const times = [];
    let requests = 0;
    for (let i = 0; i < (quick ? 1 : 15); i++) {
      const t0 = performance.now();
      const r = await cacheSim({ trace, format: 'oracleGeneral', policies, sizes: ss });
      times.push(performance.now() - t0);
      requests = r.requests * r.results.length;
    }
    const ms = median(times);
    runs.push({ name: label, cacheRequests: requests, ms, perSecond: (requests / ms) * 1000 });
  }
  return runs;
}

async function memory(quick) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ring-sim-bench-'));
  const rows = [];
  try {
    for (const n of quick ? [50_000, 150_000] : [1_000_000, 10_000_000]) {
      const path = join(dir, `synthetic-${n}.oracleGeneral.bin`);
      await generateOracleTrace(path, n);
      const r = childJson('cachesim-child.js', [path, 'oracleGeneral', 'lru', String(2 ** 30)]);
      rows.push({ requests: r.requests, traceBytes: n * 24, maxRssBytes: r.maxRssBytes, ms: r.ms });
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function measure({ quick, results }) {
  results.sections.cachesim = await throughput(quick);
  results.sections.cachesimMemory = await memory(quick);
}

export function render(r, { measuredBy }) {
  if (!r.sections.cachesim) return [];
  return [
    ...measuredBy('cachesim'),
    '## cachesim (issue 4)',
    '',
    '`cacheSim` on `../shared/traces/cloudPhysicsIO.oracleGeneral.bin` (113,872 requests), read from disk and replayed in one process; the median of several runs. "cache requests" counts each request once per simulated cache.',
    '',
    ...table(
      ['run', 'cache requests', 'ms', 'cache requests / s'],
      'lrrr',
      r.sections.cachesim.map((x) => [x.name, f(x.cacheRequests), f(x.ms, 1), f(x.perSecond)]),
    ),
    '',
    'Target (issue 4): at least 5,000,000 requests per second in one process.',
    '',
    "Peak memory of `cachesim` (LRU, 1 GiB) in a fresh process on generated oracleGeneral traces (Zipf 0.9 over 1,000,000 objects of 4–64 KiB): the trace streams, so memory depends on the cache, not on the trace length. Peak RSS is the child's own high-water mark (VmHWM in /proc/self/status; see bench/peak-rss.js).",
    '',
    ...table(
      ['requests', 'trace file', 'peak RSS', 'time'],
      'rrrr',
      r.sections.cachesimMemory.map((x) => [
        f(x.requests),
        `${f(x.traceBytes / 2 ** 20, 0)} MiB`,
        `${f(x.maxRssBytes / 2 ** 20, 0)} MiB`,
        `${f(x.ms / 1000, 1)} s`,
      ]),
    ),
    '',
  ];
}
