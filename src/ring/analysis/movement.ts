/**
 * `movement(before, after)`: what a change of workers moves. Reports the fraction of keys (and bytes, with
 * sizes) whose first worker changes, the optimal lower bound (the sum of the positive changes of each worker's
 * share: no placement with these shares can move less), the collateral moves (keys that moved between two
 * workers that are in both placements with an unchanged weight), and the from→to flows.
 *
 * Exact when both placements are rings over the same key hash (the moved fraction of the 2^32 hash space is
 * computed by merging the two rings); otherwise measured on a key sample.
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
  /** Fraction of keys whose first worker changed. */
  moved: number;
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
}

export function movement(before: Placement, after: Placement, options: MovementOptions = {}): MovementReport {
  const rb = before.ringView();
  const ra = after.ringView();
  const tb = before.tableView();
  const ta = after.tableView();
  const exactTable = !options.forceSample && !options.sizes && tb !== null && ta !== null && tb.space === ta.space && tb.slots.length === ta.slots.length;
  const exact = exactTable || (!options.forceSample && !options.sizes && rb !== null && ra !== null && rb.space === ra.space);
  // Before-worker index → after-worker index (-1 when gone), and which workers kept their weight.
  const afterIndex = new Map(after.workers.map((w, i) => [w.id, i]));
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
  const pairs = new PairSums(before.workers.length, after.workers.length, !!options.sizes);
  let moved = 0;
  let collateral = 0;
  let movedBytes: number | undefined;
  let totalBytes: number | undefined;
  let sampleSize = 0;
  let scale = 1;
  let sampleShares: { before: Float64Array; after: Float64Array } | undefined;
  if (exactTable) {
    // Slot by slot: each slot is an equal share of the keys.
    const A = tb.slots;
    const B = ta.slots;
    let movedSlots = 0;
    let collateralSlots = 0;
    for (let s = 0; s < A.length; s++) {
      const oa = A[s];
      const ob = B[s];
      if (sameAs[oa] !== ob) {
        pairs.add(oa, ob, 1);
        movedSlots++;
        if (keptBefore[oa] && keptAfter[ob]) collateralSlots++;
      }
    }
    scale = A.length;
    moved = movedSlots / A.length;
    collateral = collateralSlots / A.length;
  } else if (exact) {
    const A = rb!.ring;
    const B = ra!.ring;
    // Walk the union of both rings' points; each elementary arc (u_prev, u] is owned in each ring by the
    // owner of that ring's first point >= u.
    let i = 0;
    let j = 0;
    const last = Math.max(A.pointAt(A.length - 1), B.pointAt(B.length - 1));
    let prev = last - HASH_SPACE;
    let movedHashes = 0;
    let collateralHashes = 0;
    while (i < A.length || j < B.length) {
      const pa = i < A.length ? A.pointAt(i) : Infinity;
      const pb = j < B.length ? B.pointAt(j) : Infinity;
      const u = pa < pb ? pa : pb;
      const oa = A.ownerAt(i < A.length ? i : 0);
      const ob = B.ownerAt(j < B.length ? j : 0);
      if (sameAs[oa] !== ob) {
        const arc = u - prev;
        pairs.add(oa, ob, arc);
        movedHashes += arc;
        if (keptBefore[oa] && keptAfter[ob]) collateralHashes += arc;
      }
      prev = u;
      if (pa === u) i++;
      if (pb === u) j++;
    }
    scale = HASH_SPACE;
    moved = movedHashes / HASH_SPACE;
    collateral = collateralHashes / HASH_SPACE;
  } else {
    const keys = options.keys;
    if (!keys || keys.length === 0) throw new Error('movement: pass keys to measure these placements on');
    const sizes = options.sizes;
    if (sizes && sizes.length !== keys.length) throw new Error('movement: sizes must align with keys');
    sampleSize = keys.length;
    scale = keys.length;
    let movedCount = 0;
    let collateralCount = 0;
    if (sizes) {
      movedBytes = 0;
      totalBytes = 0;
    }
    const countBefore = new Float64Array(before.workers.length);
    const countAfter = new Float64Array(after.workers.length);
    for (let k = 0; k < keys.length; k++) {
      const a = before.locateIndex(keys[k]);
      const b = after.locateIndex(keys[k]);
      countBefore[a]++;
      countAfter[b]++;
      const size = sizes ? sizes[k] : undefined;
      if (size !== undefined) totalBytes! += size;
      if (sameAs[a] !== b) {
        movedCount++;
        if (keptBefore[a] && keptAfter[b]) collateralCount++;
        if (size !== undefined) movedBytes! += size;
        pairs.add(a, b, 1, size);
      }
    }
    moved = movedCount / keys.length;
    collateral = collateralCount / keys.length;
    for (let i = 0; i < countBefore.length; i++) countBefore[i] /= keys.length;
    for (let i = 0; i < countAfter.length; i++) countAfter[i] /= keys.length;
    sampleShares = { before: countBefore, after: countAfter };
  }
  // Optimal: positive share changes, from the same measure as `moved` (exact ownership for an exact walk, the
  // same keys for a sample), so that moved >= optimal always holds; mixing a sampled `moved` with an exact optimal
  // could show less moved than the optimal through sampling noise alone.
  const sb = exact ? shares(before).shares : sampleShares!.before;
  const sa = exact ? shares(after).shares : sampleShares!.after;
  let optimal = 0;
  const priorShare = new Float64Array(after.workers.length);
  sameAs.forEach((j, i) => {
    if (j >= 0) priorShare[j] = sb[i];
  });
  for (let j = 0; j < after.workers.length; j++) {
    const d = sa[j] - priorShare[j];
    if (d > 0) optimal += d;
  }
  const { flows, count } = pairs.top(options.maxFlows ?? 1000, scale, (a, b) => [before.workers[a].id, after.workers[b].id]);
  const report: MovementReport = {
    method: exact ? 'exact' : 'sample',
    keys: sampleSize,
    moved,
    optimal,
    ratioToOptimal: optimal > 0 ? moved / optimal : moved === 0 ? 1 : Infinity,
    collateral,
    flows,
    flowCount: count,
  };
  if (movedBytes !== undefined) {
    report.movedBytes = movedBytes;
    report.totalBytes = totalBytes;
  }
  return report;
}
