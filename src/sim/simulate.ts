/**
 * The cluster simulator: replays a workload against a cluster of page stores while events change the
 * cluster, the way Alluxio behaves (reference alluxio-placement.md §4–§6), and measures hit ratio, bytes read
 * from the under-storage, per-worker load and data movement.
 *
 * A read of a file goes to the preferred worker the client's ring gives for the file's UFS path (with
 * `replicas` R: the first online of the R workers — ring-sim's model of `replication.min` reads). The read is
 * split into pages; each page is looked up in that worker's page store and cached there on a miss. A read whose
 * worker is offline ("The preferred worker is not active") goes to the under-storage and caches nothing. The
 * client sees membership changes `refreshDelay` reads after they happen. Everything is seeded: the same
 * scenario gives byte-identical results.
 *
 * A run can be split into shards by worker and merged (`mergeShards`), with the same result as one run:
 * - `simulateRouter` + `simulateStores` (the CLI's threads): one router generates or reads every read once,
 *   routes it (ring lookup, sample) and hands the routed batches through a `SharedReadQueue` (shared memory) to N shards that
 *   hold the page stores (worker i in shard i mod N) and replay every event; a trace's router also ships the
 *   files (path, size) it finds, ahead of the reads of them;
 * - `simulateShard`: every shard generates and routes every read itself (no shared memory).
 */
import type { TraceSource } from './trace/source.js';
import { RingSimError } from '../core/errors.js';
import type { ShardSpec } from './cluster.js';
import { Merger } from './merge.js';
import { baselineScenario, withBaseline } from './baseline.js';
import { measureEvents } from './event-groups.js';
import type { NewFiles, SharedReadQueue, RoutedBatch } from './shared-read-queue.js';
import type { SimulationResult, SimulationStep } from './result.js';
import type { Scenario } from './scenario.js';
import { SimulationShard, type RouteSink, type ShardRole } from './shard.js';
import { SpatialSample } from './sample.js';
import type { ShardResult, ShardStep } from './steps.js';
import { syntheticWorkload } from './workload/synthetic.js';
import { traceWorkload } from './workload/trace-workload.js';
import { PathCatalog } from './workload/path-catalog.js';
import type { FileCatalog, Workload } from './workload/workload.js';

export type { EventGroup, EventReport, SimulationResult, SimulationStep, WindowMetrics, WorkerReport } from './result.js';
export type { ShardResult, ShardSpec };

export interface SimulateOptions {
  /** Called now and then with the reads done (and the total, when known). */
  onProgress?: (done: number, total?: number) => void;
  /** Opens a trace workload's `path` (the CLI passes its file opener); needed only for trace workloads. */
  openTrace?: (path: string) => TraceSource;
  /**
   * Replay only the files whose path hashes into this fraction (SHARDS spatial sampling), with page stores
   * scaled to it: hit ratios estimate the full run's, counts are the sample's. 1 (the default) replays all.
   */
  sample?: number;
}

function sampleOf(options: SimulateOptions): SpatialSample | undefined {
  return options.sample === undefined ? undefined : new SpatialSample(options.sample, 'sample');
}

function buildWorkload(s: Scenario, openTrace: SimulateOptions['openTrace']): Workload {
  if (s.workload.type === 'trace') {
    if (!openTrace)
      throw new RingSimError(
        'workload.path',
        s.workload.path,
        'a trace workload needs a trace opener',
        'pass simulate(scenario, { openTrace }) (the CLI opens files)',
      );
    return traceWorkload(s.workload, s.pathTemplate, openTrace(s.workload.path));
  }
  return syntheticWorkload(s.workload, s.seed, s.pathTemplate, s.requestsPerSecond);
}

/**
 * Steps through one replay of `scenario`: each closed window and each event as it happens; its return value is
 * the result with the events' lowest hit ratio and recovery not measured (null: see `simulation`).
 */
export function replaySteps(scenario: Scenario, options: SimulateOptions = {}): AsyncGenerator<SimulationStep, SimulationResult> {
  const sample = sampleOf(options);
  const shard = new SimulationShard(
    scenario,
    buildWorkload(scenario, options.openTrace),
    { stores: { shard: 0, shards: 1 }, routesReads: true, ownsClusterFigures: true },
    sample,
  );
  const merger = new Merger(scenario, sample?.rate);
  return (async function* () {
    for await (const step of shard.run(options.onProgress)) {
      const out = merger.step([step]);
      if (out) yield out;
    }
    return merger.result([shard.final()]);
  })();
}

