// Against the peers at 10, 100, 1,000 and 10,000 workers: ring-sim ketama vs hashring (same placements, checked
// key by key), ring-sim ring (160 points a worker) vs consistent-hash (160 points a worker).
import os from 'node:os';
import { createPlacement } from '../../dist/index.js';
import { keptBy, workersOf } from '../lib/lookup.js';
import { ConsistentHash, HashRing } from '../lib/peers.js';
import { medianTime } from '../lib/stats.js';
import { f, ratioCell, ratioText, table } from '../lib/table.js';

export const name = 'peers';
const MEMORY_POINTS = 250_000;
const CHECKED = 20_000;

const hashringOf = (spec) => new HashRing(spec, 'md5', { 'max cache size': 1 });
function consistentHashOf(workers) {
  const ch = new ConsistentHash({ range: 4294967295, weight: 160 });
  for (const w of workers) ch.add(w.id);
  ch.get('warm-up');
  return ch;
}

async function measureAt(n, { quick, keys, lookupNs }) {
  // Enough copies kept at once to hold at least MEMORY_POINTS ring points (160 a worker).
  const memoryOf = (build) => {
    const { obj, arrayBuffers, heap } = keptBy(build, Math.ceil(MEMORY_POINTS / (n * 160)));
    return { obj, bytes: heap + arrayBuffers };
  };
  const workers = workersOf(n);
  const spec = Object.fromEntries(workers.map((w) => [w.id, 1]));
  const timeBuild = (build) => medianTime(build, quick || n >= 10000 ? 1 : 3);
  const buildKetama = () => createPlacement('ketama', workers, { weighting: 'hashring' });
  const buildRing = () => createPlacement('ring', workers, { vnodes: 160 });
  const oursK = memoryOf(buildKetama);
  const theirsK = memoryOf(() => hashringOf(spec));
  const oursR = memoryOf(buildRing);
  const theirsR = memoryOf(() => consistentHashOf(workers));
  const checked = Math.min(keys.length, CHECKED);
  let disagree = 0;
  for (let i = 0; i < checked; i++) if (oursK.obj.locate(keys[i])[0] !== theirsK.obj.get(keys[i])) disagree++;
  const [lk, lh, lr, lc, lj] = await lookupNs([
    { name: 'ring-sim ketama', target: oursK.obj, method: 'locateIndex' },
    { name: 'hashring', target: theirsK.obj, method: 'get' },
    { name: 'ring-sim ring (160)', target: oursR.obj, method: 'locateIndex' },
    { name: 'consistent-hash (160)', target: theirsR.obj, method: 'get' },
    { name: 'ring-sim jump', target: createPlacement('jump', workers), method: 'locateIndex' },
  ]);
  return {
    workers: n,
    loadAverage: os.loadavg()[0],
    disagree,
    checked,
    ketama: { lookup: lk, buildMs: timeBuild(buildKetama), bytesPerPoint: oursK.bytes / oursK.obj.ringView().ring.length },
    hashring: { lookup: lh, buildMs: timeBuild(() => hashringOf(spec)), bytesPerPoint: theirsK.bytes / (theirsK.obj.ring.length || 1) },
    jump: { lookup: lj },
    ring: { lookup: lr, buildMs: timeBuild(buildRing), bytesPerPoint: oursR.bytes / oursR.obj.ringView().ring.length },
    consistentHash: { lookup: lc, buildMs: timeBuild(() => consistentHashOf(workers)), bytesPerPoint: theirsR.bytes / (n * 160) },
  };
}

export async function measure(ctx) {
  const rows = [];
  for (const n of ctx.quick ? [100] : [10, 100, 1000, 10000]) rows.push(await measureAt(n, ctx));
  ctx.results.sections.peers = rows;
}

/** Issue 16's targets over the peers table: which sizes meet which. */
function peersTargetLine(rows) {
  const check = (label, target, ratioOf) => {
    const have = rows.filter((x) => ratioOf(x) !== undefined);
    const met = have.filter((x) => ratioOf(x) >= target).map((x) => f(x.workers));
    const range = have.map(ratioOf);
    const verdict = met.length === have.length ? 'met at every size' : met.length === 0 ? 'met at no size' : `met at ${met.join(', ')} workers only`;
    const lowest = ratioText(Math.min(...range), target);
    const highest = ratioText(Math.max(...range), target);
    return `${label} at least ${target}×: ${lowest === highest ? lowest : `${lowest}–${highest}`}×, ${verdict}`;
  };
  const agree = rows.every((x) => x.disagree === 0);
  return `Targets (issue 16), all in this one run: ${[
    check('`ring` × consistent-hash', 2, (x) => x.consistentHash.lookup.meanNs / x.ring.lookup.meanNs),
    check('`jump` × consistent-hash', 2, (x) => (x.jump ? x.consistentHash.lookup.meanNs / x.jump.lookup.meanNs : undefined)),
    check('`ketama` × hashring', 8, (x) => x.hashring.lookup.meanNs / x.ketama.lookup.meanNs),
  ].join(
    '; ',
  )}; ketama's placements ${agree ? 'agree with hashring on every key checked' : 'DISAGREE with hashring on some keys'}. Load average when measured: ${rows[0].loadAverage !== undefined ? rows.map((x) => x.loadAverage.toFixed(1)).join(', ') : 'not recorded'} (on a shared machine the peers slow down with the load more than ring-sim does, or less: ratios move by 10–30 % between runs).`;
}

