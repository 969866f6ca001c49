/**
 * What a simulation shard emits: raw steps (counters and sums, not ratios) in the same order in every shard,
 * so that `Merger` can add them up step by step. Plain data: it crosses threads by structured clone.
 */
import type { ScenarioEvent } from './scenario.js';

export type Counters = {
  requests: number;
  pageRequests: number;
  pageHits: number;
  bytes: number;
  hitBytes: number;
  ufsBytes: number;
  unavailableBytes: number;
};

export function zeroCounters(): Counters {
  return { requests: 0, pageRequests: 0, pageHits: 0, bytes: 0, hitBytes: 0, ufsBytes: 0, unavailableBytes: 0 };
}

const COUNTER_KEYS = Object.keys(zeroCounters()) as Array<keyof Counters>;

/** `into` += `c`, field by field; returns `into`. */
export function addCounters(into: Counters, c: Counters): Counters {
  for (const k of COUNTER_KEYS) into[k] += c[k];
  return into;
}

/** `a` − `b`, field by field (a new object). */
export function counterDifference(a: Counters, b: Counters): Counters {
  const d = zeroCounters();
  for (const k of COUNTER_KEYS) d[k] = a[k] - b[k];
  return d;
}

/** A closed window: this shard's counters, its online hosts' load (max and sum), its cached bytes. */
export interface RawWindow {
  kind: 'window';
  start: number;
  end: number;
  time: number | null;
  counters: Counters;
  reqMax: number;
  reqSum: number;
  byteMax: number;
  byteSum: number;
  /** Hosts present in the window (online at some read of it) whose page store this shard holds. */
  online: number;
  occupied: number;
  capacity: number;
  /** Page requests each host served in the window (zero for other shards' hosts). */
  hostRequests: number[];
}

/** An event as it happened; `evictedBytes` and `unreachableBytes` count this shard's page stores. */
export interface RawEvent {
  kind: 'event';
  index: number;
  label: string;
  action: ScenarioEvent['action'];
  at: number;
  time: number | null;
  detail: string;
  evictedBytes: number;
  unreachableBytes: number;
  effectiveAt: number;
  /** This shard's counters over the reads just before the event, from read `beforeFrom` (see `EventReport.hitRatioBefore`). */
  before: Counters;
  beforeFrom: number;
}

/** A ring change reaching clients: what it moved (the same in every shard). */
export interface RawMove {
  kind: 'move';
  event: number;
  filesMoved: number;
  bytesMoved: number;
  /** Files passing to another identity on the same host, whose page store survived: not moved. */
  samePod: number;
  bytesSamePod: number;
  hashSpaceMoved: number | null;
}

/**
 * A worker restarted with a `downtime` coming back (its event's second half): the cached bytes (this shard's)
 * its return made unreachable, and what it kept.
 */
export interface RawReturn {
  kind: 'return';
  event: number;
  at: number;
  detail: string;
  unreachableBytes: number;
}

export type ShardStep = RawWindow | RawEvent | RawMove | RawReturn;

export interface HostTotals {
  /** This shard holds the host's page store (its figures are the host's). */
  owned: boolean;
  /** The host was online at some read of the run (the run's busiest/mean is over these). */
  present: boolean;
  pageRequests: number;
  bytes: number;
  hits: number;
  occupiedBytes: number;
  /** Each page-store directory at the end (empty for other shards' hosts). */
  dirs: DirTotals[];
}

/** One page-store directory at the end of a run: its size, what it holds, what it evicted. */
export interface DirTotals {
  capacityBytes: number;
  occupiedBytes: number;
  pages: number;
  /** Pages evicted over the run (to make room, or by set-capacity), and their bytes. */
  evictions: number;
  evictedBytes: number;
  /** Missed pages not cached: they did not fit after evictionRetries + 1 evictions (Alluxio gives up). */
  failedPuts: number;
}

/** A host as the report names it (the same in every shard). */
export interface HostInfo {
  name: string;
  group: string;
  identity: string;
  state: 'online' | 'offline' | 'removed';
  capacityBytes: number;
}

export interface ShardFinal {
  reads: number;
  files: number;
  hosts: HostTotals[];
  info: HostInfo[];
  occupied: number;
  capacity: number;
  offlineIdentities: string[];
}

/** A whole shard's run, as a thread sends it back. */
export interface ShardResult {
  shard: number;
  /** The sampling rate the shard ran with (undefined: every file). */
  sample?: number;
  steps: ShardStep[];
  final: ShardFinal;
}
