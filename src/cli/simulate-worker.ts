/**
 * A worker thread of `ring-sim simulate --threads N`: runs one shard of the simulation (the page stores of
 * every N-th worker) and posts its raw steps back; shard 0 also reports progress.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RingSimError } from '../core/errors.js';
import type { Scenario } from '../sim/scenario.js';
import { simulateShard } from '../sim/simulate.js';
import { fileTraceSource } from './trace-file.js';

const { scenario, shard, shards, sample } = workerData as { scenario: Scenario; shard: number; shards: number; sample?: number };
const port = parentPort!;
try {
  const onProgress = shard === 0 ? (done: number, total?: number) => port.postMessage({ kind: 'progress', done, total }) : undefined;
  const result = await simulateShard(scenario, { shard, shards }, { openTrace: fileTraceSource, onProgress, sample });
  port.postMessage({ kind: 'done', result });
} catch (e) {
  const error = e instanceof RingSimError
    ? { ringSim: true, field: e.field, value: e.value, fix: e.fix, message: e.message }
    : { ringSim: false, message: e instanceof Error ? e.message : String(e) };
  port.postMessage({ kind: 'error', error });
}
