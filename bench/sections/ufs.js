// simulate with and without a `ufs:` block (issue 28): the same run, so the difference is the model's own cost.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { median } from '../lib/stats.js';
import { f, table } from '../lib/table.js';

export const name = 'ufs';

/** The scenario files (bench/scenarios/ufs-with.json, ufs-without.json: the same but for the ufs: block). */
export const SCENARIO_FILES = { without: 'bench/scenarios/ufs-without.json', with: 'bench/scenarios/ufs-with.json' };

/** The scenario, with the ufs: block or without, cut to `reads` (the event half-way). */
function scenario(reads, withUfs) {
  const s = JSON.parse(readFileSync(new URL(`../../${SCENARIO_FILES[withUfs ? 'with' : 'without']}`, import.meta.url), 'utf8'));
  return { ...s, workload: { ...s.workload, requests: reads }, events: s.events.map((e) => ({ ...e, at: reads / 2 })) };
}

export async function measure({ quick, results }) {
  const reads = quick ? 100_000 : 1_000_000;
  const rounds = quick ? 1 : 11;
  const child = new URL('../ufs-child.js', import.meta.url).pathname;
  const before = os.loadavg();
  const out = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', child, JSON.stringify(scenario(reads, false)), JSON.stringify(scenario(reads, true)), String(rounds)], {
      encoding: 'utf8',
    }),
  );
  const { ufs, ...withRest } = out.totals.with;
  const { ufs: _none, ...withoutRest } = out.totals.without;
  const summary = (kind) => {
    const runs = out.runs[kind];
    return { ms: median(runs.map((x) => x.ms)), cpuMs: median(runs.map((x) => x.cpuMs)), minCpuMs: Math.min(...runs.map((x) => x.cpuMs)), runs };
  };
  results.sections.ufs = {
    reads,
    rounds,
    sameCounts: JSON.stringify(withRest) === JSON.stringify(withoutRest),
    without: summary('without'),
    with: summary('with'),
    ufs,
    load: [before[0], os.loadavg()[0]],
  };
}

/** The median over rounds of (with − without) ÷ without: each round's pair ran back to back, under the same load. */
function pairedOverhead(u, key) {
  const ratios = u.with.runs.map((x, i) => (x[key] - u.without.runs[i][key]) / u.without.runs[i][key]);
  return median(ratios) * 100;
}

export function render(r, { measuredBy }) {
  const u = r.sections.ufs;
  if (!u) return [];
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`;
  const row = (label, x) => [label, f(x.ms / 1000, 2), f(x.cpuMs / 1000, 2), f(x.minCpuMs / 1000, 2)];
  const cpu = pairedOverhead(u, 'cpuMs');
  return [
    ...measuredBy('ufs'),
    '## simulate with and without `ufs:` (issue 28)',
    '',
    `The same \`simulate()\` run with and without a \`ufs:\` block (preset s3-standard, bandwidth 10Gbps, pricePerGiB 0.01, requestLatency 100ms; the scenarios are ${SCENARIO_FILES.with} and ${SCENARIO_FILES.without}), in one fresh process (bench/ufs-child.js): ${f(u.reads)} reads, Zipf 0.9 over 200,000 files of 4 MiB, 100 workers with 1 GiB LRU page stores, alluxio-consistent 2,000 virtual nodes, 2 workers added half-way, windows of 50,000 reads. One warm-up run of each, then ${u.rounds} round${u.rounds === 1 ? '' : 's'} of both back to back, the first of each pair alternating. Hits, misses and bytes equal with and without: **${u.sameCounts ? 'yes' : 'no'}**. With the block the run served ${f(u.ufs.requests)} GETs, ${f(u.ufs.seconds, 1)} s and ${u.ufs.costUSD.toFixed(4)} USD of under-storage (model). Load average (1 min) ${u.load.map((x) => x.toFixed(1)).join(' before, ')} after, on 2 shared cores: the other work moves every figure, so the one to read is the paired one (each round's two runs under the same load).`,
    '',
    ...table(['run', 'wall s (median)', 'CPU s (median)', 'CPU s (least)'], 'lrrr', [row('without ufs:', u.without), row('with ufs:', u.with)]),
    '',
    `**The model adds ${signed(cpu)} CPU time** (the median over rounds of (with − without) ÷ without; wall time ${signed(pairedOverhead(u, 'ms'))}). Per-round CPU ms (without; with): ${u.without.runs.map((x) => Math.round(x.cpuMs)).join(', ')}; ${u.with.runs.map((x) => Math.round(x.cpuMs)).join(', ')}.`,
    '',
    `Target (issue 28): under 5 %: ${cpu < 5 ? 'met' : 'not met'}. The model adds nothing a read: its seconds and cost are a few operations a window and once for the run (\`src/core/ufs-cost.ts\`).`,
    '',
  ];
}
