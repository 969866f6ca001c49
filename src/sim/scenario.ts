/**
 * Scenarios: a cluster, its placement, a workload and a timeline of events, as YAML or JSON. Validation gives
 * one clear error per bad field (its path, the value, and the fix); unknown fields are errors too, since a
 * misspelt field silently ignored would change the result.
 */
import { parseYamlDocuments } from '../core/yaml.js';
import { parseQuantity } from '../capacity/quantity.js';
import { parseAlluxioSize } from '../capacity/alluxio-size.js';
import { EVICTION_POLICIES } from '../pagestore/eviction/index.js';
import { ALLUXIO_EVICTION_RETRIES, ALLUXIO_PAGE_SIZE_BYTES } from '../core/page-size.js';
import { FieldReader } from '../core/field-reader.js';
import { ALGORITHM_NAMES } from '../ring/registry.js';
import { TRACE_FORMATS, type TraceFormat } from './trace/index.js';
import type { RingMode } from '../membership/membership.js';
import { readUfs, type UfsModel } from './ufs.js';
import { checkDowntimes, checkOrder, checkWithinReads, epochToRead, plannedReads, readsPerEpoch, timeToRead, type TimedEvent } from './timeline.js';

export interface WorkerGroup {
  name: string;
  count: number;
  /** Page store size in bytes (from a Kubernetes quantity): the sum of `dirs`. */
  sizeBytes: number;
  /** Each page-store directory's size in bytes, in `pagestore.dirs` order (one entry for `pagestore.size`). */
  dirs: number[];
  reservedBytes: number;
  pageSizeBytes: number;
  policy: string;
  /** `alluxio.worker.page.store.eviction.retries`: a put evicts at most this + 1 pages of its directory. */
  evictionRetries: number;
  /** The worker identity file is on a persistent volume (or set explicitly): restarts keep the identity. */
  persistentIdentity: boolean;
  /** The page store is on hostPath or a PVC (survives a restart), not an emptyDir. */
  persistentPageStore: boolean;
}

export type FileSizeSpec =
  { kind: 'fixed'; bytes: number } | { kind: 'uniform'; min: number; max: number } | { kind: 'lognormal'; mean: number; sd: number; min: number; max: number };

export type WorkloadSpec =
  | { type: 'uniform'; files: number; fileSize: FileSizeSpec; requests: number }
  | { type: 'zipf'; files: number; alpha: number; fileSize: FileSizeSpec; requests: number }
  | { type: 'training'; files: number; fileSize: FileSizeSpec; epochs: number; jobs: number; shuffle: boolean }
  | { type: 'hotset'; files: number; fileSize: FileSizeSpec; requests: number; hotFraction: number; hotProbability: number; shiftEvery: number }
  | {
      type: 'trace';
      path: string;
      format: TraceFormat;
      objectSize?: number;
      csv?: { timeCol?: number; idCol?: number; sizeCol?: number; delimiter?: string; hasHeader?: boolean; idIsNum?: boolean };
      requests?: number;
    };

export type EventAction =
  | { action: 'add-workers'; count: number; group: string }
  | { action: 'scale-in'; worker: string }
  | { action: 'stop-worker'; worker: string }
  | { action: 'start-worker'; worker: string }
  /** `downtime`: the reads the worker is offline before it comes back (0: stop and start at once). */
  | { action: 'restart-worker'; worker: string; keepIdentity?: boolean; keepPageStore?: boolean; downtime?: number }
  | { action: 'remove-worker'; worker: string }
  | { action: 'set-capacity'; worker: string; sizeBytes: number }
  | { action: 'set-page-size'; worker: string; pageSizeBytes: number };

/**
 * When an event happens: `at` (the reads before it), or `atTime` (seconds of the workload's clock). `atEpoch` (a
 * training workload's epochs, 1.5: half way through the second) is kept as written beside the `at` it gives.
 */
export type ScenarioEvent = EventAction & { at?: number; atTime?: number; atEpoch?: number; label?: string };

