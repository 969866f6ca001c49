// The ufs section's two scenarios run through the built CLI under valgrind's callgrind: instructions executed
// (all threads, node's start-up included), which the other work on a shared machine does not move as it moves
// CPU time. Runs only when named (--only ufs-callgrind; minutes under valgrind) and valgrind is installed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { f, table } from '../lib/table.js';
import { SCENARIO_FILES } from './ufs.js';

export const name = 'ufs-callgrind';
const ROUNDS = 2;

export function runsIn({ quick, only }) {
  return !quick && only?.includes(name) === true && spawnSync('valgrind', ['--version']).status === 0;
}

/** The command a run is, as a user types it from the project root. */
const commandOf = (kind) => `valgrind --tool=callgrind node dist/cli/main.js simulate ${SCENARIO_FILES[kind]} --threads 1`;

/** Instructions (callgrind's "Collected") of one run. */
function instructions(kind, dir, round) {
  return new Promise((resolve, reject) => {
    const out = join(dir, `callgrind.${kind}.${round}.out`);
    const args = ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, 'dist/cli/main.js', 'simulate', SCENARIO_FILES[kind], '--threads', '1'];
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const m = /Collected : (\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`valgrind ${kind}: exit ${code}\n${err.slice(-2000)}`));
      else resolve(Number(m[1]));
    });
  });
}

export async function measure({ results }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ring-sim-callgrind-'));
  const before = os.loadavg();
  const t0 = performance.now();
  const runs = { without: [], with: [] };
  // Each round runs the two side by side: instruction counts do not depend on the load.
  for (let round = 0; round < ROUNDS; round++) {
    const [without, withUfs] = await Promise.all([instructions('without', dir, round), instructions('with', dir, round)]);
    runs.without.push(without);
    runs.with.push(withUfs);
  }
  results.sections[name] = {
    rounds: ROUNDS,
    runs,
    commands: { without: commandOf('without'), with: commandOf('with') },
    load: [before[0], os.loadavg()[0]],
    seconds: (performance.now() - t0) / 1000,
  };
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function render(r, { measuredBy }) {
  const u = r.sections[name];
  if (!u) return [];
  const avg = { without: mean(u.runs.without), with: mean(u.runs.with) };
  const least = { without: Math.min(...u.runs.without), with: Math.min(...u.runs.with) };
  const pct = (a, b) => ((a - b) / b) * 100;
  const overhead = pct(avg.with, avg.without);
  const spread = (xs) => pct(Math.max(...xs), Math.min(...xs));
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(2)} %`;
  return [
    ...measuredBy(name),
    '## simulate with and without `ufs:`, in instructions (issue 28)',
    '',
    `The same two scenarios as the section above (the ${f(1_000_000)}-read files as committed) through the built CLI under valgrind's callgrind, one thread holding the page stores: instructions executed by the whole process (every thread: node's start-up, the JIT and the garbage collector's helpers, the text report), ${u.rounds} run${u.rounds === 1 ? '' : 's'} of each, the two side by side. Callgrind counts instructions, not time, so the other work on the machine does not move them (load average (1 min) ${u.load.map((x) => x.toFixed(1)).join(' before, ')} after; ${f(u.seconds / 60, 1)} min under valgrind); what still moves them is V8's own timing (when it compiles and collects), ${u.runs.without.length > 1 ? `${spread(u.runs.without).toFixed(1)} % between the runs without and ${spread(u.runs.with).toFixed(1)} % between the runs with` : 'not measured with one run'}. Commands, from the project root after \`npm run build\`:`,
    '',
    '```',
    u.commands.without,
    u.commands.with,
    '```',
    '',
    ...table(['run', 'instructions (mean)', 'instructions (least)', 'each run'], 'lrrr', [
      ['without ufs:', f(avg.without), f(least.without), u.runs.without.map((x) => f(x)).join('; ')],
      ['with ufs:', f(avg.with), f(least.with), u.runs.with.map((x) => f(x)).join('; ')],
    ]),
    '',
    `**The model adds ${signed(overhead)} instructions** (means; least against least ${signed(pct(least.with, least.without))}), inside the run-to-run spread. Target (issue 28): under 5 %: ${overhead < 5 ? 'met' : 'not met'}.`,
    '',
  ];
}
