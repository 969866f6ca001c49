/**
 * `movement(before, after)`: what a change of workers moves. Reports the fraction of keys (and bytes, with
 * sizes) whose first worker changes, the optimal lower bound (the sum of the positive changes of each worker's
 * share: no placement with these shares can move less), the collateral moves (keys that moved between two
 * workers that are in both placements with an unchanged weight), and the from→to flows.
 *
 * Exact when both placements are rings over the same key hash (the moved fraction of the 2^32 hash space is
 * computed by merging the two rings); otherwise measured on a key sample.
 *
 * `samePod` names (before, after) identity pairs that are one machine under two identities (a worker restarted
 * without its persisted identity, whose page store survived): keys passing between them change identity but not
 * machine, so they are counted in `samePod`, not in `moved`, the flows or `movedFrom`, and the optimum treats the
 * pair as one worker.
 */
import type { Placement } from '../placement.js';
import { HASH_SPACE } from '../sorted-ring.js';
import { shares } from './balance.js';
import { PairSums, type Flow } from './pair-sums.js';

export type { Flow } from './pair-sums.js';

export interface MovementReport {
  method: 'exact' | 'sample';
  /** Sample size (0 for exact). */
  keys: number;
  /** Fraction of keys whose first worker changed (keys passing within a `samePod` pair excluded). */
  moved: number;
  /** Fraction of keys passing between the identities of a `samePod` pair: they stay on the machine (0 without pairs). */
  samePod: number;
  /** Sum over workers of the positive change of share: the least any placement with these shares moves. */
  optimal: number;
  /** moved / optimal (1 is optimal). */
  ratioToOptimal: number;
  /** Fraction of keys that moved between two workers present before and after with unchanged weight. */
  collateral: number;
  /** Bytes moved and total bytes, when sizes were given with a key sample. */
  movedBytes?: number;
  totalBytes?: number;
  /** Flows between workers, largest first (at most `maxFlows` of them). */
  flows: Flow[];
  /** How many distinct (from, to) pairs moved keys; more than `flows.length` when the list was cut. */
  flowCount: number;
  /** Fraction of all keys leaving each worker of `before` (indexed as `before.workers`), over every flow. */
  movedFrom: Float64Array;
}

export interface MovementOptions {
  /** Keys to measure on (needed unless both placements are rings over the same hash). */
  keys?: readonly string[];
  /** Size in bytes of each key, aligned with `keys`: adds moved bytes. */
  sizes?: readonly number[];
  /** Measure on the keys even where the exact computation is possible. */
  forceSample?: boolean;
  /** Most flows to list (default 1,000); totals are always over all of them. */
  maxFlows?: number;
  /** (before id, after id) pairs that are the same machine: keys between them are `samePod`, not moved. */
  samePod?: ReadonlyArray<readonly [string, string]>;
}

export function movement(before: Placement, after: Placement, options: MovementOptions = {}): MovementReport {
  const rb = before.ringView();
  const ra = after.ringView();
  const tb = before.tableView();
  const ta = after.tableView();
  const exactTable = !options.forceSample && !options.sizes && tb !== null && ta !== null && tb.space === ta.space && tb.slots.length === ta.slots.length;
  const exact = exactTable || (!options.forceSample && !options.sizes && rb !== null && ra !== null && rb.space === ra.space);
  const match = matchWorkers(before, after, options.samePod ?? []);
  const pairs = new PairSums(before.workers.length, after.workers.length, !!options.sizes);
  const measured = exactTable
    ? tableMoves(tb.slots, ta.slots, match, pairs)
    : exact
      ? ringMoves(rb!.ring, ra!.ring, match, pairs)
      : sampleMoves(before, after, options, match, pairs);
  // Optimal: positive share changes, from the same measure as `moved` (exact ownership for an exact walk, the
  // same keys for a sample), so that moved >= optimal always holds; mixing a sampled `moved` with an exact optimal
  // could show less moved than the optimal through sampling noise alone.
  const sb = measured.shares?.before ?? shares(before).shares;
  const sa = measured.shares?.after ?? shares(after).shares;
  const optimal = optimalMove(sb, sa, match);
  const { moved, collateral, samePod } = measured;
  const { flows, count, byRow } = pairs.top(options.maxFlows ?? 1000, measured.scale, (a, b) => [before.workers[a].id, after.workers[b].id]);
  const report: MovementReport = {
    method: exact ? 'exact' : 'sample',
    keys: measured.keys,
    moved,
    samePod,
    optimal,
    ratioToOptimal: optimal > 0 ? moved / optimal : moved === 0 ? 1 : Infinity,
    collateral,
    flows,
    flowCount: count,
    movedFrom: byRow,
  };
  if (measured.movedBytes !== undefined) {
    report.movedBytes = measured.movedBytes;
    report.totalBytes = measured.totalBytes;
  }
  return report;
}