/** One replay of `scenario`, its events' recovery not measured (what `mergeShards` gives for the same run). */
export async function replay(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  const it = replaySteps(scenario, options);
  for (;;) {
    const step = await it.next();
    if (step.done) return step.value;
  }
}

/**
 * Steps through a simulation: each closed window as the replay reaches it, then each event with its final figures
 * (moved, after, lowest, recovery, overlaps: the objects of the result's `events`), in time order. Its return
 * value is the result; when there are events, the baseline (the same reads without them) is replayed after the
 * run to measure their recovery against, which takes about as long again.
 */
export function simulation(scenario: Scenario, options: SimulateOptions = {}): AsyncGenerator<SimulationStep, SimulationResult> {
  return (async function* () {
    const steps = replaySteps(scenario, options);
    let step = await steps.next();
    for (; !step.done; step = await steps.next()) if (step.value.kind === 'window') yield step.value;
    if (!scenario.events.length) return step.value;
    const result = measureEvents(step.value, await replay(baselineScenario(scenario), options));
    for (const event of result.events) yield { kind: 'event', event };
    return result;
  })();
}

/** Runs a whole simulation (and, with events, its baseline) and returns its result (plain, JSON-serialisable data). */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  const it = simulation(scenario, options);
  for (;;) {
    const step = await it.next();
    if (step.done) return step.value;
  }
}

/** Runs `scenario` and its baseline (one after the other) and returns the run with `baseline` and `delta`, its events' recovery measured. */
export async function simulateWithBaseline(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  const run = await replay(scenario, options);
  const base = await replay(baselineScenario(scenario), options);
  return withBaseline(measureEvents(run, base), base);
}

/**
 * Runs shard `spec.shard` of `spec.shards`: every read and event, with the page stores of the workers whose
 * index is `spec.shard` modulo `spec.shards`. Plain data, for `mergeShards` (possibly in another thread).
 */
export async function simulateShard(scenario: Scenario, spec: ShardSpec, options: SimulateOptions = {}): Promise<ShardResult> {
  checkSpec(spec);
  return runShard(scenario, spec.shard, { stores: spec, routesReads: true, ownsClusterFigures: spec.shard === 0 }, options);
}

function checkSpec(spec: ShardSpec): void {
  if (!Number.isInteger(spec.shards) || spec.shards < 1 || !Number.isInteger(spec.shard) || spec.shard < 0 || spec.shard >= spec.shards) {
    throw new RingSimError('shard', spec, 'a shard is a whole number from 0 to shards - 1', 'run shards 0 … N-1 of N');
  }
}

/** The files `catalog` gained since the last call (what a trace's router ships ahead of the reads of them). */
function newFilesOf(catalog: FileCatalog): () => NewFiles {
  let shipped = 0;
  return () => {
    const files: NewFiles = { sizes: [], paths: [] };
    for (; shipped < catalog.count; shipped++) {
      files.sizes.push(catalog.size(shipped));
      files.paths.push(catalog.path(shipped));
    }
    return files;
  };
}

/** A store shard's view of a trace: the files the router ships, added as their batches arrive. */
function shippedWorkload(batches: Iterable<RoutedBatch>): { workload: Workload; batches: Iterable<RoutedBatch> } {
  const catalog = new PathCatalog();
  const workload: Workload = { catalog, totalRequests: undefined, batches: async function* () {} };
  return {
    workload,
    batches: (function* () {
      for (const b of batches) {
        catalog.add(b.files);
        yield b;
      }
    })(),
  };
}

async function runShard(
  scenario: Scenario,
  index: number,
  role: ShardRole,
  options: SimulateOptions,
  queue?: SharedReadQueue,
  storeShard = 0,
): Promise<ShardResult> {
  try {
    return await replayShard(scenario, index, role, options, queue, storeShard);
  } catch (e) {
    queue?.abort(); // whatever failed (the workload, the placement, a read), the other threads stop waiting
    throw e;
  }
}

