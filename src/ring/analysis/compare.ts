/**
 * `compareAlgorithms`: the algorithms side by side on the same workers and keys: balance, movement when one
 * worker is added and when one is removed, lookup time and memory. Returns a plain report model that the
 * text printer and `--json` both render.
 */
import type { Placement } from '../placement.js';
import { algorithmEntry, type AlgorithmOptions } from '../registry.js';
import type { Worker } from '../worker.js';
import { balance, type BalanceReport } from './balance.js';
import { movement, type MovementReport } from './movement.js';

export interface CompareOptions {
  algorithms: readonly string[];
  workers: readonly Worker[];
  keys: readonly string[];
  /** Options per algorithm name (vnodes, …). */
  options?: Readonly<Record<string, AlgorithmOptions>>;
  /** The worker added in the "+1" case; default `added-worker-1` with the mean weight, appended last. */
  added?: Worker;
  /** Id of the worker removed in the "-1" case; default the last worker. */
  removed?: string;
  /** Time `locateIndex` over the keys (ns per lookup). Off by default: timing is not reproducible. */
  time?: boolean;
  /**
   * Most worker scores (keys × workers) an algorithm that scores every worker for each key (rendezvous) may
   * spend; past it, that algorithm is measured on the first keys only, and its row says so. Default 200,000,000.
   */
  maxScores?: number;
  /** Called before each algorithm with its position, the count and its name. */
  onProgress?: (done: number, total: number, algorithm: string) => void;
}

/** Algorithms whose lookup scores every worker: O(keys × workers) to measure. */
const SCORES_EVERY_WORKER = new Set(['rendezvous']);
const MAX_SCORES = 200_000_000;

export interface ChangeSummary {
  moved: number;
  optimal: number;
  ratioToOptimal: number;
  collateral: number;
  method: MovementReport['method'];
}

export interface CompareRow {
  algorithm: string;
  /** Set when the algorithm cannot run on these workers (e.g. jump with weights); the rest is then absent. */
  skipped?: string;
  params?: Record<string, number | string | boolean>;
  balance?: Omit<BalanceReport, 'workers'>;
  add?: ChangeSummary;
  remove?: ChangeSummary;
  /** Set when the workers have unequal weights that this algorithm does not use (balance is still measured against them). */
  note?: string;
  /** Bytes of lookup structures. */
  memoryBytes?: number;
  buildMs?: number;
  lookupNs?: number;
}

export interface CompareReport {
  workers: number;
  totalWeight: number;
  keys: number;
  added: Worker;
  removed: string;
  rows: CompareRow[];
}

function summarise(m: MovementReport): ChangeSummary {
  return { moved: m.moved, optimal: m.optimal, ratioToOptimal: m.ratioToOptimal, collateral: m.collateral, method: m.method };
}

export function compareAlgorithms(o: CompareOptions): CompareReport {
  const totalWeight = o.workers.reduce((s, w) => s + (w.weight ?? 1), 0);
  const ids = new Set(o.workers.map((w) => w.id));
  let n = 1;
  while (ids.has(`added-worker-${n}`)) n++;
  const added: Worker = o.added ?? { id: `added-worker-${n}`, weight: totalWeight / o.workers.length };
  const removed = o.removed ?? o.workers[o.workers.length - 1].id;
  const rows: CompareRow[] = [];
  for (const [index, name] of o.algorithms.entries()) {
    o.onProgress?.(index, o.algorithms.length, name);
    const entry = algorithmEntry(name);
    const { keys, sampled } = keysFor(name, o);
    const options = o.options?.[name] ?? {};
    let placement: Placement;
    const t0 = performance.now();
    try {
      placement = entry.create(o.workers, options);
    } catch (e) {
      rows.push({ algorithm: name, skipped: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const buildMs = performance.now() - t0;
    // Load-dependent placements (bounded-load) answer from the keys assigned in order.
    const prepared = (p: Placement): Placement => {
      p.prepare(keys);
      return p;
    };
    prepared(placement);
    const { workers: _omit, ...bal } = balance(placement, { keys, nominalKeys: keys.length });
    const row: CompareRow = {
      algorithm: name,
      params: { ...placement.params },
      balance: bal,
      add: summarise(movement(placement, prepared(placement.addWorker(added)), { keys })),
      // With one worker there is no -1 case: removing it leaves no ring.
      remove: o.workers.length > 1 ? summarise(movement(placement, prepared(placement.removeWorker(removed)), { keys })) : undefined,
      memoryBytes: placement.byteSize(),
    };
    const unequal = o.workers.some((w) => (w.weight ?? 1) !== (o.workers[0].weight ?? 1));
    const notes: string[] = [];
    if (unequal && !entry.weighted) notes.push(`${name} ignores worker weights; its balance is measured against them`);
    if (sampled) notes.push(sampled);
    if (notes.length) row.note = notes.join('; ');
    if (o.time) {
      row.buildMs = buildMs;
      row.lookupNs = timeLookups(placement, keys);
    }
    rows.push(row);
  }
  return { workers: o.workers.length, totalWeight, keys: o.keys.length, added, removed, rows };
}

/** The keys to measure `name` on: all of them, or the first ones when it scores every worker and there are many. */
function keysFor(name: string, o: CompareOptions): { keys: readonly string[]; sampled?: string } {
  const budget = o.maxScores ?? MAX_SCORES;
  if (!SCORES_EVERY_WORKER.has(name) || o.keys.length * o.workers.length <= budget) return { keys: o.keys };
  const count = Math.max(1, Math.floor(budget / o.workers.length));
  return {
    keys: o.keys.slice(0, count),
    sampled: `measured on the first ${count.toLocaleString('en-US')} of ${o.keys.length.toLocaleString('en-US')} keys: ${name} scores all ${o.workers.length.toLocaleString('en-US')} workers for every key (keys × workers past ${budget.toLocaleString('en-US')} is impractical)`,
  };
}

function timeLookups(placement: Placement, keys: readonly string[]): number {
  let sink = 0;
  for (let i = 0; i < Math.min(keys.length, 20000); i++) sink ^= placement.locateIndex(keys[i]);
  const t0 = performance.now();
  let rounds = 0;
  do {
    for (let i = 0; i < keys.length; i++) sink ^= placement.locateIndex(keys[i]);
    rounds++;
  } while (performance.now() - t0 < 200);
  const ns = ((performance.now() - t0) * 1e6) / (rounds * keys.length);
  return sink === -1 ? ns + 1 : ns;
}