export interface Scenario {
  name: string;
  seed: number;
  cluster: { groups: WorkerGroup[] };
  placement: {
    algorithm: string;
    vnodes?: number;
    /** dynamic: live workers only; static: every registered worker, lost ones included. */
    ring: RingMode;
    replicas: number;
    /** Requests between a membership change and the client's ring seeing it. */
    refreshDelay: number;
    /** Weight workers by page-store capacity (weighted algorithms only). */
    weightByCapacity: boolean;
  };
  workload: WorkloadSpec;
  /** Template of a file's UFS path; `{index}` is the file number, `{key}` a trace key. */
  pathTemplate: string;
  /** Requests (file reads) a second, to give synthetic workloads a clock for `atTime` events. */
  requestsPerSecond?: number;
  metrics: { window: number };
  events: ScenarioEvent[];
  /** The under-storage's limits and prices (the `ufs:` block; absent: bytes and requests only). */
  ufs?: UfsModel;
}

type Obj = Record<string, unknown>;

/** The scenario's field reader: the core one, plus sizes in Kubernetes quantities and Alluxio size strings. */
class Reader extends FieldReader {
  /** A byte count from a Kubernetes quantity (`100Gi`) or a plain number of bytes. */
  quantity(v: unknown, path: string, fallback?: number): number {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v) || v < 0) this.fail(path, v, 'must be a whole number of bytes', 'write e.g. 100Gi');
      return v;
    }
    if (typeof v !== 'string') this.fail(path, v, 'must be a size', 'write a Kubernetes quantity such as 100Gi');
    let q;
    try {
      q = parseQuantity(v);
    } catch {
      this.fail(
        path,
        v,
        'not a Kubernetes quantity',
        /B$/i.test(v)
          ? `Kubernetes has no "${v.replace(/[\d.\s]/g, '')}": write ${v.replace(/([KMGTP])i?B$/i, (_m, p: string) => `${p.toUpperCase()}i`)}`
          : 'write e.g. 100Gi (binary) or 100G (decimal)',
      );
    }
    if (q.sign < 0) this.fail(path, v, 'must not be negative', 'write a positive size');
    if (['m', 'u', 'n'].includes(q.suffix))
      this.fail(path, v, `"${q.suffix}" is a fraction (milli/micro/nano), not mega`, `write ${v.replace(/[mun]$/, 'Mi')}`);
    const b = q.bytes;
    if (b > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(path, v, 'is too large', 'use a size below 8 PiB');
    return Number(b);
  }

  /** A byte count from an Alluxio size string (binary: `1MB` = 1 MiB) or a number. */
  alluxioSize(v: unknown, path: string, fallback: number): number {
    if (v === undefined) return fallback;
    if (typeof v === 'number') return this.int(v, path, 1);
    if (typeof v !== 'string') this.fail(path, v, 'must be a size', 'write e.g. 1MB (Alluxio sizes are binary)');
    let b: bigint;
    try {
      b = parseAlluxioSize(v);
    } catch {
      this.fail(path, v, 'not an Alluxio size', 'write e.g. 1MB or 4MiB');
    }
    if (b <= 0n || b > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(path, v, 'must be a positive size', 'write e.g. 1MB');
    return Number(b);
  }
}

function fileSize(r: Reader, v: unknown, path: string): FileSizeSpec {
  if (v === undefined) return { kind: 'fixed', bytes: 64 * 2 ** 20 };
  if (typeof v === 'string' || typeof v === 'number') return { kind: 'fixed', bytes: Math.max(1, r.quantity(v, path)) };
  const o = r.object(v, path, ['distribution', 'min', 'max', 'mean', 'sd']);
  const kind = r.choice(o.distribution, `${path}.distribution`, ['fixed', 'uniform', 'lognormal'] as const);
  if (kind === 'uniform') {
    const min = r.quantity(o.min, `${path}.min`);
    const max = r.quantity(o.max, `${path}.max`);
    if (min < 1 || max < min) r.fail(`${path}.max`, o.max, 'must be at least min (and min at least 1 byte)', 'write min <= max');
    return { kind, min, max };
  }
  if (kind === 'lognormal') {
    const mean = r.quantity(o.mean, `${path}.mean`);
    const sd = r.quantity(o.sd, `${path}.sd`, 0);
    const min = r.quantity(o.min, `${path}.min`, 1);
    const max = r.quantity(o.max, `${path}.max`, mean * 100);
    if (mean < 1) r.fail(`${path}.mean`, o.mean, 'must be at least 1 byte', 'write e.g. mean: 2.8Mi');
    return { kind, mean, sd, min: Math.max(1, min), max };
  }
  return { kind: 'fixed', bytes: Math.max(1, r.quantity(o.mean ?? o.min, `${path}.mean`)) };
}

