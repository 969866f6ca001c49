// simulate: page requests per second for 100 workers with LRU page stores; peak RSS on a long run.
import { childJson } from '../lib/child.js';
import { f, table } from '../lib/table.js';

export const name = 'simulate';

const cluster = { workerGroups: [{ name: 'worker', count: 100, pagestore: { size: '1Gi', pageSize: '1MB', policy: 'lru' } }] };
const placement = { algorithm: 'alluxio-consistent', vnodes: 2000 };
const simulateChild = (scenario) => childJson('simulate-child.js', [JSON.stringify(scenario)]);

export async function measure({ quick, results }) {
  const throughput = simulateChild({
    name: 'bench',
    seed: 1,
    cluster,
    placement,
    workload: { type: 'zipf', files: 200000, alpha: 0.9, fileSize: '4Mi', requests: quick ? 50000 : 2000000 },
    metrics: { window: 100000 },
  });
  const long = simulateChild({
    name: 'bench-long',
    seed: 2,
    cluster,
    placement,
    workload: { type: 'uniform', files: 1000000, fileSize: '1Mi', requests: quick ? 100_000 : 50_000_000 },
    metrics: { window: 1000000 },
  });
  results.sections.simulate = { throughput, long };
}

export function render(r, { measuredBy }) {
  const sim = r.sections.simulate;
  if (!sim) return [];
  const row = (label, x) => [
    label,
    f(x.reads),
    f(x.pageRequests),
    f(x.ms / 1000, 1),
    f((x.pageRequests / x.ms) * 1000),
    `${f(x.maxRssBytes / 2 ** 20, 0)} MiB`,
  ];
  return [
    ...measuredBy('simulate'),
    '## simulate (issue 5)',
    '',
    '`simulate` in a fresh process. Throughput: 100 workers with 1 GiB LRU page stores, `alluxio-consistent` with 2,000 virtual nodes, Zipf 0.9 over 200,000 files of 4 MiB (4 pages each).',
    '',
    ...table(['run', 'reads', 'page requests', 's', 'page requests / s', 'peak RSS'], 'lrrrrr', [
      row('100 workers, Zipf 0.9', sim.throughput),
      row('100 workers, uniform over 1,000,000 files (memory run)', sim.long),
    ]),
    '',
    'Targets (issue 5): at least 2,000,000 page requests per second; a 50,000,000-request run under 1 GiB RSS (memory is bounded by the page stores and the per-file owner cache, not by the run length).',
    '',
  ];
}
