// Child process for the ufs section: runs two scenarios (JSON on argv: without and with a ufs: block) in turn,
// ROUNDS times each after one warm-up run of each, and prints every run's wall and CPU time (this process's
// user + system) and the two runs' totals, as JSON. One process, so both run on the same warmed-up code.
import { readScenario, simulate } from '../dist/index.js';

const [withoutText, withText, roundsText] = process.argv.slice(2);
const scenarios = { without: readScenario(JSON.parse(withoutText), 'without'), with: readScenario(JSON.parse(withText), 'with') };
const rounds = Number(roundsText);
const runs = { without: [], with: [] };
const totals = {};
for (let round = -1; round < rounds; round++) {
  for (const kind of round % 2 === 0 ? ['without', 'with'] : ['with', 'without']) {
    globalThis.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await simulate(scenarios[kind]);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (round >= 0) runs[kind].push({ ms, cpuMs: (c.user + c.system) / 1000 });
    totals[kind] = r.totals;
  }
}
console.log(JSON.stringify({ runs, totals }));