/** Each before-worker's index after the change (-1 when gone), its same-machine identity after, and which workers kept their weight. */
interface WorkerMatch {
  sameAs: Int32Array;
  /** The after index of the before-worker's other identity on the same machine (-1 when none). */
  podOf: Int32Array;
  keptBefore: Uint8Array;
  keptAfter: Uint8Array;
}

/** What one way of measuring found: fractions of the keys, the unit the pair sums count in, and (sampled) the shares. */
interface Measured {
  moved: number;
  samePod: number;
  collateral: number;
  /** Pair sums are in 1/scale of the keys (slots, hashes or sampled keys). */
  scale: number;
  /** Sample size (0 for exact). */
  keys: number;
  movedBytes?: number;
  totalBytes?: number;
  /** Shares measured on the sample (exact measures take the placements' own shares). */
  shares?: { before: Float64Array; after: Float64Array };
}

function matchWorkers(before: Placement, after: Placement, samePod: ReadonlyArray<readonly [string, string]>): WorkerMatch {
  const afterIndex = new Map(after.workers.map((w, i) => [w.id, i]));
  const beforeIndex = new Map(before.workers.map((w, i) => [w.id, i]));
  const podOf = new Int32Array(before.workers.length).fill(-1);
  for (const [a, b] of samePod) {
    const i = beforeIndex.get(a);
    const j = afterIndex.get(b);
    if (i === undefined || j === undefined) throw new Error(`movement: samePod pair ${a} → ${b} names an identity missing from the placements`);
    podOf[i] = j;
  }
  const sameAs = new Int32Array(before.workers.length);
  const keptBefore = new Uint8Array(before.workers.length);
  const keptAfter = new Uint8Array(after.workers.length);
  before.workers.forEach((w, i) => {
    const j = afterIndex.get(w.id);
    sameAs[i] = j ?? -1;
    if (j !== undefined && (after.workers[j].weight ?? 1) === (w.weight ?? 1)) {
      keptBefore[i] = 1;
      keptAfter[j] = 1;
    }
  });
  return { sameAs, podOf, keptBefore, keptAfter };
}

/** Slot by slot over two lookup tables of the same size: each slot is an equal share of the keys. */
function tableMoves(A: ArrayLike<number>, B: ArrayLike<number>, { sameAs, podOf, keptBefore, keptAfter }: WorkerMatch, pairs: PairSums): Measured {
  let movedSlots = 0;
  let collateralSlots = 0;
  let podSlots = 0;
  for (let s = 0; s < A.length; s++) {
    const oa = A[s];
    const ob = B[s];
    if (podOf[oa] === ob) podSlots++;
    else if (sameAs[oa] !== ob) {
      pairs.add(oa, ob, 1);
      movedSlots++;
      if (keptBefore[oa] && keptAfter[ob]) collateralSlots++;
    }
  }
  return { moved: movedSlots / A.length, samePod: podSlots / A.length, collateral: collateralSlots / A.length, scale: A.length, keys: 0 };
}

type RingOf = NonNullable<ReturnType<Placement['ringView']>>['ring'];

/**
 * Two rings over the same hash: walks the union of both rings' points; each elementary arc (u_prev, u] is owned in
 * each ring by the owner of that ring's first point >= u.
 */
