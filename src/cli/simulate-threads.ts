/**
 * `simulate --threads N`: the simulation split by worker over N worker threads (each thread holds the page
 * stores of every N-th worker and replays every read and event), merged into the result one thread gives.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RingSimError } from '../core/errors.js';
import type { Scenario } from '../sim/scenario.js';
import { mergeShards, simulate, type ShardResult, type SimulationResult } from '../sim/simulate.js';
import { fileTraceSource } from './trace-file.js';

/** The thread's script: beside this module when built; the build's copy when this runs from src/ (tests). */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('../../dist/cli/simulate-worker.js', import.meta.url) : new URL('./simulate-worker.js', import.meta.url);

/** Reads below which one thread is the default: starting threads and replaying the workload in each costs more. */
export const THREADS_MIN_READS = 1_000_000;

/**
 * The default thread count: 1 for short runs (under 1,000,000 reads, or of unknown length), else the cores
 * available, at most 4 and at most the number of workers (each thread still generates every read).
 */
export function defaultThreads(scenario: Scenario): number {
  const reads = scenarioReads(scenario);
  const workers = scenario.cluster.groups.reduce((n, g) => n + g.count, 0);
  if (reads === undefined || reads < THREADS_MIN_READS) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4, workers));
}

function scenarioReads(s: Scenario): number | undefined {
  const w = s.workload as { requests?: number };
  return typeof w.requests === 'number' ? w.requests : undefined;
}

type Message = { kind: 'progress'; done: number; total?: number } | { kind: 'done'; result: ShardResult } | { kind: 'error'; error: { ringSim: boolean; field?: string; value?: unknown; fix?: string; message: string } };

function runShard(scenario: Scenario, shard: number, shards: number, sample: number | undefined, onProgress?: (done: number, total?: number) => void): Promise<ShardResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { scenario, shard, shards, sample } });
    let settled = false;
    worker.on('message', (m: Message) => {
      if (m.kind === 'progress') onProgress?.(m.done, m.total);
      else if (m.kind === 'done') {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        const e = m.error;
        if (e.ringSim) {
          const err = new RingSimError(e.field ?? 'scenario', e.value, 'failed', e.fix ?? '');
          err.message = e.message;
          reject(err);
        } else reject(new Error(e.message));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`simulation thread ${shard} exited with code ${code}`));
    });
  });
}

/** Runs `scenario` on `threads` threads (1: in this thread); the result is the same for any count. */
export async function simulateThreads(scenario: Scenario, threads: number, onProgress?: (done: number, total?: number) => void, sample?: number): Promise<SimulationResult> {
  if (threads === 1) return simulate(scenario, { onProgress, openTrace: fileTraceSource, sample });
  const shards = await Promise.all(Array.from({ length: threads }, (_, i) => runShard(scenario, i, threads, sample, i === 0 ? onProgress : undefined)));
  return mergeShards(scenario, shards);
}
