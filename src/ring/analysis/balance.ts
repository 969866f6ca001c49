/**
 * `balance`: how evenly a placement spreads keys against the workers' weights, with the statistics Ceph's
 * `osdmaptool --test-map-pgs` prints (avg, stddev, the binomial expected stddev, min and max), computed exactly
 * from ownership where the algorithm has one and from a key sample otherwise.
 */
import type { Placement } from '../placement.js';

export interface WorkerBalance {
  id: string;
  weight: number;
  /** The worker's share of weight: its fair share of keys. */
  weightShare: number;
  /** The share of keys (or of hash space / table slots) it actually gets. */
  share: number;
  /** share / weightShare: 1 is exactly fair, 1.2 is 20 % over. */
  ratio: number;
}

export interface BalanceReport {
  /** `exact`: from ownership of the hash space or table; `sample`: from `keys` sampled keys. */
  method: 'exact' | 'sample';
  /** The number of keys T the per-worker counts are expressed for (the sample size, or the nominal T). */
  keys: number;
  workers: WorkerBalance[];
  /** Average keys a worker (T / workers). */
  mean: number;
  /** Standard deviation of each worker's keys around its fair count T · weightShare. */
  stddev: number;
  /** The binomial baseline sqrt(mean over workers of T · p · (1 - p)), as osdmaptool's "expected". */
  expectedStddev: number;
  /** stddev / mean. */
  relativeStddev: number;
  /** Largest and smallest share/weightShare. */
  maxOverMean: number;
  minOverMean: number;
  max: WorkerBalance;
  min: WorkerBalance;
  /** Per zone, when workers have zones: the zone's share against its weight share. */
  zones?: Array<{ zone: string; workers: number; weightShare: number; share: number; ratio: number }>;
}

export interface BalanceOptions {
  /** Keys to sample when the placement has no exact ownership, or a count of synthetic keys. */
  keys?: readonly string[];
  /** T, the nominal number of keys for exact ownership (default 1,000,000). */
  nominalKeys?: number;
}

/** Per-worker shares: exact when `placement.ownership()` exists, otherwise from the keys. */
export function shares(placement: Placement, keys?: readonly string[]): { method: 'exact' | 'sample'; shares: Float64Array; keys: number } {
  const own = placement.ownership();
  if (own) {
    const s = new Float64Array(own.byWorker.length);
    for (let i = 0; i < s.length; i++) s[i] = own.byWorker[i] / own.total;
    return { method: 'exact', shares: s, keys: 0 };
  }
  if (!keys || keys.length === 0) throw new Error('balance: this placement has no exact ownership; pass keys to sample');
  const counts = new Float64Array(placement.workers.length);
  for (const k of keys) counts[placement.locateIndex(k)]++;
  for (let i = 0; i < counts.length; i++) counts[i] /= keys.length;
  return { method: 'sample', shares: counts, keys: keys.length };
}

export function balance(placement: Placement, options: BalanceOptions = {}): BalanceReport {
  const measured = shares(placement, options.keys);
  const T = measured.method === 'sample' ? measured.keys : (options.nominalKeys ?? 1_000_000);
  const workers = placement.workers;
  let totalWeight = 0;
  for (const w of workers) totalWeight += w.weight ?? 1;
  const rows: WorkerBalance[] = workers.map((w, i) => {
    const weight = w.weight ?? 1;
    const weightShare = weight / totalWeight;
    const share = measured.shares[i];
    return { id: w.id, weight, weightShare, share, ratio: share / weightShare };
  });
  let sq = 0;
  let expected = 0;
  for (const r of rows) {
    const dev = (r.share - r.weightShare) * T;
    sq += dev * dev;
    expected += T * r.weightShare * (1 - r.weightShare);
  }
  const n = rows.length;
  const mean = T / n;
  const stddev = Math.sqrt(sq / n);
  let max = rows[0];
  let min = rows[0];
  for (const r of rows) {
    if (r.ratio > max.ratio) max = r;
    if (r.ratio < min.ratio) min = r;
  }
  let zones: BalanceReport['zones'];
  if (workers.some((w) => w.zone !== undefined)) {
    const byZone = new Map<string, { zone: string; workers: number; weightShare: number; share: number; ratio: number }>();
    rows.forEach((r, i) => {
      const z = workers[i].zone ?? '(none)';
      const e = byZone.get(z) ?? { zone: z, workers: 0, weightShare: 0, share: 0, ratio: 0 };
      e.workers++;
      e.weightShare += r.weightShare;
      e.share += r.share;
      byZone.set(z, e);
    });
    zones = [...byZone.values()].sort((a, b) => (a.zone < b.zone ? -1 : 1));
    for (const z of zones) z.ratio = z.share / z.weightShare;
  }
  return {
    ...(zones ? { zones } : {}),
    method: measured.method,
    keys: T,
    workers: rows,
    mean,
    stddev,
    expectedStddev: Math.sqrt(expected / n),
    relativeStddev: stddev / mean,
    maxOverMean: max.ratio,
    minOverMean: min.ratio,
    max,
    min,
  };
}