async function replayShard(
  scenario: Scenario,
  index: number,
  role: ShardRole,
  options: SimulateOptions,
  queue?: SharedReadQueue,
  storeShard = 0,
): Promise<ShardResult> {
  let workload: Workload;
  let routed: Iterable<RoutedBatch> | undefined;
  if (!role.routesReads && queue && scenario.workload.type === 'trace') ({ workload, batches: routed } = shippedWorkload(queue.batches(storeShard)));
  else {
    workload = buildWorkload(scenario, options.openTrace);
    routed = role.routesReads ? undefined : queue?.batches(storeShard);
  }
  const shard = new SimulationShard(scenario, workload, role, sampleOf(options), routed);
  const ship = queue && queue.shape.fileBytes > 0 && scenario.workload.type === 'trace' ? newFilesOf(workload.catalog) : undefined;
  const sink: RouteSink | undefined = role.routesReads && queue ? (n, file, time, host) => queue.publish(n, file, time, host, ship?.()) : undefined;
  const steps: ShardStep[] = [];
  for await (const step of shard.run(options.onProgress, sink)) steps.push(step);
  return { shard: index, sample: options.sample, steps, final: shard.final() };
}

/**
 * The router of a run split over `queue.shape.shards` store shards: generates (or reads) every read once, routes
 * it and publishes it to `queue`, holding no page store; counts reads of offline workers and measures what ring
 * changes moved (unless `ownsClusterFigures` is false: the router of a `--shard` other than 0, whose shard 0 owns
 * them). Its result is shard 0 for `mergeShards`; store shard k's is k + 1.
 */
export async function simulateRouter(
  scenario: Scenario,
  queue: SharedReadQueue,
  options: SimulateOptions = {},
  ownsClusterFigures = true,
): Promise<ShardResult> {
  if (scenario.workload.type === 'trace' && queue.shape.fileBytes === 0) {
    queue.abort();
    throw new RingSimError(
      'workload.type',
      'trace',
      "a trace's router ships the files it finds, and this ring ships none",
      'make the queue with SharedReadQueue.create(shards, slots, batch, fileBytes)',
    );
  }
  const result = await runShard(scenario, 0, { stores: null, routesReads: true, ownsClusterFigures }, options, queue);
  queue.close();
  return result;
}

/**
 * Store shard `spec.shard` of `spec.shards` (`queue.shape.shards`): the page stores of the workers whose index is
 * `spec.shard` modulo `spec.shards`, replaying the router's routed reads from `queue` and every event. Blocks
 * while it waits for reads: run it in its own thread. Its result is shard `spec.shard + 1` for `mergeShards`.
 * `slot`: the queue's consumer it reads as, when the queue feeds only some of `spec.shards` (thread t of
 * `--shard I/N` on T threads is store shard I + N t of N T, slot t); by default `spec.shard`.
 */
export async function simulateStores(
  scenario: Scenario,
  spec: ShardSpec,
  queue: SharedReadQueue,
  options: SimulateOptions = {},
  slot?: number,
): Promise<ShardResult> {
  checkSpec(spec);
  if (scenario.workload.type === 'trace' && queue.shape.fileBytes === 0)
    throw new RingSimError(
      'workload.type',
      'trace',
      "a store shard learns a trace's files from the router, and this ring ships none",
      'make the queue with SharedReadQueue.create(shards, slots, batch, fileBytes)',
    );
  if (slot === undefined && spec.shards !== queue.shape.shards)
    throw new RingSimError(
      'shards',
      spec.shards,
      `the ring was made for ${queue.shape.shards} store shards`,
      'make the queue with SharedReadQueue.create(shards)',
    );
  if (slot !== undefined && (!Number.isInteger(slot) || slot < 0 || slot >= queue.shape.shards))
    throw new RingSimError('slot', slot, `the ring feeds slots 0 to ${queue.shape.shards - 1}`, "read as one of the ring's slots");
  return runShard(scenario, spec.shard + 1, { stores: spec, routesReads: false, ownsClusterFigures: false }, options, queue, slot ?? spec.shard);
}

/** The result of a run from all its shards (in any order; each shard exactly once), as `replay` gives it. */
export function mergeShards(scenario: Scenario, shards: readonly ShardResult[]): SimulationResult {
  const n = shards[0]?.steps.length ?? 0;
  if (shards.length === 0 || shards.some((s) => s.steps.length !== n))
    throw new RingSimError('shards', shards.length, 'the shards did not replay the same run', 'merge the shards of one scenario');
  const ordered = [...shards].sort((a, b) => a.shard - b.shard);
  if (ordered.some((s, i) => s.shard !== i))
    throw new RingSimError(
      'shards',
      ordered.map((s) => s.shard),
      'each shard 0 … N-1 must be given once',
      'merge every shard of one run',
    );
  const merger = new Merger(scenario, ordered[0].sample);
  for (let k = 0; k < n; k++) merger.step(ordered.map((s) => s.steps[k]));
  return merger.result(ordered.map((s) => s.final));
}
