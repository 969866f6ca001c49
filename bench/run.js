#!/usr/bin/env node
// ring-sim benchmark suite (tinybench).
//   npm run bench            full run (several minutes); writes bench/RESULTS.md and bench/results.json
//   npm run bench:quick      a smoke test, not figures to quote: every section but threads, sample and libcachesim,
//                            on less data (fewer keys, shorter lookup rounds, one build or run per row, smaller
//                            simulate, cachesim and plan sizes); about 12 CPU-seconds, 15-25 s on the 2-core
//                            machine with other work running; writes the git-ignored bench/out/; builds first
//                            only when dist/ is older than the sources (bench/build-if-stale.js)
//   node --expose-gc bench/run.js [--quick] [--only plan,simulate,...] [--out DIR] [--write-results] [--render]
// --only runs the named sections: lookup, build, agreement, peers, scaling, cachesim, simulate, ufs, pagestore-dirs, shards, plan, and (full
// run only) threads, sample, libcachesim (which needs LIBCACHESIM_SRC=/path/to/libCacheSim or --libcachesim PATH,
// see bench/libcachesim.js); ufs-callgrind (valgrind, minutes) runs only when --only names it. Results go to bench/out/ unless --write-results (bench/) or --out DIR says otherwise;
// a partial run (--only) merges its sections into the results.json already there and records its own command for
// them. Every run ends with one line on stderr: its total wall time and each section's.
// Runs against the built library in dist/ (npm run bench builds first, bench:quick when dist/ is stale). Peers run
// in the same process on the same keys and workers.
// Each section is one file under bench/sections/ (`measure` into results.sections, `render` its part of RESULTS.md),
// over shared helpers in bench/lib/ (one median, one table writer, the lookup timer, child processes).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticKeys } from '../dist/index.js';
import { lookupTimer } from './lib/lookup.js';
import { f } from './lib/table.js';
import * as lookup from './sections/lookup.js';
import * as build from './sections/build.js';
import * as agreement from './sections/agreement.js';
import * as peers from './sections/peers.js';
import * as scaling from './sections/scaling.js';
import * as cachesim from './sections/cachesim.js';
import * as simulate from './sections/simulate.js';
import * as ufs from './sections/ufs.js';
import * as ufsCallgrind from './sections/ufs-callgrind.js';
import * as pagestoreDirs from './sections/pagestore-dirs.js';
import * as threads from './sections/threads.js';
import * as sample from './sections/sample.js';
import * as plan from './sections/plan.js';
import * as libcachesim from './sections/libcachesim.js';
import * as shards from './sections/shards.js';

/** The sections in the order they are measured, and in the order RESULTS.md shows them. */
const MEASURED = [lookup, build, agreement, peers, scaling, cachesim, simulate, ufs, ufsCallgrind, pagestoreDirs, threads, shards, sample, plan, libcachesim];
const RENDERED = [lookup, build, peers, scaling, agreement, cachesim, simulate, ufs, ufsCallgrind, pagestoreDirs, threads, shards, sample, libcachesim, plan];

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const valueOf = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const only = valueOf('--only')?.split(',');
const outDir = valueOf('--out') ?? fileURLToPath(new URL(argv.includes('--write-results') ? './' : './out/', import.meta.url));
mkdirSync(outDir, { recursive: true });
const command = `${quick && !only ? 'npm run bench:quick' : only ? `node --expose-gc bench/run.js${quick ? ' --quick' : ''} --only ${only.join(',')}` : 'npm run bench'}${argv.includes('--write-results') && only ? ' --write-results' : ''}`;

/** Whether a section runs in this run: named by --only (or no --only), and not a full-run-only section in --quick. */
function wanted(section) {
  if (only && !only.includes(section.name)) return false;
  if (section.runsIn) return section.runsIn({ quick, only });
  return !(section.fullRunOnly && quick);
}

/** RESULTS.md from the results: the header, then each section that has figures. */
function render(r) {
  const lines = ['# ring-sim benchmark results', ''];
  lines.push(`Command: \`${r.command}\` (from the project root). Generated ${r.date}.`);
  lines.push(
    `Machine: ${r.cpu}, ${r.cores} cores, Node ${r.node}.${r.quick ? " Quick run (a smoke test; its figures are not comparable with a full run's): fewer keys, smaller batches and shorter lookup rounds, one build or run per row, fewer workers in lookup, build, peers and plan, shorter simulate and cachesim runs." : ''}`,
  );
  lines.push(`Keys: ${f(r.keys)} synthetic file paths of ${r.keyBytes.min}–${r.keyBytes.max} bytes, the same for every algorithm and peer.`, '');
  // A section measured by a later partial run (--only) names its own command.
  const measuredBy = (section) => {
    const c = r.commands?.[section];
    return c && c.command !== r.command ? [`<!-- ${section} -->`, `_Measured by \`${c.command}\` (${c.date})._`, ''] : [];
  };
  for (const section of RENDERED) lines.push(...section.render(r, { measuredBy }));
  return lines.join('\n');
}

// --render rewrites RESULTS.md from the results.json already there, measuring nothing (after a change to the text).
if (argv.includes('--render')) {
  const saved = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8'));
  writeFileSync(join(outDir, 'RESULTS.md'), render(saved));
  process.exit(0);
}

const keys = syntheticKeys(quick ? 20_000 : 100_000, 42);
const keyBytes = keys.map((k) => Buffer.byteLength(k));
const results = {
  date: new Date().toISOString(),
  command,
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  quick,
  keys: keys.length,
  keyBytes: { min: Math.min(...keyBytes), max: Math.max(...keyBytes) },
  sections: {},
  commands: {},
};
const carried = new Set();
const context = { quick, only, argv, outDir, keys, results, carried, lookupNs: lookupTimer({ quick, keys }) };
/** Each section's wall time, printed at the end with the total. */
const sectionSeconds = {};
for (const section of MEASURED) {
  if (!wanted(section)) continue;
  const t0 = performance.now();
  await section.measure(context);
  sectionSeconds[section.name] = (performance.now() - t0) / 1000;
}

// Each section records the command that measured it; a partial run keeps the other sections of the last run.
for (const name of Object.keys(results.sections)) if (!carried.has(name)) results.commands[name] = { command, date: results.date, quick };
const previous = join(outDir, 'results.json');
const merged = only && existsSync(previous) ? JSON.parse(readFileSync(previous, 'utf8')) : null;
const final = merged ? { ...merged, sections: { ...merged.sections, ...results.sections }, commands: { ...merged.commands, ...results.commands } } : results;
writeFileSync(join(outDir, 'results.json'), JSON.stringify(final, null, 2) + '\n');
writeFileSync(join(outDir, 'RESULTS.md'), render(final));
console.log(render(final));
console.error(`wrote ${join(outDir, 'RESULTS.md')} and results.json`);
const timed = Object.entries(sectionSeconds)
  .filter(([, s]) => s >= 0.05)
  .map(([name, s]) => `${name} ${s.toFixed(1)} s`);
// performance.now() counts from the process's start: module loading and key generation are in the total.
console.error(
  `${quick ? 'quick run' : 'run'}: ${(performance.now() / 1000).toFixed(1)} s wall in total (${timed.join(', ')}), load average ${os.loadavg()[0].toFixed(1)}`,
);
