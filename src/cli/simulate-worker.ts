/**
 * A worker thread of `ring-sim simulate --threads N`: one store shard (the page stores of every N-th worker;
 * with `--shard I/S`, of every (N S)-th) replaying the reads the main thread routes through the shared
 * `SharedReadQueue` (as its consumer `slot`), posting its raw steps back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RingSimError } from '../core/errors.js';
import { SharedReadQueue, type SharedReadQueueShape } from '../sim/shared-read-queue.js';
import type { Scenario } from '../sim/scenario.js';
import { simulateStores } from '../sim/simulate.js';

const { scenario, shard, shards, slot, sample, queue } = workerData as {
  scenario: Scenario;
  shard: number;
  shards: number;
  slot: number;
  sample?: number;
  queue: SharedReadQueueShape;
};
const port = parentPort!;
try {
  const result = await simulateStores(scenario, { shard, shards }, new SharedReadQueue(queue), { sample }, slot);
  port.postMessage({ kind: 'done', result });
} catch (e) {
  const error =
    e instanceof RingSimError
      ? { ringSim: true, field: e.field, value: e.value, fix: e.fix, message: e.message }
      : { ringSim: false, message: e instanceof Error ? e.message : String(e) };
  port.postMessage({ kind: 'error', error });
}
