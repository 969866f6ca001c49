/**
 * The simulator's result model: windows, events, workers and totals (plain, JSON-serialisable data), and how
 * a window's ratios follow from its counters.
 */
import type { ScenarioEvent } from './scenario.js';
import type { Counters, DirTotals } from './steps.js';
import type { RingMode } from '../membership/membership.js';
import { ufsUsage, type UfsModel, type UfsUsage } from './ufs.js';

export interface WindowMetrics {
  /** Reads [start, end) of the run. */
  start: number;
  end: number;
  /** Workload clock at the window's last read, in seconds (null without a clock). */
  time: number | null;
  requests: number;
  pageRequests: number;
  pageHits: number;
  hitRatio: number;
  bytesRequested: number;
  hitBytes: number;
  byteHitRatio: number;
  /** Bytes read from the under-storage: page misses plus reads whose worker was offline. */
  ufsBytes: number;
  /** Of which: bytes whose preferred worker was offline. */
  unavailableBytes: number;
  /**
   * Busiest worker's page requests (and bytes) over the mean of the workers present in the window: online at some
   * read of it (not those not joined yet, nor those gone before it). The run's totals: over those present at some read.
   */
  workerRequestsMaxOverMean: number;
  workerBytesMaxOverMean: number;
  occupiedBytes: number;
  capacityBytes: number;
  occupancy: number;
  /** The under-storage's share: GETs (one a missed page), bytes, and with a `ufs:` block seconds and USD (model). */
  ufs: UfsUsage;
  /**
   * Page requests each worker served in the window, indexed like `workers`: one length in every window (every
   * worker of the run), a worker added later having zeros before it joins.
   */
  workerPageRequests: number[];
}

export type MeasuredFields = Omit<WindowMetrics, 'start' | 'end' | 'time' | 'workerPageRequests'>;

/** Busiest over mean of `values[i]` over the workers `indices` (0 when they have nothing). */
export function maxOverMean(values: Float64Array, indices: readonly number[]): number {
  let max = 0;
  let sum = 0;
  for (const i of indices) {
    sum += values[i];
    if (values[i] > max) max = values[i];
  }
  return sum > 0 ? max / (sum / indices.length) : 0;
}

/** The metrics a window and the whole run share, from their counters and the workers' load. */
export function measured(c: Counters, requestLoad: number, byteLoad: number, occupied: number, capacity: number, ufs?: UfsModel): MeasuredFields {
  return {
    requests: c.requests,
    pageRequests: c.pageRequests,
    pageHits: c.pageHits,
    hitRatio: c.pageRequests ? c.pageHits / c.pageRequests : 0,
    bytesRequested: c.bytes,
    hitBytes: c.hitBytes,
    byteHitRatio: c.bytes ? c.hitBytes / c.bytes : 0,
    ufsBytes: c.ufsBytes,
    unavailableBytes: c.unavailableBytes,
    workerRequestsMaxOverMean: requestLoad,
    workerBytesMaxOverMean: byteLoad,
    occupiedBytes: occupied,
    capacityBytes: capacity,
    occupancy: capacity ? occupied / capacity : 0,
    ufs: ufsUsage(c.ufsBytes, c.pageRequests - c.pageHits, ufs),
  };
}

export interface EventReport {
  index: number;
  label: string;
  action: ScenarioEvent['action'];
  /** The read count when it happened. */
  at: number;
  time: number | null;
  detail: string;
  /** A `restart-worker` with a `downtime`: the reads the worker was down before it came back (absent: none). */
  downtime?: number;
  /** Fraction of the workload's files whose preferred worker changed once clients saw the change. */
  filesMoved: number;
  /** Bytes of those files. */
  bytesMoved: number;
  /**
   * Fraction of the files that passed to another identity on the same host (a restart without a persisted
   * identity) whose page store survived: they stay on the pod, still cached, so they are not in `filesMoved`.
   */
  samePod: number;
  /** Bytes of those files. */
  bytesSamePod: number;
  /** Fraction of the key hash space that changed worker (exact ring comparison, when available). */
  hashSpaceMoved: number | null;
  /**
   * Cached bytes this event made unreachable from cache: pages clients reached just before it (on the worker that
   * served their file) that they cannot after it (that page store is lost, or the file is served elsewhere now).
   * Pages an earlier event left unreachable are not counted again: at most one copy of each file, so never more
   * than the data set; two like events report like figures.
   */
  bytesUnreachable: number;
  /**
   * Hit ratio of the reads just before the event: from the start of the window before the event's (so one to
   * two windows of reads; the window before when the event is at a window's start), or from the latest event at
   * an earlier read when that is later (two events in one window each get their own). Null: no read before.
   */
  hitRatioBefore: number | null;
  /** The read count from which clients saw the change (`at` + the refresh delay; `at` when the ring did not change). */
  effectiveAt: number;
  /** Windowed hit ratio in the first window that starts once clients see the change. */
  hitRatioAfter: number | null;
  /** The lowest windowed hit ratio from the event's window until recovery (the recovered window included). */
  lowestHitRatio: number | null;
  /**
   * Reads from the event until the run's windowed hit ratio is back within `recoveryTolerance` of the baseline's
   * (the same reads without the events) at the same window, and stays so up to the first such window ending once
   * clients see the change; 0 when it never left it (an event that moves nothing). Null: not within the run
   * (or not measured: `replay` does not replay the baseline).
   */
  recoveryRequests: number | null;
  /**
   * With a `ufs:` block with a bandwidth or a request cap: the under-storage seconds (model) of the windows from
   * the event's to the last before recovery, from their bytes and GETs as one transfer; 0 with a recovery of 0.
   * Null: no seconds in the model, or not recovered.
   */
  recoverySeconds: number | null;
  /** The read by which the recovery shows: the end of the window back within the tolerance (null: not recovered). */
  recoveredBy: number | null;
  /**
   * The events (their `index`) this one overlaps with, both ways: a later one that happened before this one had
   * recovered, an earlier one that had not recovered when this one happened (src/sim/event-groups.ts).
   */
  overlapsWith: number[];
  /**
   * Its group of overlapping events in `eventGroups` (null: it overlaps with none). The hit ratio after, the lowest
   * and the recovery of an event in a group mix the group's events: the group's figures are `eventGroups[group]`.
   */
  group: number | null;
}

