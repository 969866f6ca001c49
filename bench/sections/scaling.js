// Every algorithm at 10, 100, 1,000 and 10,000 workers: build time and ns per lookup.
import { ALGORITHM_NAMES, MAX_RING_POINTS, createPlacement } from '../../dist/index.js';
import { gc, workersOf } from '../lib/lookup.js';
import { median } from '../lib/stats.js';
import { f, table } from '../lib/table.js';

export const name = 'scaling';

/** The options and note for `algorithm` at `n` workers: alluxio-capacity drops to 1,000 vnodes past the limit. */
function optionsAt(algorithm, n) {
  if (algorithm === 'alluxio-capacity' && n * 2000 > MAX_RING_POINTS)
    return [{ vnodes: 1000 }, `vnodes 1000 (2000 would pass the ${MAX_RING_POINTS.toLocaleString('en-US')}-point limit)`];
  return [{}, ''];
}

export async function measure({ quick, lookupNs, results }) {
  const sizes = quick ? [100] : [10, 100, 1000, 10000];
  const rows = [];
  for (const algorithm of quick ? ALGORITHM_NAMES.filter((a) => a !== 'alluxio-maglev') : ALGORITHM_NAMES) {
    for (const n of sizes) {
      const workers = workersOf(n).map((w) => ({ id: algorithm.startsWith('alluxio-') ? `worker-${w.id}` : w.id }));
      const [options, note] = optionsAt(algorithm, n);
      const times = [];
      let p;
      for (let r = 0; r < (quick || n >= 10000 ? 1 : 3); r++) {
        gc();
        const t0 = performance.now();
        p = createPlacement(algorithm, workers, options);
        times.push(performance.now() - t0);
      }
      const [lookup] = await lookupNs([{ name: `${algorithm} @ ${n}`, target: p, method: 'locateIndex' }]);
      rows.push({ algorithm, workers: n, buildMs: median(times), lookupNs: lookup.meanNs, p50Ns: lookup.p50Ns, memoryBytes: p.byteSize(), note });
    }
  }
  results.sections.scaling = rows;
}

export function render(r, { measuredBy }) {
  if (!r.sections.scaling) return [];
  return [
    ...measuredBy('scaling'),
    '## Every algorithm at 10 … 10,000 workers',
    '',
    'Build time (median of 3 builds; 1 at 10,000 workers) and mean ns per `locateIndex` (tinybench, batches of 1,000 keys, the median of 5 round means). Default parameters: alluxio-consistent 5 virtual nodes, ring and bounded-load 1,000 a unit of weight, alluxio-capacity 2,000, ketama 160 points, maglev and alluxio-maglev 65,537 slots, multi-probe 21 probes. bounded-load looks up its ring here (its bound needs a load state; see docs/algorithms.md). rendezvous scores every worker, so its lookup grows with the worker count: past about 1,000 workers it costs microseconds a key.',
    '',
    ...table(
      ['algorithm', 'workers', 'build ms', 'ns / lookup', 'p50 ns', 'memory', 'note'],
      'lrrrrrl',
      r.sections.scaling.map((x) => [x.algorithm, f(x.workers), f(x.buildMs, 1), f(x.lookupNs), f(x.p50Ns), `${f(x.memoryBytes / 1024, 1)} KiB`, x.note]),
    ),
    '',
  ];
}
