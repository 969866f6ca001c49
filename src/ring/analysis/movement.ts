/**
 * `movement(before, after)`: what a change of workers moves. Reports the fraction of keys (and bytes, with
 * sizes) whose first worker changes, the optimal lower bound (the sum of the positive changes of each worker's
 * share: no placement with these shares can move less), the collateral moves (keys that moved between two
 * workers that are in both placements with an unchanged weight), and a from→to matrix.
 *
 * Exact when both placements are rings over the same key hash (the moved fraction of the 2^32 hash space is
 * computed by merging the two rings); otherwise measured on a key sample.
 */
import type { Placement } from '../placement.js';
import { HASH_SPACE } from '../sorted-ring.js';
import { shares } from './balance.js';

export interface Flow {
  from: string;
  to: string;
  /** Fraction of all keys moving from `from` to `to`. */
  fraction: number;
  /** Bytes moving, when sizes were given. */
  bytes?: number;
}

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
  /** Flows between workers, largest first. */
  flows: Flow[];
}

export interface MovementOptions {
  /** Keys to measure on (needed unless both placements are rings over the same hash). */
  keys?: readonly string[];
  /** Size in bytes of each key, aligned with `keys`: adds moved bytes. */
  sizes?: readonly number[];
  /** Measure on the keys even where the exact computation is possible. */
  forceSample?: boolean;
}

export function movement(before: Placement, after: Placement, options: MovementOptions = {}): MovementReport {
  const rb = before.ringView();
  const ra = after.ringView();
  const exact = !options.forceSample && !options.sizes && rb !== null && ra !== null && rb.space === ra.space;
  const flowMap = new Map<string, Flow>();
  const addFlow = (from: string, to: string, fraction: number, bytes?: number): void => {
    const k = `${from}\u0000${to}`;
    const f = flowMap.get(k);
    if (f) {
      f.fraction += fraction;
      if (bytes !== undefined) f.bytes = (f.bytes ?? 0) + bytes;
    } else {
      flowMap.set(k, bytes === undefined ? { from, to, fraction } : { from, to, fraction, bytes });
    }
  };
  let moved = 0;
  let movedBytes: number | undefined;
  let totalBytes: number | undefined;
  let sampleSize = 0;
  if (exact) {
    const A = rb.ring;
    const B = ra.ring;
    // Walk the union of both rings' points; each elementary arc (u_prev, u] is owned in each ring by the
    // owner of that ring's first point >= u.
    let i = 0;
    let j = 0;
    const last = Math.max(A.pointAt(A.length - 1), B.pointAt(B.length - 1));
    let prev = last - HASH_SPACE;
    const movedBy = new Map<string, number>();
    while (i < A.length || j < B.length) {
      const pa = i < A.length ? A.pointAt(i) : Infinity;
      const pb = j < B.length ? B.pointAt(j) : Infinity;
      const u = Math.min(pa, pb);
      const oa = A.ownerAt(i < A.length ? i : 0);
      const ob = B.ownerAt(j < B.length ? j : 0);
      const arc = u - prev;
      const from = before.workers[oa].id;
      const to = after.workers[ob].id;
      if (from !== to) {
        const k = `${from}\u0000${to}`;
        movedBy.set(k, (movedBy.get(k) ?? 0) + arc);
      }
      prev = u;
      if (pa === u) i++;
      if (pb === u) j++;
    }
    for (const [k, hashes] of movedBy) {
      const [from, to] = k.split('\u0000');
      addFlow(from, to, hashes / HASH_SPACE);
      moved += hashes;
    }
    moved /= HASH_SPACE;
  } else {
    const keys = options.keys;
    if (!keys || keys.length === 0) throw new Error('movement: pass keys to measure these placements on');
    const sizes = options.sizes;
    if (sizes && sizes.length !== keys.length) throw new Error('movement: sizes must align with keys');
    sampleSize = keys.length;
    let movedCount = 0;
    if (sizes) {
      movedBytes = 0;
      totalBytes = 0;
    }
    for (let k = 0; k < keys.length; k++) {
      const a = before.locateIndex(keys[k]);
      const b = after.locateIndex(keys[k]);
      const size = sizes ? sizes[k] : undefined;
      if (size !== undefined) totalBytes! += size;
      const from = before.workers[a].id;
      const to = after.workers[b].id;
      if (from !== to) {
        movedCount++;
        if (size !== undefined) movedBytes! += size;
        addFlow(from, to, 1 / keys.length, size);
      }
    }
    moved = movedCount / keys.length;
  }
  // Optimal: positive share changes, from exact ownership where both have it, else from the same keys.
  const useExact = exact || (before.ownership() !== null && after.ownership() !== null);
  const sb = shares(before, useExact ? undefined : options.keys);
  const sa = shares(after, useExact ? undefined : options.keys);
  const shareBefore = new Map(before.workers.map((w, i) => [w.id, sb.shares[i]]));
  let optimal = 0;
  after.workers.forEach((w, i) => {
    const d = sa.shares[i] - (shareBefore.get(w.id) ?? 0);
    if (d > 0) optimal += d;
  });
  const weightBefore = new Map(before.workers.map((w) => [w.id, w.weight ?? 1]));
  const unchanged = new Set(after.workers.filter((w) => weightBefore.get(w.id) === (w.weight ?? 1)).map((w) => w.id));
  let collateral = 0;
  const flows = [...flowMap.values()].sort((x, y) => y.fraction - x.fraction || (x.from < y.from ? -1 : 1));
  for (const f of flows) if (unchanged.has(f.from) && unchanged.has(f.to)) collateral += f.fraction;
  const report: MovementReport = {
    method: exact ? 'exact' : 'sample',
    keys: sampleSize,
    moved,
    optimal,
    ratioToOptimal: optimal > 0 ? moved / optimal : moved === 0 ? 1 : Infinity,
    collateral,
    flows,
  };
  if (movedBytes !== undefined) {
    report.movedBytes = movedBytes;
    report.totalBytes = totalBytes;
  }
  return report;
}
