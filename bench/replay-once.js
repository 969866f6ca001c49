// One simulate() replay of the pagestore-dirs section's scenario in this process, for instruction counts under
// callgrind (bench/RESULTS.md, the page-store directories section, and bench/pagestore-callgrind.json): no rounds, no timers.
// Usage: node bench/replay-once.js DIST VARIANT READS
//   DIST: a dist/ directory (this build's ./dist, or one built from an older commit);
//   VARIANT: pooled | oneDir | twoDirs | fourDirs; READS: reads to replay (0: the scenario is parsed, not run).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, variant, readsText] = process.argv.slice(2);
const PAGESTORES = {
  pooled: { size: '1Gi' },
  oneDir: { dirs: [{ size: '1Gi' }] },
  twoDirs: { dirs: [{ size: '512Mi' }, { size: '512Mi' }] },
  fourDirs: { dirs: Array.from({ length: 4 }, () => ({ size: '256Mi' })) },
};
const reads = Number(readsText);
const lib = await import(pathToFileURL(resolve(dist, 'index.js')).href);
const scenario = lib.readScenario(
  {
    name: 'pagestore dirs',
    seed: 5,
    cluster: { workerGroups: [{ name: 'worker', count: 100, pagestore: { ...PAGESTORES[variant], pageSize: '1MB', policy: 'lru' } }] },
    placement: { algorithm: 'alluxio-consistent', vnodes: 2000 },
    workload: { type: 'zipf', files: 200000, alpha: 0.9, fileSize: '4Mi', requests: Math.max(reads, 1) },
    metrics: { window: 50000 },
  },
  variant,
);
if (reads > 0) {
  const r = await lib.simulate(scenario);
  console.log(JSON.stringify({ variant, reads: r.totals.reads, pageRequests: r.totals.pageRequests, hitRatio: r.totals.hitRatio }));
}
