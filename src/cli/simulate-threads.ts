/**
 * `simulate --threads N`: the simulation split by worker over N worker threads that hold the page stores
 * (worker i's in thread i mod N), fed by this thread, which generates (or reads from the trace) every read
 * once, routes it (ring lookup, sample) and passes the routed reads, and a trace's files as it finds them,
 * through shared memory (`SharedReadQueue`); the threads' counters are merged into the result one thread gives.
 * `--shard I/N` runs one shard of that split (the workers of index I modulo N) on its threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RingSimError } from '../core/errors.js';
import { isThreadAborted, SharedReadQueue, type SharedReadQueueShape } from '../sim/shared-read-queue.js';
import type { Scenario } from '../sim/scenario.js';
import {
  mergeShards,
  replay,
  simulateRouter,
  simulateShard,
  type ShardResult,
  type ShardSpec,
  type SimulateOptions,
  type SimulationResult,
} from '../sim/simulate.js';
import { fileTraceSource } from './trace-file.js';

/** The thread's script: beside this module when built; the build's copy when this runs from src/ (tests). */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/cli/simulate-worker.js', import.meta.url)
  : new URL('./simulate-worker.js', import.meta.url);

/** Bytes of a trace's new file paths a queue slot carries (longer runs of new files take more slots). */
const TRACE_PATH_BYTES = 64 * 1024;

/** Reads below which one thread is the default: starting threads costs more than they save. */
export const THREADS_MIN_READS = 1_000_000;

/**
 * The default count of page-store threads: 1 (no threads) for short runs (under 1,000,000 reads, or of unknown
 * length) or on one core; else the cores less the one the main thread's routing keeps busy, at least 2 (on 2
 * cores, 2 store threads and the router share them best: the router takes about 40 % of a run), at most 4
 * and at most the number of workers.
 */
export function defaultThreads(scenario: Scenario, cores = availableParallelism()): number {
  const reads = scenarioReads(scenario);
  const workers = scenario.cluster.groups.reduce((n, g) => n + g.count, 0);
  if (reads === undefined || reads < THREADS_MIN_READS || cores < 2) return 1;
  return Math.max(1, Math.min(Math.max(2, cores - 1), 4, workers));
}

function scenarioReads(s: Scenario): number | undefined {
  const w = s.workload as { requests?: number };
  return typeof w.requests === 'number' ? w.requests : undefined;
}

interface ThreadData {
  scenario: Scenario;
  shard: number;
  shards: number;
  /** The queue's consumer the thread reads as. */
  slot: number;
  sample?: number;
  queue: SharedReadQueueShape;
}

type Message =
  { kind: 'done'; result: ShardResult } | { kind: 'error'; error: { ringSim: boolean; field?: string; value?: unknown; fix?: string; message: string } };

function errorOf(e: Extract<Message, { kind: 'error' }>['error']): Error {
  if (!e.ringSim) return new Error(e.message);
  const err = new RingSimError(e.field ?? 'scenario', e.value, 'failed', e.fix ?? '');
  err.message = e.message;
  return err;
}

/** Runs a shard in a worker thread; `onFail` is told at once when it fails (to stop the others). */
function runThread(data: ThreadData, onFail: () => void): { worker: Worker; result: Promise<ShardResult> } {
  const worker = new Worker(WORKER_URL, { workerData: data });
  const result = new Promise<ShardResult>((resolve, reject) => {
    let settled = false;
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      onFail();
      reject(e);
    };
    worker.on('message', (m: Message) => {
      if (m.kind === 'done') {
        settled = true;
        resolve(m.result);
      } else fail(errorOf(m.error));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`simulation thread ${data.shard} exited with code ${code}`)));
  });
  return { worker, result };
}

/**
 * Every result, or the failure that stopped the run: the first in `results` order that is not only "another
 * thread failed" (a thread stopped by the queue's abort), so the user sees the cause, whichever thread hit it.
 */
async function allOrFirstError(results: readonly Promise<ShardResult>[], workers: readonly Worker[]): Promise<ShardResult[]> {
  const settled = await Promise.allSettled(results);
  const rejected = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected.length > 0) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw (rejected.find((r) => !isThreadAborted(r.reason)) ?? rejected[0]).reason;
  }
  return settled.map((r) => (r as PromiseFulfilledResult<ShardResult>).value);
}

/**
 * Shard `spec.shard` of `spec.shards` on `threads` threads: its router first (it leads in shard 0), then each
 * thread t, store shard `spec.shard` + `spec.shards` t of `spec.shards` × `threads` (so it holds the workers of
 * index `spec.shard` modulo `spec.shards` between them). One thread: the shard in this thread, routing itself.
 */
async function shardOnThreads(scenario: Scenario, spec: ShardSpec, threads: number, options: SimulateOptions): Promise<ShardResult[]> {
  if (threads === 1) return [await simulateShard(scenario, spec, options)];
  const queue = SharedReadQueue.create(threads, undefined, undefined, scenario.workload.type === 'trace' ? TRACE_PATH_BYTES : 0);
  const shards = spec.shards * threads;
  const stores = Array.from({ length: threads }, (_, slot) =>
    runThread({ scenario, shard: spec.shard + spec.shards * slot, shards, slot, sample: options.sample, queue: queue.shape }, () => queue.abort()),
  );
  const router = simulateRouter(scenario, queue, options, spec.shard === 0);
  return allOrFirstError(
    [router, ...stores.map((t) => t.result)],
    stores.map((t) => t.worker),
  );
}

/** Replays `scenario` on `threads` threads (1: in this thread), recovery not measured; the result is the same for any count. */
export async function simulateThreads(
  scenario: Scenario,
  threads: number,
  onProgress?: (done: number, total?: number) => void,
  sample?: number,
): Promise<SimulationResult> {
  const options: SimulateOptions = { onProgress, openTrace: fileTraceSource, sample };
  if (threads === 1) return replay(scenario, options);
  return mergeShards(scenario, await shardOnThreads(scenario, { shard: 0, shards: 1 }, threads, options));
}

/**
 * `simulate --shard I/N` on `threads` threads: the raw results of shard `spec.shard` of `spec.shards` (its
 * router's first), for its part; `mergeParts` adds every shard's up to the result of one run.
 */
export async function simulateShardThreads(
  scenario: Scenario,
  spec: ShardSpec,
  threads: number,
  onProgress?: (done: number, total?: number) => void,
  sample?: number,
): Promise<ShardResult[]> {
  return shardOnThreads(scenario, spec, threads, { onProgress, openTrace: fileTraceSource, sample });
}
