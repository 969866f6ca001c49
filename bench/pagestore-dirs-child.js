// Child process for the pagestore-dirs section: runs the scenarios named on argv (JSON: { variant: scenario })
// ROUNDS times each after one warm-up run of each, the order rotated every round (round r starts at variant r mod
// n), and prints every run's wall and CPU time (this process's user + system), the allocator's hashes
// (`FileDirMemo.hashesInProcess` before and after the run) and each variant's totals, as JSON. One process, so
// every variant runs on the same warmed-up code. BEFORE_DIST (optional): a dist/ of an older ring-sim whose
// simulate() runs the variant "before" (the same scenario as "pooled"), to compare with the code before
// page-store directories.
import { FileDirMemo, readScenario, simulate } from '../dist/index.js';

const [scenariosText, roundsText] = process.argv.slice(2);
const given = JSON.parse(scenariosText);
const rounds = Number(roundsText);
const before = process.env.BEFORE_DIST ? await import(new URL(`file://${process.env.BEFORE_DIST}/index.js`).href) : null;
const lib = (variant) => (variant === 'before' ? before : { readScenario, simulate });
const variants = Object.keys(given).filter((v) => v !== 'before' || before);
const scenarios = Object.fromEntries(variants.map((v) => [v, lib(v).readScenario(given[v], v)]));
const runs = Object.fromEntries(variants.map((v) => [v, []]));
const totals = {};
const hashes = {};
for (let round = -1; round < rounds; round++) {
  const offset = ((round % variants.length) + variants.length) % variants.length;
  for (let i = 0; i < variants.length; i++) {
    const v = variants[(offset + i) % variants.length];
    globalThis.gc?.();
    const h0 = FileDirMemo.hashesInProcess;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await lib(v).simulate(scenarios[v]);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (round >= 0) runs[v].push({ ms, cpuMs: (c.user + c.system) / 1000 });
    hashes[v] = FileDirMemo.hashesInProcess - h0;
    totals[v] = { reads: r.totals.reads, files: r.totals.files, pageRequests: r.totals.pageRequests, hitRatio: r.totals.hitRatio, requests: r.totals.requests };
  }
}
console.log(JSON.stringify({ variants, runs, totals, hashes }));