/** Validates a scenario object (parsed YAML/JSON). `source` names it in errors. */
export function readScenario(data: unknown, source = 'scenario'): Scenario {
  const r = new Reader(source);
  const top = r.object(data, 'scenario', ['name', 'seed', 'cluster', 'placement', 'workload', 'events', 'metrics', 'pathTemplate', 'requestsPerSecond', 'ufs']);
  const seed = r.int(top.seed, 'seed', 0, 2 ** 32 - 1, 1);
  const groups = readGroups(r, top.cluster);
  const names = new Set(groups.map((g) => g.name));
  const placement = readPlacement(r, top.placement, groups);
  const workload = readWorkload(r, top.workload);
  const type = workload.type;
  const metrics = r.object(top.metrics ?? {}, 'metrics', ['window']);
  const requestsPerSecond = top.requestsPerSecond === undefined ? undefined : r.num(top.requestsPerSecond, 'requestsPerSecond', 1e-9, 1e12);
  const eventsValue: unknown = top.events === undefined ? [] : top.events;
  if (!Array.isArray(eventsValue)) r.fail('events', eventsValue, 'must be a list', 'write events: [{ at: 100000, action: add-workers, count: 1 }]');
  const scenario: Scenario = {
    name: r.str(top.name, 'name', 'scenario'),
    seed,
    cluster: { groups },
    placement,
    workload,
    pathTemplate: r.str(top.pathTemplate, 'pathTemplate', type === 'trace' ? 's3://ring-sim/trace/{key}' : 's3://ring-sim/dataset/file-{index}'),
    metrics: { window: r.int(metrics.window, 'metrics.window', 1, Number.MAX_SAFE_INTEGER, 10_000) },
    events: (eventsValue as unknown[]).map((e: unknown, i: number) =>
      readEvent(r, e, `events[${i}]`, names, workload, type === 'trace' ? undefined : requestsPerSecond),
    ),
  };
  const ufs = readUfs(r, top.ufs);
  if (ufs) scenario.ufs = ufs;
  if (requestsPerSecond !== undefined) scenario.requestsPerSecond = requestsPerSecond;
  if (scenario.events.some((e) => e.atTime !== undefined) && scenario.requestsPerSecond === undefined && type !== 'trace') {
    r.fail(
      'requestsPerSecond',
      undefined,
      'events at a time (atTime) need a clock for a synthetic workload',
      'set requestsPerSecond, or give events by request count (at)',
    );
  }
  const timed = scenario.events.map((e, i) => timedEvent(e, i, scenario));
  checkWithinReads(r, timed, plannedReads(workload));
  checkOrder(r, timed);
  checkDowntimes(r, timed, plannedReads(workload));
  return scenario;
}

/** cluster: the worker groups, each with its page store and identity persistence. */
function readGroups(r: Reader, value: unknown): WorkerGroup[] {
  const cluster = r.object(value, 'cluster', ['workerGroups', 'workers']);
  const rawGroupsValue: unknown = cluster.workerGroups ?? (cluster.workers !== undefined ? [{ name: 'worker', ...(cluster.workers as Obj) }] : undefined);
  if (!Array.isArray(rawGroupsValue) || rawGroupsValue.length === 0)
    r.fail(
      'cluster.workerGroups',
      rawGroupsValue,
      'must list at least one worker group',
      'write workerGroups: [{ name: worker, count: 10, pagestore: { size: 100Gi } }]',
    );
  const names = new Set<string>();
  const rawGroups = rawGroupsValue as unknown[];
  return rawGroups.map((g: unknown, i: number): WorkerGroup => {
    const p = `cluster.workerGroups[${i}]`;
    const o = r.object(g, p, ['name', 'count', 'pagestore', 'persistentIdentity', 'identity']);
    const name = r.str(o.name, `${p}.name`, `group-${i}`);
    if (names.has(name)) r.fail(`${p}.name`, name, 'duplicate group name', 'give every group a distinct name');
    names.add(name);
    const ps = r.object(o.pagestore ?? {}, `${p}.pagestore`, ['size', 'dirs', 'reservedSize', 'pageSize', 'policy', 'evictionRetries', 'persistent', 'type']);
    const dirs = readDirs(r, ps, `${p}.pagestore`);
    const sizeBytes = dirs.reduce((sum, d) => sum + d, 0);
    const reservedBytes = r.quantity(ps.reservedSize, `${p}.pagestore.reservedSize`, 0);
    if (reservedBytes > sizeBytes) r.fail(`${p}.pagestore.reservedSize`, ps.reservedSize, 'is larger than size', 'set reservedSize to about 10 % of size');
    const type = ps.type === undefined ? undefined : r.choice(ps.type, `${p}.pagestore.type`, ['hostPath', 'persistentVolumeClaim', 'emptyDir'] as const);
    const persistentPageStore = ps.persistent !== undefined ? r.bool(ps.persistent, `${p}.pagestore.persistent`, true) : type !== 'emptyDir';
    let persistentIdentity = true;
    if (o.identity !== undefined) persistentIdentity = r.choice(o.identity, `${p}.identity`, ['persisted', 'ephemeral'] as const) === 'persisted';
    if (o.persistentIdentity !== undefined) persistentIdentity = r.bool(o.persistentIdentity, `${p}.persistentIdentity`, true);
    return {
      name,
      count: r.int(o.count, `${p}.count`, 1, 100_000),
      sizeBytes,
      dirs,
      reservedBytes,
      pageSizeBytes: r.alluxioSize(ps.pageSize, `${p}.pagestore.pageSize`, ALLUXIO_PAGE_SIZE_BYTES),
      policy: r.choice(ps.policy, `${p}.pagestore.policy`, EVICTION_POLICIES, 'lru'),
      evictionRetries: r.int(ps.evictionRetries, `${p}.pagestore.evictionRetries`, 0, 1_000_000, ALLUXIO_EVICTION_RETRIES),
      persistentIdentity,
      persistentPageStore,
    };
  });
}

