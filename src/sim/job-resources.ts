/**
 * The resources of one pod of `ring-sim job` (one shard), from the scenario's size: a MODEL of a shard's resident
 * memory calibrated on measured peaks (docs/scenarios.md lists the measurements), and its CPU from the threads it
 * runs on. A shard holds metadata, never data: per cached page a slot (key halves, size, free link, the eviction
 * policy's links) and its cells in the key index, so its memory follows the page count, not the bytes. Every
 * shard also routes every read (the file catalog, the ring) and keeps every window's per-worker counters for its
 * part. Pure: the CLI passes the flags and prints the assumptions.
 */
import { algorithmEntry } from '../ring/registry.js';
import { plannedReads } from './timeline.js';
import type { Scenario, WorkerGroup } from './scenario.js';

const MiB = 2 ** 20;

/** The model's coefficients (measured with /usr/bin/time -v on ring-sim 0.1.0, Node 20: docs/scenarios.md). */
export const SHARD_MEMORY_MODEL = {
  /** Node and ring-sim loaded, a tiny scenario: 70 MiB measured. */
  baseBytes: 80 * MiB,
  /** A page slot: key halves (8 B), size (8 B), free link (4 B), the policy's links (at most 12 B). */
  slotBytes: 32,
  /** A key-index cell (slot and hash, 8 B); cells are the power of two at least twice the slots. */
  cellBytes: 8,
  /** Per file of the catalog, every shard: the owner memo and directory memo (8 to 21 B measured). */
  fileBytes: 24,
  /** Per distinct key of a trace: its key string and catalog entry (76 B measured). */
  traceKeyBytes: 80,
  /** A trace reader's garbage before V8 collects it: flat from 1 to 3 million CSV reads (90 to 98 MiB measured). */
  traceReaderBytes: 100 * MiB,
  /** A window's counters of one worker, in memory and in the part's JSON (72 B measured). */
  windowWorkerBytes: 80,
  /** A ring point (hash and worker). */
  ringPointBytes: 16,
  /** Each page-store thread beyond the first (its own V8 isolate and read ring: 14 to 16 MiB measured). */
  threadBytes: 16 * MiB,
  /** The limit over the request: room for V8's heap growth between collections. */
  limitFactor: 1.5,
} as const;

/** The most threads a shard's pod runs on by default (as `simulate`'s own default). */
const MAX_DEFAULT_THREADS = 4;

export interface ShardResourceOptions {
  shards: number;
  /** Reads from which a shard runs on more than one thread (`simulate`'s default's threshold). */
  threadsMinReads: number;
  /** `--memory`, in bytes: request and limit. */
  memoryBytes?: number;
  /** `--memory` as written. */
  memoryText?: string;
  /** `--cpu` as written, and its value in millicores: request and limit. */
  cpuText?: string;
  cpuMillis?: number;
}

export interface ShardResources {
  memoryRequest: string;
  memoryLimit: string;
  cpu: string;
  /** The container's `--threads`. */
  threads: number;
  /** Every derived value, with its source: printed by `ring-sim job`. */
  assumptions: string[];
}

const nextPow2 = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(16, n)));
const mebibytes = (bytes: number): string => `${Math.ceil(bytes / MiB)}Mi`;
const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The metadata a page store of `sizeBytes` in `pageSizeBytes` pages holds when full. */
export function pageStoreMetadataBytes(sizeBytes: number, pageSizeBytes: number): number {
  const m = SHARD_MEMORY_MODEL;
  const slots = Math.floor(sizeBytes / pageSizeBytes) + 1;
  return slots * m.slotBytes + nextPow2(2 * slots) * m.cellBytes;
}

interface WorkerSize {
  group: WorkerGroup;
  sizeBytes: number;
  pageSizeBytes: number;
}

/** Every worker the scenario ever has, by name, at its largest page count (set-capacity, set-page-size). */
function workerSizes(s: Scenario): WorkerSize[] {
  const byName = new Map<string, WorkerSize>();
  const counters = new Map<string, number>();
  const add = (group: WorkerGroup): void => {
    const k = counters.get(group.name) ?? 0;
    counters.set(group.name, k + 1);
    byName.set(`${group.name}-${k}`, { group, sizeBytes: group.sizeBytes, pageSizeBytes: group.pageSizeBytes });
  };
  for (const g of s.cluster.groups) for (let k = 0; k < g.count; k++) add(g);
  for (const e of s.events) {
    if (e.action === 'add-workers') for (let k = 0; k < e.count; k++) add(s.cluster.groups.find((g) => g.name === e.group)!);
  }
  for (const e of s.events) {
    const w = 'worker' in e ? byName.get(e.worker) : undefined;
    if (w && e.action === 'set-capacity') w.sizeBytes = Math.max(w.sizeBytes, e.sizeBytes);
    if (w && e.action === 'set-page-size') w.pageSizeBytes = Math.min(w.pageSizeBytes, e.pageSizeBytes);
  }
  return [...byName.values()];
}

