// Lookup at 1,000 workers, each algorithm and the npm peers; and where a lookup's time goes.
import { createPlacement, murmur3String } from '../../dist/index.js';
import { workersOf } from '../lib/lookup.js';
import { f, ratioCell, table } from '../lib/table.js';
import { HashRing, ConsistentHash } from '../lib/peers.js';

export const name = 'lookup';
const HASH_ONLY = 'hashing alone: murmur3String (no ring)';

export async function measure({ quick, lookupNs, results }) {
  const workers = workersOf(quick ? 100 : 1000);
  const configs = [
    ['alluxio-consistent', { vnodes: 5 }],
    ['alluxio-consistent', { vnodes: 2000 }],
    ['ring', { vnodes: 160 }],
    ['ring', { vnodes: 2000 }],
    ['ketama', {}],
    ['jump', {}],
  ];
  const cases = configs.map(([algorithm, o]) => {
    const p = createPlacement(algorithm, workers, o);
    return { name: `${algorithm}${o.vnodes ? ` vnodes=${o.vnodes}` : ''}`, target: p, method: 'locateIndex' };
  });
  const hr = new HashRing(Object.fromEntries(workers.map((w) => [w.id, 1])), 'md5', { 'max cache size': 1 });
  cases.push({ name: 'peer: hashring (ketama)', target: hr, method: 'get' });
  const ch = new ConsistentHash({ range: 4294967295, weight: 160 });
  for (const w of workers) ch.add(w.id);
  cases.push({ name: 'peer: consistent-hash (160 points)', target: ch, method: 'get' });
  // The public locate(key) (returns a new string[] of worker ids) beside locateIndex, for the two ring algorithms.
  cases.push({ name: 'alluxio-consistent vnodes=5, locate(key) → [id]', target: cases[0].target, method: 'locate' });
  cases.push({ name: 'ring vnodes=160, locate(key) → [id]', target: cases[2].target, method: 'locate' });
  // Hashing alone, timed with the lookups (same rounds), to show what the ring search adds.
  cases.push({ name: HASH_ONLY, target: { murmur3String }, method: 'murmur3String' });
  results.sections.lookup1000 = await lookupNs(cases);
  results.sections.whereTimeGoes = { hashOnly: results.sections.lookup1000.find((x) => x.name === HASH_ONLY), latency: memoryLatency(quick) };
}

/** The machine's latency for one dependent read, by array size: a random cyclic permutation (Sattolo's algorithm). */
function memoryLatency(quick) {
  const latency = [];
  for (const mib of [1, 4, 8, 16]) {
    const n = (mib * 2 ** 20) / 4;
    const next = new Uint32Array(n);
    for (let i = 0; i < n; i++) next[i] = i;
    let seed = 7;
    for (let i = n - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % i;
      const t = next[i];
      next[i] = next[j];
      next[j] = t;
    }
    const steps = quick ? 200_000 : 2_000_000;
    let at = 0;
    for (let i = 0; i < steps; i++) at = next[at]; // warm-up
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < steps; i++) at = next[at];
    latency.push({ mib, ns: Number(process.hrtime.bigint() - t0) / steps, sink: at });
  }
  return latency.map(({ mib, ns }) => ({ mib, ns }));
}

/** Issue 16's lookup targets at 1,000 workers, from the lookup table of the same run. */
function issue16Line(rows) {
  const ns = (rowName) => rows.find((x) => x.name === rowName)?.meanNs;
  const ch = ns('peer: consistent-hash (160 points)');
  const hr = ns('peer: hashring (ketama)');
  const parts = [
    ['`ring` (vnodes=160) × consistent-hash', ch / ns('ring vnodes=160'), 2],
    ['`jump` × consistent-hash', ch / ns('jump'), 2],
    ['`ketama` × hashring', hr / ns('ketama'), 8],
  ].map(([what, ratio, target]) => `${what} ${ratioCell(ratio, target)}`);
  return `Targets (issue 16), at 1,000 workers in this table: \`ring\` and \`jump\` at least 2× \`consistent-hash\`, \`ketama\` at least 8× \`hashring\` (same placements, see "Against the peers"). This run: ${parts.join('; ')}.`;
}

export function render(r, { measuredBy }) {
  if (!r.sections.lookup1000) return [];
  const w = r.sections.whereTimeGoes;
  const lat = w.latency.map((x) => `${f(x.ns)} ns in ${x.mib} MiB`).join(', ');
  return [
    ...measuredBy('lookup1000'),
    '## Lookup at 1,000 workers',
    '',
    "Time per `locateIndex(key)` (first worker: hash the key, search the ring; the two `locate(key)` rows time the public call, which also builds the returned array of worker ids), measured by tinybench over batches of 1,000 keys in 5 interleaved rounds; each figure is the median over the rounds of the round's mean, p50 or p99 of the per-batch means (this virtual machine's speed drifts; a slow spell then costs one round). Each algorithm and peer runs its own compiled copy of the batch loop and calls `locateIndex` (or the peer's `get`) directly, as a program using one placement does; a loop shared by all of them would mix their JIT feedback and time every one through a slower polymorphic call.",
    '',
    ...table(
      ['algorithm', 'mean ns/lookup', 'p50 ns', 'p99 ns'],
      'lrrr',
      r.sections.lookup1000.map((x) => [x.name, f(x.meanNs), f(x.p50Ns), f(x.p99Ns)]),
    ),
    '',
    `Targets (issue 2): \`ring\` and \`alluxio-consistent\` at most 150 ns. Where the time goes, measured in this run: hashing alone (\`murmur3String\` over the same keys: UTF-8 encoding into a reused buffer, then MurmurHash3) takes ${f(w.hashOnly.meanNs)} ns a key, most of it the encoding: \`TextEncoder.encodeInto\` costs 50–65 ns for these keys, about 43 ns of it the fixed cost of a call into C++ (measured on 4-byte keys), and is the fastest way Node 20 offers to read a string's bytes (\`Buffer\` \`latin1Write\`/\`utf8Write\` measured 55–65 ns, a \`charCodeAt\` loop alone 130–250 ns for these keys). The lookups in the table add the ring search to that: little for alluxio-consistent's 5,000 points (40 KiB) and the 160,000-point ring (whose lookups read 640 KiB of 16-bit point halves and owners), much more for the 2,000,000-point rings. One dependent memory read on this machine costs ${lat} (random reads in an array of that size, each waiting for the last). A lookup in a ring of 2,000,000 points waits for such reads, in a bucket index and then in the points (kept there as 16-bit low halves beside 16-bit owners, 8 MiB in all, since a ring this large is bucketed on its top 16+ bits), and one lookup cannot overlap them, so these rings are memory-bound. \`ketama\` hashes each key with MD5 written in TypeScript (two 64-byte blocks for these keys, about 200 ns, and the encoding; node:crypto costs about 1 µs a call); \`jump\` hashes and jumps in one call to ring-sim's own small WebAssembly module (\`src/ring/jump-keys.wat\`: xxh64 of the encoded key, no BigInt, then Guava's loop with native 64-bit arithmetic), about 8 steps at 1,000 workers (ln N + 1 on average), each step's quotient waiting for the step before; the loop's end is decided by two exact products, and the quotient is taken through a reciprocal of the LCG's output (which runs ahead) and corrected by its exact remainder.`,
    '',
    issue16Line(r.sections.lookup1000),
    '',
  ];
}