/**
 * The page store's directories: `size` (one directory) or `dirs: [{ size }, …]` (one per
 * `alluxio.worker.page.store.dirs` entry, in that order), exactly one of the two.
 */
function readDirs(r: Reader, ps: Obj, p: string): number[] {
  if (ps.size !== undefined && ps.dirs !== undefined) {
    r.fail(
      `${p}.dirs`,
      ps.dirs,
      'is given with size: a page store has one of the two',
      'keep size (one directory) or dirs (one { size } per directory), not both',
    );
  }
  if (ps.size === undefined && ps.dirs === undefined) {
    r.fail(
      `${p}.size`,
      ps.size,
      'is missing: a page store needs size (one directory) or dirs (one { size } per directory)',
      'write size: 100Gi, or dirs: [{ size: 50Gi }, { size: 50Gi }]',
    );
  }
  if (ps.size !== undefined) {
    const size = r.quantity(ps.size, `${p}.size`);
    if (size <= 0) r.fail(`${p}.size`, ps.size, 'must be positive', 'write e.g. size: 100Gi');
    return [size];
  }
  if (!Array.isArray(ps.dirs) || ps.dirs.length === 0)
    r.fail(`${p}.dirs`, ps.dirs, 'must list at least one directory', 'write dirs: [{ size: 50Gi }, { size: 50Gi }]');
  return (ps.dirs as unknown[]).map((d, i) => {
    const o = r.object(d, `${p}.dirs[${i}]`, ['size']);
    const size = r.quantity(o.size, `${p}.dirs[${i}].size`);
    if (size <= 0) r.fail(`${p}.dirs[${i}].size`, o.size, 'must be positive', 'write e.g. size: 50Gi');
    return size;
  });
}

/** placement: the algorithm and its ring; no more replicas than workers. */
function readPlacement(r: Reader, value: unknown, groups: readonly WorkerGroup[]): Scenario['placement'] {
  const pl = r.object(value ?? {}, 'placement', ['algorithm', 'vnodes', 'ring', 'replicas', 'refreshDelay', 'weightByCapacity']);
  const placement: Scenario['placement'] = {
    algorithm: r.choice(pl.algorithm, 'placement.algorithm', ALGORITHM_NAMES, 'alluxio-consistent'),
    ring: r.choice(pl.ring, 'placement.ring', ['dynamic', 'static'] as const, 'dynamic'),
    replicas: r.int(pl.replicas, 'placement.replicas', 1, 16, 1),
    refreshDelay: r.int(pl.refreshDelay, 'placement.refreshDelay', 0, Number.MAX_SAFE_INTEGER, 0),
    weightByCapacity: r.bool(pl.weightByCapacity, 'placement.weightByCapacity', false),
  };
  if (pl.vnodes !== undefined) placement.vnodes = r.int(pl.vnodes, 'placement.vnodes', 1, 16_777_216);
  const total = groups.reduce((s, g) => s + g.count, 0);
  if (placement.replicas > total) r.fail('placement.replicas', placement.replicas, `is more than the ${total} workers`, `use at most ${total}`);
  return placement;
}