/** Overlapping events, reported once: from the first's read until the whole group has recovered. */
export interface EventGroup {
  /** The events (their `index`), in time order. */
  events: number[];
  /** The first event's read, and the last's. */
  at: number;
  lastAt: number;
  /** Sums over the events. */
  bytesMoved: number;
  bytesUnreachable: number;
  /** The first event's hit ratio before and after. */
  hitRatioBefore: number | null;
  hitRatioAfter: number | null;
  /** As an event's, from the first event's read and the last `effectiveAt` of the group. */
  lowestHitRatio: number | null;
  recoveryRequests: number | null;
  recoverySeconds: number | null;
  recoveredBy: number | null;
}

export interface WorkerReport {
  name: string;
  group: string;
  identity: string;
  state: 'online' | 'offline' | 'removed';
  capacityBytes: number;
  occupiedBytes: number;
  pageRequests: number;
  bytes: number;
  hitRatio: number;
  /**
   * Each page-store directory (in `pagestore.dirs` order; one for `pagestore.size`): capacity, bytes and pages
   * cached at the end, pages evicted and their bytes over the run, missed pages not cached (`failedPuts`).
   */
  dirs: DirTotals[];
}

export interface SimulationResult {
  format: 'ring-sim/simulation';
  version: 1;
  /** `workers`: every worker the run had (`workers` has as many); `workersAtStart` + `workersAddedByEvents` (add-workers). */
  scenario: {
    name: string;
    seed: number;
    algorithm: string;
    ring: RingMode;
    workers: number;
    workersAtStart: number;
    workersAddedByEvents: number;
    window: number;
  };
  totals: Omit<WindowMetrics, 'start' | 'end' | 'time' | 'workerPageRequests'> & { reads: number; files: number };
  windows: WindowMetrics[];
  events: EventReport[];
  /** The groups of overlapping events (empty: none overlap, or recovery not measured), each reported once. */
  eventGroups: EventGroup[];
  workers: WorkerReport[];
  /** Absolute hit-ratio tolerance of the events' recovery against the baseline (`RECOVERY_TOLERANCE`, src/sim/recovery.ts). */
  recoveryTolerance: number;
  /** Registered identities left offline at the end (ring bloat from restarts without a persisted identity). */
  offlineIdentities: string[];
  /** The scenario's `ufs:` block as the model used it (null: none; `ufs.seconds` and `ufs.costUSD` are then null). */
  ufsModel: UfsModel | null;
  /** With `--baseline`: the same workload replayed without the events (its totals and windows). */
  baseline?: Baseline;
  /** With `--baseline`: totals − baseline.totals, field by field (what the events cost). */
  delta?: TotalsDelta;
  /** Present when the run was sampled (`--sample`): the rate, and how to read the figures. */
  sample?: { rate: number; method: string; note: string };
}

type Totals = SimulationResult['totals'];

/** totals − baseline for every figure of the totals, page misses too; seconds and dollars null without a `ufs:` block. */
export type TotalsDelta = { [K in Exclude<keyof Totals, 'ufs'>]: number } & { pageMisses: number; ufs: UfsUsage };

/** A run's baseline: the same scenario replayed without its events (src/sim/baseline.ts). */
export interface Baseline {
  /** The baseline run's totals (the same shape as the run's). */
  totals: Totals;
  /** Its windows (without the per-worker page requests): the hit ratio the workload has at each read without events. */
  windows: Array<Omit<WindowMetrics, 'workerPageRequests'>>;
}

export type SimulationStep = { kind: 'window'; window: WindowMetrics } | { kind: 'event'; event: EventReport };
