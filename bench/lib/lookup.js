// Timing lookups and measuring what a build keeps alive, shared by the lookup, build, peers and scaling sections.
import { Bench } from 'tinybench';
import { median } from './stats.js';

/** `n` worker ids of the form 10.a.b.c:29999. */
export const workersOf = (n) => Array.from({ length: n }, (_, i) => ({ id: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:29999` }));

export const gc = globalThis.gc ?? (() => {});

/**
 * The batch loop of one case, compiled separately for each case (a unique comment defeats V8's cache of
 * compiled sources). One loop shared by every case would share its JIT feedback too: its call site would turn
 * polymorphic over all the algorithms and peers, and each would be timed through a slower generic call than the
 * single-placement call a user's code makes. The method is called on the target directly, as a user would.
 */
function batchLoop(id, target, method, keys, batch) {
  if (!/^[A-Za-z_$][\w$]*$/.test(method)) throw new Error(`bad method name ${method}`);
  const make = new Function(
    'target',
    'keys',
    'BATCH',
    `// case ${id}
    let offset = 0;
    let sink = 0;
    return function batch() {
      const end = offset + BATCH;
      for (let i = offset; i < end; i++) sink ^= target.${method}(keys[i]) === undefined ? 1 : 0;
      offset = end + BATCH > keys.length ? 0 : end;
      return sink;
    };`,
  );
  return make(target, keys, batch);
}

let caseId = 0;

/**
 * A lookup timer for one run: `lookupNs(cases)` gives ns per lookup, a case being `{ name, target, method, keys? }`,
 * timed by tinybench over batches of keys. The machine is a shared virtual one whose speed drifts from second to
 * second, so the cases run in interleaved rounds (every case once a round, each keeping its compiled loop) and each
 * figure is the median over the rounds: a slow spell then costs one round, not one case's whole measurement.
 */
export function lookupTimer({ quick, keys }) {
  const taskMs = quick ? 15 : 600;
  const batch = quick ? 250 : 1000;
  const rounds = quick ? 3 : 5;
  return async function lookupNs(cases) {
    const loops = cases.map((c) => batchLoop(caseId++, c.target, c.method, c.keys ?? keys, batch));
    const perRound = cases.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: taskMs / rounds, warmupTime: round === 0 ? Math.min(100, taskMs / 2) : 10 });
      cases.forEach((c, i) => bench.add(c.name, loops[i]));
      await bench.run();
      bench.tasks.forEach((t, i) => perRound[i].push(t.result.latency));
    }
    const perKey = (ms) => (ms * 1e6) / batch;
    return cases.map((c, i) => {
      const lats = perRound[i];
      return {
        name: c.name,
        meanNs: perKey(median(lats.map((l) => l.mean))),
        p50Ns: perKey(median(lats.map((l) => l.p50))),
        p99Ns: perKey(median(lats.map((l) => l.p99))),
        roundMeansNs: lats.map((l) => Math.round(perKey(l.mean))),
        samples: lats.reduce((n, l) => n + l.samplesCount, 0),
      };
    });
  };
}

/**
 * What one build keeps alive: the object, and the growth of array buffers and JS heap across it, after `gc()`.
 * With `copies` > 1, that many are built and kept at once and the growth is divided among them: a small ring's own
 * bytes are below the heap's noise between two measurements (which once showed a negative size).
 */
export function keptBy(build, copies = 1) {
  gc();
  gc();
  const before = process.memoryUsage();
  const kept = Array.from({ length: copies }, () => build());
  gc();
  gc();
  const after = process.memoryUsage();
  return { obj: kept[0], arrayBuffers: (after.arrayBuffers - before.arrayBuffers) / copies, heap: (after.heapUsed - before.heapUsed) / copies };
}