/** workload: a synthetic one (uniform, zipf, training, hotset) or a trace. */
function readWorkload(r: Reader, value: unknown): WorkloadSpec {
  const w = r.object(value, 'workload', [
    'type',
    'files',
    'fileSize',
    'requests',
    'alpha',
    'epochs',
    'jobs',
    'shuffle',
    'hotFraction',
    'hotProbability',
    'shiftEvery',
    'path',
    'format',
    'objectSize',
    'csv',
  ]);
  const type = r.choice(w.type, 'workload.type', ['uniform', 'zipf', 'training', 'hotset', 'trace'] as const);
  let workload: WorkloadSpec;
  const files = (): number => r.int(w.files, 'workload.files', 1, 100_000_000);
  const requests = (): number => r.int(w.requests, 'workload.requests', 1);
  switch (type) {
    case 'uniform':
      workload = { type, files: files(), fileSize: fileSize(r, w.fileSize, 'workload.fileSize'), requests: requests() };
      break;
    case 'zipf':
      workload = {
        type,
        files: files(),
        alpha: r.num(w.alpha, 'workload.alpha', 0, 5, 0.99),
        fileSize: fileSize(r, w.fileSize, 'workload.fileSize'),
        requests: requests(),
      };
      break;
    case 'training':
      workload = {
        type,
        files: files(),
        fileSize: fileSize(r, w.fileSize, 'workload.fileSize'),
        epochs: r.int(w.epochs, 'workload.epochs', 1, 100_000, 1),
        jobs: r.int(w.jobs, 'workload.jobs', 1, 1000, 1),
        shuffle: r.bool(w.shuffle, 'workload.shuffle', true),
      };
      break;
    case 'hotset':
      workload = {
        type,
        files: files(),
        fileSize: fileSize(r, w.fileSize, 'workload.fileSize'),
        requests: requests(),
        hotFraction: r.num(w.hotFraction, 'workload.hotFraction', 1e-9, 1, 0.1),
        hotProbability: r.num(w.hotProbability, 'workload.hotProbability', 0, 1, 0.9),
        shiftEvery: r.int(w.shiftEvery, 'workload.shiftEvery', 1, Number.MAX_SAFE_INTEGER, 100_000),
      };
      break;
    case 'trace': {
      const csv = w.csv === undefined ? undefined : r.object(w.csv, 'workload.csv', ['timeCol', 'idCol', 'sizeCol', 'delimiter', 'hasHeader', 'idIsNum']);
      workload = {
        type,
        path: r.str(w.path, 'workload.path'),
        format: r.choice(w.format, 'workload.format', TRACE_FORMATS),
        objectSize: w.objectSize === undefined ? undefined : r.quantity(w.objectSize, 'workload.objectSize'),
        csv: csv as never,
        requests: w.requests === undefined ? undefined : requests(),
      };
      break;
    }
  }
  return workload;
}

/** An event's place on the timeline, as a read index when the scenario alone gives it (src/sim/timeline.ts). */
function timedEvent(e: ScenarioEvent, index: number, s: Scenario): TimedEvent {
  const worker = 'worker' in e ? e.worker : undefined;
  const downtime = e.action === 'restart-worker' && e.downtime ? e.downtime : undefined;
  if (e.atEpoch !== undefined) return { index, field: 'atEpoch', value: e.atEpoch, read: e.at, worker, downtime };
  if (e.at !== undefined) return { index, field: 'at', value: e.at, read: e.at, worker, downtime };
  const clock = s.workload.type === 'trace' ? undefined : s.requestsPerSecond;
  return { index, field: 'atTime', value: e.atTime!, read: clock === undefined ? undefined : timeToRead(e.atTime!, clock), worker, downtime };
}