const ln = (l) => `${f(l.meanNs)} (${f(l.p50Ns)}, ${f(l.p99Ns)})`;
function lookupRow(x) {
  const jump = x.jump ? ln(x.jump.lookup) : 'not measured';
  const jumpRatio = x.jump ? ratioCell(x.consistentHash.lookup.meanNs / x.jump.lookup.meanNs, 2) : '';
  return [
    f(x.workers),
    ln(x.ketama.lookup),
    ln(x.hashring.lookup),
    ratioCell(x.hashring.lookup.meanNs / x.ketama.lookup.meanNs, 8),
    `${f(x.checked - x.disagree)} of ${f(x.checked)} keys`,
    ln(x.ring.lookup),
    jump,
    ln(x.consistentHash.lookup),
    ratioCell(x.consistentHash.lookup.meanNs / x.ring.lookup.meanNs, 2),
    jumpRatio,
  ];
}
const buildRow = (x) => [
  f(x.workers),
  f(x.ketama.buildMs, 1),
  f(x.hashring.buildMs, 1),
  f(x.ketama.bytesPerPoint, 1),
  f(x.hashring.bytesPerPoint, 1),
  f(x.ring.buildMs, 1),
  f(x.consistentHash.buildMs, 1),
  f(x.ring.bytesPerPoint, 1),
  f(x.consistentHash.bytesPerPoint, 1),
];

function ketamaNote(peers) {
  const ratios = peers.map((x) => x.hashring.lookup.meanNs / x.ketama.lookup.meanNs);
  const ratioRange = `${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}×`;
  const needs = peers.map((x) => x.hashring.lookup.meanNs / 10);
  const ratioNeed = `${f(Math.min(...needs))}–${f(Math.max(...needs))} ns a lookup`;
  const met = peers.filter((x, i) => ratios[i] >= 10).map((x) => f(x.workers));
  const metNote =
    met.length === 0
      ? 'short of 10× at every size'
      : met.length === ratios.length
        ? '10× or more at every size'
        : `10× or more at ${met.join(' and ')} workers only`;
  return `Targets (issue 7): the ketama-compatible ring at least 10× faster than hashring with the same placements; \`ring\` at least as fast as consistent-hash while deterministic across processes. Where the time goes for ketama: MD5 of a 56–99 byte key is two 64-byte blocks; ring-sim's allocation-free TypeScript MD5 compresses a block in 90–100 ns here, about the speed of OpenSSL's native MD5 on this machine (90 ns a block, hashing 64 MiB through node:crypto): each of MD5's 64 steps waits for the one before, so neither can go much faster. The two blocks and padding take about 200 ns, the UTF-8 encoding 50–65 ns and the ring search 10–100 ns (the most at 10,000 workers). hashring spends ${((Math.min(...needs) * 10) / 1000).toFixed(1)}–${((Math.max(...needs) * 10) / 1000).toFixed(1)} µs, most of it in node:crypto's per-call overhead (about 1.4 µs a \`createHash\` call) and string handling. hashring's own time varies from run to run (its mean is pulled up by garbage-collection pauses, see its p99), so the ratio does too. The 10× target asks for hashring's mean divided by ten, ${ratioNeed}, which two MD5 blocks, the encoding and a search leave no room for where hashring is fastest (its fewest workers); in this run ring-sim is ${ratioRange} faster, ${metNote}.`;
}

export function render(r, { measuredBy }) {
  const peers = r.sections.peers;
  if (!peers) return [];
  return [
    ...measuredBy('peers'),
    '## Against the peers (issue 7)',
    '',
    "Same process, same keys, same workers. `ketama` (weighting=hashring) against npm `hashring` (its result cache set to 1 entry, so every lookup hashes); `ring` with 160 points a worker against npm `consistent-hash` with 160 points a worker (it places points with Math.random, so its placements differ from run to run; ring-sim's are the same in every process). ns per lookup: mean (p50, p99 of per-batch means), each the median over 5 interleaved rounds as above. Memory: heap plus array buffers kept by one built ring, measured with `gc()`, per ring point; for rings of fewer than 250,000 points, copies holding that many points are built and kept at once and the growth divided among them (a small ring alone is below the noise of the heap between two measurements).",
    '',
    ...table(
      [
        'workers',
        'ring-sim ketama ns',
        'hashring ns',
        'ketama × hashring (target 8×)',
        'agree',
        'ring-sim ring ns',
        'ring-sim jump ns',
        'consistent-hash ns',
        'ring × consistent-hash (target 2×)',
        'jump × consistent-hash (target 2×)',
      ],
      'rrrrrrrrrr',
      peers.map(lookupRow),
    ),
    '',
    ...table(
      [
        'workers',
        'ketama build ms',
        'hashring build ms',
        'ketama B/point',
        'hashring B/point',
        'ring build ms',
        'consistent-hash build ms',
        'ring B/point',
        'consistent-hash B/point',
      ],
      'rrrrrrrrr',
      peers.map(buildRow),
    ),
    '',
    peersTargetLine(peers),
    '',
    ketamaNote(peers),
    '',
  ];
}