/** The page-store metadata of a worker: one store per directory, each sized as its share of the page store. */
function workerMetadataBytes(w: WorkerSize): number {
  const total = w.group.dirs.reduce((a, b) => a + b, 0) || 1;
  return w.group.dirs.reduce((sum, d) => sum + pageStoreMetadataBytes(Math.round((d / total) * w.sizeBytes), w.pageSizeBytes), 0);
}

/** The resources of each pod of a job of `o.shards` shards over `s`, and what was assumed. */
export function shardResources(s: Scenario, o: ShardResourceOptions): ShardResources {
  const m = SHARD_MEMORY_MODEL;
  const workers = workerSizes(s);
  const held = Math.ceil(workers.length / o.shards);
  const stores = workers
    .map(workerMetadataBytes)
    .sort((a, b) => b - a)
    .slice(0, held)
    .reduce((a, b) => a + b, 0);
  const reads = plannedReads(s.workload);
  const trace = s.workload.type === 'trace';
  const keys = trace ? (reads ?? 0) : (s.workload as { files: number }).files;
  const files = trace ? keys * m.traceKeyBytes + m.traceReaderBytes : keys * m.fileBytes;
  const replays = s.events.length > 0 ? 2 : 1;
  const windows = reads === undefined ? 0 : Math.ceil(reads / s.metrics.window);
  const counters = windows * workers.length * m.windowWorkerBytes * replays;
  const entry = algorithmEntry(s.placement.algorithm, 'placement.algorithm');
  const ring = (s.placement.vnodes ?? entry.defaultVnodes ?? 1) * workers.length * m.ringPointBytes;
  const defaultThreads = reads !== undefined && reads >= o.threadsMinReads ? Math.max(1, Math.min(MAX_DEFAULT_THREADS, held)) : 1;
  const threads = o.cpuMillis === undefined ? defaultThreads : Math.max(1, Math.min(64, held, Math.floor(o.cpuMillis / 1000)));
  const threadBytes = threads > 1 ? threads * m.threadBytes : 0;
  const estimate = m.baseBytes + stores + files + counters + ring + threadBytes;
  const assumptions: string[] = [];
  const catalog = trace
    ? `the trace reader ${mebibytes(m.traceReaderBytes)} and ${reads === undefined ? 'its keys (not counted: no workload.requests)' : `at most ${grouped(keys)} trace keys ${grouped(keys * m.traceKeyBytes)} B`}`
    : `the catalog of ${grouped(keys)} files ${grouped(files)} B`;
  const windowsText =
    reads === undefined
      ? 'the counters of the windows (not counted: the read count is known at the end of the trace)'
      : `${grouped(windows)} windows x ${grouped(workers.length)} workers of counters${replays > 1 ? ' x 2 replays (the baseline)' : ''} ${grouped(counters)} B`;
  const parts = [
    `${mebibytes(m.baseBytes)} Node and ring-sim`,
    `the page-store metadata of the ${grouped(held)} largest of ${grouped(workers.length)} workers (a shard holds at most ${grouped(held)}), full, ${grouped(stores)} B`,
    catalog,
    windowsText,
    `the ring ${grouped(ring)} B`,
    ...(threadBytes ? [`${threads} threads ${grouped(threadBytes)} B`] : []),
  ];
  const of = `(model, docs/scenarios.md: ${parts.join(' + ')})`;
  let memoryRequest: string;
  let memoryLimit: string;
  if (o.memoryBytes === undefined) {
    memoryRequest = mebibytes(estimate);
    memoryLimit = mebibytes(Math.ceil(estimate / MiB) * MiB * m.limitFactor);
    assumptions.push(`memory per pod: request ${memoryRequest}, limit ${memoryLimit} (${m.limitFactor}x) ${of}; --memory sets both`);
  } else {
    memoryRequest = memoryLimit = o.memoryText ?? String(o.memoryBytes);
    if (o.memoryBytes < estimate) assumptions.push(`memory per pod: ${memoryRequest} (--memory), below the model's ${mebibytes(estimate)} ${of}`);
  }
  let cpu: string;
  if (o.cpuMillis === undefined) {
    cpu = String(threads);
    assumptions.push(
      `cpu per pod: ${cpu} (request and limit), the shard's --threads ${threads} (${threads > 1 ? `${grouped(o.threadsMinReads)} reads or more: up to ${MAX_DEFAULT_THREADS} threads, one a held worker at most` : reads === undefined ? 'the read count is not known before the run: one thread' : `under ${grouped(o.threadsMinReads)} reads: one thread`}); --cpu sets it`,
    );
  } else {
    cpu = o.cpuText ?? `${o.cpuMillis}m`;
    assumptions.push(`--threads ${threads} in the container's arguments: the whole cores of --cpu ${cpu}, one a held worker at most`);
  }
  return { memoryRequest, memoryLimit, cpu, threads, assumptions };
}