function ringMoves(A: RingOf, B: RingOf, { sameAs, podOf, keptBefore, keptAfter }: WorkerMatch, pairs: PairSums): Measured {
  let i = 0;
  let j = 0;
  const last = Math.max(A.pointAt(A.length - 1), B.pointAt(B.length - 1));
  let prev = last - HASH_SPACE;
  let movedHashes = 0;
  let collateralHashes = 0;
  let podHashes = 0;
  while (i < A.length || j < B.length) {
    const pa = i < A.length ? A.pointAt(i) : Infinity;
    const pb = j < B.length ? B.pointAt(j) : Infinity;
    const u = pa < pb ? pa : pb;
    const oa = A.ownerAt(i < A.length ? i : 0);
    const ob = B.ownerAt(j < B.length ? j : 0);
    if (podOf[oa] === ob) podHashes += u - prev;
    else if (sameAs[oa] !== ob) {
      const arc = u - prev;
      pairs.add(oa, ob, arc);
      movedHashes += arc;
      if (keptBefore[oa] && keptAfter[ob]) collateralHashes += arc;
    }
    prev = u;
    if (pa === u) i++;
    if (pb === u) j++;
  }
  return { moved: movedHashes / HASH_SPACE, samePod: podHashes / HASH_SPACE, collateral: collateralHashes / HASH_SPACE, scale: HASH_SPACE, keys: 0 };
}

/** Measured on `options.keys` (with their sizes, bytes too): each key's first worker before and after. */
function sampleMoves(
  before: Placement,
  after: Placement,
  options: MovementOptions,
  { sameAs, podOf, keptBefore, keptAfter }: WorkerMatch,
  pairs: PairSums,
): Measured {
  const keys = options.keys;
  if (!keys || keys.length === 0) throw new Error('movement: pass keys to measure these placements on');
  const sizes = options.sizes;
  if (sizes && sizes.length !== keys.length) throw new Error('movement: sizes must align with keys');
  let movedCount = 0;
  let collateralCount = 0;
  let podCount = 0;
  let movedBytes = 0;
  let totalBytes = 0;
  const countBefore = new Float64Array(before.workers.length);
  const countAfter = new Float64Array(after.workers.length);
  for (let k = 0; k < keys.length; k++) {
    const a = before.locateIndex(keys[k]);
    const b = after.locateIndex(keys[k]);
    countBefore[a]++;
    countAfter[b]++;
    const size = sizes ? sizes[k] : undefined;
    if (size !== undefined) totalBytes += size;
    if (podOf[a] === b) podCount++;
    else if (sameAs[a] !== b) {
      movedCount++;
      if (keptBefore[a] && keptAfter[b]) collateralCount++;
      if (size !== undefined) movedBytes += size;
      pairs.add(a, b, 1, size);
    }
  }
  for (let i = 0; i < countBefore.length; i++) countBefore[i] /= keys.length;
  for (let i = 0; i < countAfter.length; i++) countAfter[i] /= keys.length;
  const measured: Measured = {
    moved: movedCount / keys.length,
    samePod: podCount / keys.length,
    collateral: collateralCount / keys.length,
    scale: keys.length,
    keys: keys.length,
    shares: { before: countBefore, after: countAfter },
  };
  if (sizes) {
    measured.movedBytes = movedBytes;
    measured.totalBytes = totalBytes;
  }
  return measured;
}

/**
 * The sum over after-machines of their positive change of share: the least any placement with these shares moves.
 * A machine is an after-worker, merged with its same-machine identity of a `samePod` pair: its prior share is the
 * before-worker's, its share after the sum of both identities' (the kept one's, when it is still on the ring).
 */
function optimalMove(sb: ArrayLike<number>, sa: ArrayLike<number>, { sameAs, podOf }: WorkerMatch): number {
  const priorShare = new Float64Array(sa.length);
  const machine = Int32Array.from({ length: sa.length }, (_, j) => j);
  sameAs.forEach((j, i) => {
    if (j >= 0) priorShare[j] = sb[i];
  });
  podOf.forEach((b, i) => {
    if (b < 0) return;
    if (sameAs[i] >= 0) machine[b] = sameAs[i];
    else priorShare[b] = sb[i];
  });
  const after = new Float64Array(sa.length);
  const prior = new Float64Array(sa.length);
  for (let j = 0; j < sa.length; j++) {
    after[machine[j]] += sa[j];
    prior[machine[j]] += priorShare[j];
  }
  let optimal = 0;
  for (let j = 0; j < sa.length; j++) {
    const d = after[j] - prior[j];
    if (d > 0) optimal += d;
  }
  return optimal;
}