function readEvent(r: Reader, e: unknown, p: string, groups: Set<string>, workload: WorkloadSpec, clock: number | undefined): ScenarioEvent {
  const o = r.object(e, p, [
    'at',
    'atTime',
    'atEpoch',
    'action',
    'count',
    'group',
    'worker',
    'keepIdentity',
    'keepPageStore',
    'downtime',
    'size',
    'pageSize',
    'label',
  ]);
  const action = r.choice(o.action, `${p}.action`, [
    'add-workers',
    'scale-in',
    'stop-worker',
    'start-worker',
    'restart-worker',
    'remove-worker',
    'set-capacity',
    'set-page-size',
  ] as const);
  const given = [o.at, o.atTime, o.atEpoch].filter((x) => x !== undefined).length;
  if (given !== 1) r.fail(`${p}.at`, o.at, 'give exactly one of at (a read count), atTime (seconds) and atEpoch (training epochs)', 'write e.g. at: 100000');
  const when: { at?: number; atTime?: number; atEpoch?: number; label?: string } = {};
  if (o.at !== undefined) when.at = r.int(o.at, `${p}.at`, 0);
  if (o.atTime !== undefined) when.atTime = r.num(o.atTime, `${p}.atTime`, 0, 1e12);
  if (o.atEpoch !== undefined) {
    if (workload.type !== 'training')
      r.fail(`${p}.atEpoch`, o.atEpoch, `epochs are a training workload's, and this one is ${workload.type}`, 'give at (a read count) or atTime (seconds)');
    when.atEpoch = r.num(o.atEpoch, `${p}.atEpoch`, 0, 1e9);
    when.at = epochToRead(when.atEpoch, readsPerEpoch(workload));
  }
  if (o.label !== undefined) when.label = r.str(o.label, `${p}.label`);
  const worker = (): string => {
    if (typeof o.worker === 'number' && Number.isInteger(o.worker)) return String(o.worker);
    return r.str(o.worker, `${p}.worker`);
  };
  switch (action) {
    case 'add-workers': {
      const group = r.str(o.group, `${p}.group`, [...groups][0]);
      if (!groups.has(group)) r.fail(`${p}.group`, group, 'no such worker group', `use one of ${[...groups].join(', ')}`);
      return { ...when, action, count: r.int(o.count, `${p}.count`, 1, 100_000, 1), group };
    }
    case 'restart-worker': {
      const restart: Extract<ScenarioEvent, { action: 'restart-worker' }> = {
        ...when,
        action,
        worker: worker(),
        keepIdentity: o.keepIdentity === undefined ? undefined : r.bool(o.keepIdentity, `${p}.keepIdentity`, true),
        keepPageStore: o.keepPageStore === undefined ? undefined : r.bool(o.keepPageStore, `${p}.keepPageStore`, true),
      };
      if (o.downtime !== undefined) restart.downtime = readDowntime(r, o.downtime, `${p}.downtime`, clock);
      return restart;
    }
    case 'set-capacity':
      return { ...when, action, worker: worker(), sizeBytes: r.quantity(o.size, `${p}.size`) };
    case 'set-page-size':
      if (o.pageSize === undefined)
        r.fail(`${p}.pageSize`, o.pageSize, 'set-page-size needs the new page size', 'write e.g. pageSize: 4MB (an Alluxio size: binary)');
      return { ...when, action, worker: worker(), pageSizeBytes: r.alluxioSize(o.pageSize, `${p}.pageSize`, ALLUXIO_PAGE_SIZE_BYTES) };
    default:
      return { ...when, action, worker: worker() };
  }
}

/**
 * A restart's `downtime` in reads: a whole number of reads, or seconds (`30s`) on a synthetic workload's clock
 * (`requestsPerSecond`): the reads made in that many seconds (src/sim/timeline.ts, `timeToRead`).
 */
function readDowntime(r: Reader, v: unknown, path: string, clock: number | undefined): number {
  if (typeof v !== 'string') return r.int(v, path, 0);
  const m = /^(\d+(?:\.\d+)?)\s*s$/.exec(v.trim());
  if (!m) r.fail(path, v, 'must be a number of reads or of seconds', 'write e.g. downtime: 5000 (reads) or downtime: 30s (seconds, with requestsPerSecond)');
  if (clock === undefined)
    r.fail(
      path,
      v,
      'is in seconds, and this scenario has no read rate',
      'set requestsPerSecond (synthetic workloads), or give the downtime in reads (downtime: 5000)',
    );
  return timeToRead(Number(m[1]), clock);
}

/** Parses YAML or JSON text, then validates it. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  // One document; nesting depth and alias expansion bounded before and while parsing (core/yaml.ts).
  const [data] = parseYamlDocuments(text, source, { maxDocuments: 1, maxAliases: 100, uniqueKeys: true });
  return readScenario(data ?? null, source);
}
