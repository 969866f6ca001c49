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
 */
import { createPlacement } from '../ring/registry.js';
import { movement } from '../ring/analysis/movement.js';
import type { Placement } from '../ring/placement.js';
import type { TraceSource } from './trace/source.js';
import { RingSimError } from '../core/errors.js';
import { Cluster, type Host, type Identity } from './cluster.js';
import type { Scenario, ScenarioEvent } from './scenario.js';
import { syntheticWorkload } from './workload/synthetic.js';
import { traceWorkload } from './workload/trace-workload.js';
import type { Workload } from './workload/workload.js';

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
  /** Busiest worker's page requests (and bytes) over the mean of the online workers. */
  workerRequestsMaxOverMean: number;
  workerBytesMaxOverMean: number;
  occupiedBytes: number;
  capacityBytes: number;
  occupancy: number;
  /** Page requests each worker served in the window, indexed like `workers` (workers added later are absent). */
  workerPageRequests: number[];
}

type Counters = { requests: number; pageRequests: number; pageHits: number; bytes: number; hitBytes: number; ufsBytes: number; unavailableBytes: number };
type MeasuredFields = Omit<WindowMetrics, 'start' | 'end' | 'time' | 'workerPageRequests'>;

/** Busiest over mean of `values[i]` over the workers `indices` (0 when they have nothing). */
function maxOverMean(values: Float64Array, indices: readonly number[]): number {
  let max = 0;
  let sum = 0;
  for (const i of indices) {
    sum += values[i];
    if (values[i] > max) max = values[i];
  }
  return sum > 0 ? max / (sum / indices.length) : 0;
}

/** The metrics a window and the whole run share, from their counters and the workers' load. */
function measured(c: Counters, requestLoad: number, byteLoad: number, occupied: number, capacity: number): MeasuredFields {
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
  /** Fraction of the workload's files whose preferred worker changed once clients saw the change. */
  filesMoved: number;
  /** Bytes of those files. */
  bytesMoved: number;
  /** Fraction of the key hash space that changed worker (exact ring comparison, when available). */
  hashSpaceMoved: number | null;
  /** Cached bytes that clients can no longer reach from cache: lost page stores, and pages whose file now belongs elsewhere. */
  bytesUnreachable: number;
  /** Windowed hit ratio just before. */
  hitRatioBefore: number | null;
  /** The read count from which clients saw the change (`at` + the refresh delay; `at` when the ring did not change). */
  effectiveAt: number;
  /** Windowed hit ratio in the first window that starts once clients see the change. */
  hitRatioAfter: number | null;
  /** The lowest windowed hit ratio from then until recovery. */
  lowestHitRatio: number | null;
  /**
   * Reads from the event until the windowed hit ratio was back within 1 percentage point of its level before
   * (counted from windows that start once clients see the change; null: not within the run).
   */
  recoveryRequests: number | null;
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
}

export interface SimulationResult {
  format: 'ring-sim/simulation';
  version: 1;
  scenario: { name: string; seed: number; algorithm: string; ring: 'dynamic' | 'static'; workers: number; window: number };
  totals: Omit<WindowMetrics, 'start' | 'end' | 'time' | 'workerPageRequests'> & { reads: number; files: number };
  windows: WindowMetrics[];
  events: EventReport[];
  workers: WorkerReport[];
  /** Registered identities left offline at the end (ring bloat from restarts without a persisted identity). */
  offlineIdentities: string[];
}

export type SimulationStep = { kind: 'window'; window: WindowMetrics } | { kind: 'event'; event: EventReport };

export interface SimulateOptions {
  /** Called now and then with the reads done (and the total, when known). */
  onProgress?: (done: number, total?: number) => void;
  /** Opens a trace workload's `path` (the CLI passes its file opener); needed only for trace workloads. */
  openTrace?: (path: string) => TraceSource;
}

function buildWorkload(s: Scenario, openTrace: SimulateOptions['openTrace']): Workload {
  if (s.workload.type === 'trace') {
    if (!openTrace) throw new RingSimError('workload.path', s.workload.path, 'a trace workload needs a trace opener', 'pass simulate(scenario, { openTrace }) (the CLI opens files)');
    return traceWorkload(s.workload, s.pathTemplate, openTrace(s.workload.path));
  }
  return syntheticWorkload(s.workload, s.seed, s.pathTemplate, s.requestsPerSecond);
}

interface ClientView {
  placement: Placement;
  members: Identity[];
  version: number;
}

class Simulation {
  readonly cluster: Cluster;
  readonly workload: Workload;
  private client!: ClientView;
  private pending: Array<{ applyAt: number; members: Identity[]; eventIndex: number }> = [];
  private version = 0;
  private ownerMemo = new Int32Array(0);
  private memoVersion = new Int32Array(0);
  // Counters of the current window and of the whole run.
  private w = this.zero();
  private t = this.zero();
  private hostRequests = new Float64Array(0);
  private hostBytes = new Float64Array(0);
  private totalHostRequests = new Float64Array(0);
  private totalHostBytes = new Float64Array(0);
  private totalHostHits = new Float64Array(0);
  readonly windows: WindowMetrics[] = [];
  readonly events: EventReport[] = [];
  private reads = 0;
  private windowStart = 0;
  private lastTime: number | null = null;
  private readonly pendingEvents: EventReport[] = [];

  constructor(readonly s: Scenario, options: SimulateOptions = {}) {
    this.cluster = new Cluster(s.seed);
    for (const g of s.cluster.groups) for (let i = 0; i < g.count; i++) this.cluster.addHost(g);
    this.workload = buildWorkload(s, options.openTrace);
    const members = this.cluster.ringMembers(s.placement.ring);
    this.client = { placement: this.build(members), members, version: ++this.version };
    this.growHosts();
  }

  private zero(): Counters {
    return { requests: 0, pageRequests: 0, pageHits: 0, bytes: 0, hitBytes: 0, ufsBytes: 0, unavailableBytes: 0 };
  }

  private build(members: readonly Identity[]): Placement {
    if (members.length === 0) throw new RingSimError('events', undefined, 'the ring would have no worker left', 'keep at least one worker registered and online');
    const p = this.s.placement;
    return createPlacement(p.algorithm, this.cluster.placementWorkers(members, p.weightByCapacity), { vnodes: p.vnodes, identity: 'identity' });
  }

  private growHosts(): void {
    const n = this.cluster.hosts.length;
    if (this.hostRequests.length >= n) return;
    const grow = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(Math.max(n, a.length * 2));
      b.set(a);
      return b;
    };
    this.hostRequests = grow(this.hostRequests);
    this.hostBytes = grow(this.hostBytes);
    this.totalHostRequests = grow(this.totalHostRequests);
    this.totalHostBytes = grow(this.totalHostBytes);
    this.totalHostHits = grow(this.totalHostHits);
  }

  /** The host that serves `file` under the client's view, or -1 when its preferred worker is offline. */
  private serve(file: number): number {
    const view = this.client;
    if (file >= this.ownerMemo.length) {
      const size = Math.max(1024, file * 2);
      const memo = new Int32Array(size);
      memo.set(this.ownerMemo);
      const ver = new Int32Array(size);
      ver.set(this.memoVersion);
      this.ownerMemo = memo;
      this.memoVersion = ver;
    }
    let w: number;
    if (this.memoVersion[file] === view.version) w = this.ownerMemo[file];
    else {
      w = view.placement.locateIndex(this.workload.catalog.path(file));
      this.ownerMemo[file] = w;
      this.memoVersion[file] = view.version;
    }
    const identity = view.members[w];
    if (identity.online) return identity.host;
    if (this.s.placement.replicas > 1) {
      const ids = view.placement.locate(this.workload.catalog.path(file), Math.min(this.s.placement.replicas, view.members.length));
      for (const id of ids) {
        const m = view.members.find((x) => x.id === id)!;
        if (m.online) return m.host;
      }
    }
    return -1;
  }

  private read(file: number): void {
    const size = this.workload.catalog.size(file);
    const h = this.serve(file);
    const w = this.w;
    w.requests++;
    if (h === -1) {
      const ps = this.cluster.hosts[0].store.pageSizeBytes;
      w.pageRequests += Math.ceil(size / ps);
      w.bytes += size;
      w.ufsBytes += size;
      w.unavailableBytes += size;
      return;
    }
    const host = this.cluster.hosts[h];
    const cache = host.store.cache;
    const ps = host.store.pageSizeBytes;
    const pages = Math.ceil(size / ps);
    let hits = 0;
    let hitBytes = 0;
    for (let p = 0; p < pages; p++) {
      const len = p === pages - 1 ? size - p * ps : ps;
      if (cache.request(file, p, len)) {
        hits++;
        hitBytes += len;
      }
    }
    w.pageRequests += pages;
    w.pageHits += hits;
    w.bytes += size;
    w.hitBytes += hitBytes;
    w.ufsBytes += size - hitBytes;
    this.hostRequests[h] += pages;
    this.hostBytes[h] += size;
    this.totalHostHits[h] += hits;
  }

  private closeWindow(): WindowMetrics {
    const w = this.w;
    const online = this.cluster.hosts.filter((host) => host.up).map((host) => host.index);
    const requestLoad = maxOverMean(this.hostRequests, online);
    const byteLoad = maxOverMean(this.hostBytes, online);
    const workerPageRequests = Array.from(this.hostRequests.subarray(0, this.cluster.hosts.length));
    for (let i = 0; i < this.cluster.hosts.length; i++) {
      this.totalHostRequests[i] += this.hostRequests[i];
      this.totalHostBytes[i] += this.hostBytes[i];
      this.hostRequests[i] = 0;
      this.hostBytes[i] = 0;
    }
    const window: WindowMetrics = {
      start: this.windowStart,
      end: this.reads,
      time: this.lastTime,
      ...measured(w, requestLoad, byteLoad, this.cluster.totalOccupied(), this.cluster.totalCapacity()),
      workerPageRequests,
    };
    for (const k of Object.keys(w) as Array<keyof typeof w>) {
      this.t[k] += w[k];
      w[k] = 0;
    }
    this.windowStart = this.reads;
    this.windows.push(window);
    this.settleRecoveries(window);
    return window;
  }

  /** Fills in hit ratio after and recovery for events waiting on later windows. */
  private settleRecoveries(window: WindowMetrics): void {
    for (let i = this.pendingEvents.length - 1; i >= 0; i--) {
      const e = this.pendingEvents[i];
      if (window.start < e.effectiveAt) continue; // windows before clients see the change are not "after"
      if (e.hitRatioAfter === null) e.hitRatioAfter = window.hitRatio;
      if (e.lowestHitRatio === null || window.hitRatio < e.lowestHitRatio) e.lowestHitRatio = window.hitRatio;
      if (e.hitRatioBefore === null || window.hitRatio >= e.hitRatioBefore - 0.01) {
        e.recoveryRequests = e.hitRatioBefore === null ? 0 : window.end - e.at;
        this.pendingEvents.splice(i, 1);
      }
    }
  }

  /** Applies client ring changes that are due. Returns the event indexes whose change reached clients. */
  private applyDueRingChanges(): void {
    while (this.pending.length > 0 && this.pending[0].applyAt <= this.reads) {
      const change = this.pending.shift()!;
      const before = this.client;
      const placement = this.build(change.members);
      this.client = { placement, members: change.members, version: ++this.version };
      const report = this.events[change.eventIndex];
      if (report) this.measureMove(before, this.client, report);
    }
  }

  private measureMove(before: ClientView, after: ClientView, report: EventReport): void {
    const catalog = this.workload.catalog;
    let moved = 0;
    let movedBytes = 0;
    const n = catalog.count;
    for (let f = 0; f < n; f++) {
      const path = catalog.path(f);
      const a = before.members[before.placement.locateIndex(path)];
      const b = after.members[after.placement.locateIndex(path)];
      if (a.host !== b.host || a.index !== b.index) {
        moved++;
        movedBytes += catalog.size(f);
      }
    }
    report.filesMoved += n ? moved / n : 0;
    report.bytesMoved += movedBytes;
    const rb = before.placement.ringView();
    const ra = after.placement.ringView();
    if (rb && ra && rb.space === ra.space) {
      report.hashSpaceMoved = (report.hashSpaceMoved ?? 0) + movement(before.placement, after.placement).moved;
    }
  }

  /** Cached bytes that the new membership makes unreachable from cache. */
  private unreachableBytes(members: readonly Identity[], lostHosts: readonly Host[]): number {
    let bytes = 0;
    for (const h of lostHosts) bytes += h.store.cache.occupiedBytes;
    const placement = this.build(members);
    const catalog = this.workload.catalog;
    const cacheOwner = new Map<number, number>();
    for (const host of this.cluster.hosts) {
      if (host.removed || lostHosts.includes(host)) continue;
      host.store.cache.forEach((file, _page, size) => {
        let owner = cacheOwner.get(file);
        if (owner === undefined) {
          const m = members[placement.locateIndex(catalog.path(file))];
          owner = m.online ? m.host : -1;
          cacheOwner.set(file, owner);
        }
        if (owner !== host.index) bytes += size;
      });
    }
    return bytes;
  }

  private handle(e: ScenarioEvent, index: number): EventReport {
    const c = this.cluster;
    const label = e.label ?? `${e.action}${'worker' in e ? ` ${e.worker}` : ''}`;
    const lost: Host[] = [];
    let detail = '';
    switch (e.action) {
      case 'add-workers': {
        const group = this.s.cluster.groups.find((g) => g.name === e.group)!;
        const added = Array.from({ length: e.count }, () => c.addHost(group));
        this.growHosts();
        detail = `added ${added.map((h) => h.name).join(', ')}`;
        break;
      }
      case 'scale-in': {
        const h = c.host(e.worker, `events[${index}].worker`);
        if (h.removed) throw new RingSimError(`events[${index}].worker`, e.worker, 'already scaled in', 'name a running worker');
        h.up = false;
        h.removed = true;
        c.identities[h.identity].online = false;
        lost.push(h);
        detail = `${h.name} (${c.identities[h.identity].id}) left; its identity stays registered, offline`;
        break;
      }
      case 'stop-worker': {
        const h = c.host(e.worker, `events[${index}].worker`);
        if (!h.up) throw new RingSimError(`events[${index}].worker`, e.worker, 'is not running', 'stop a running worker');
        h.up = false;
        c.identities[h.identity].online = false;
        detail = `${h.name} is down`;
        break;
      }
      case 'start-worker':
      case 'restart-worker': {
        const h = c.host(e.worker, `events[${index}].worker`);
        if (h.removed) throw new RingSimError(`events[${index}].worker`, e.worker, 'was scaled in', 'add a worker instead');
        if (e.action === 'start-worker' && h.up) throw new RingSimError(`events[${index}].worker`, e.worker, 'is already running', 'stop it first, or use restart-worker');
        if (e.action === 'restart-worker' && !h.up) throw new RingSimError(`events[${index}].worker`, e.worker, 'is not running', 'use start-worker');
        const keepIdentity = (e.action === 'restart-worker' ? e.keepIdentity : undefined) ?? h.group.persistentIdentity;
        const keepPages = (e.action === 'restart-worker' ? e.keepPageStore : undefined) ?? h.group.persistentPageStore;
        if (!keepPages) {
          lost.push(h);
        }
        const old = c.identities[h.identity];
        if (keepIdentity) {
          old.online = true;
        } else {
          old.online = false;
          c.registerNewIdentity(h);
        }
        h.up = true;
        detail = `${h.name} ${keepIdentity ? `kept ${old.id}` : `registered a new identity ${c.identities[h.identity].id}; ${old.id} stays registered, offline`}; page store ${keepPages ? 'kept' : 'lost'}`;
        break;
      }
      case 'remove-worker': {
        const targets = c.identities.filter((i) => i.registered && (i.id === e.worker || c.hosts[i.host].name === e.worker) && !i.online);
        const running = c.identities.find((i) => i.registered && i.online && (i.id === e.worker));
        if (running) throw new RingSimError(`events[${index}].worker`, e.worker, `Can't remove running worker`, 'stop the worker before removing it');
        if (targets.length === 0) throw new RingSimError(`events[${index}].worker`, e.worker, 'no offline identity of that name or host', 'remove-worker takes an offline identity (worker-<uuid>) or the host whose old identities to remove');
        for (const t of targets) t.registered = false;
        detail = `removed ${targets.map((t) => t.id).join(', ')}`;
        break;
      }
      case 'set-capacity': {
        const h = c.host(e.worker, `events[${index}].worker`);
        const before = h.store.cache.occupiedBytes;
        h.store.resize(e.sizeBytes);
        detail = `${h.name} page store now ${e.sizeBytes} B (${before - h.store.cache.occupiedBytes} B evicted)`;
        break;
      }
    }
    const members = c.ringMembers(this.s.placement.ring);
    const report: EventReport = {
      index,
      label,
      action: e.action,
      at: this.reads,
      time: this.lastTime,
      detail,
      filesMoved: 0,
      bytesMoved: 0,
      hashSpaceMoved: null,
      bytesUnreachable: this.unreachableBytes(members, lost),
      hitRatioBefore: this.windows.length ? this.windows[this.windows.length - 1].hitRatio : null,
      effectiveAt: this.reads,
      hitRatioAfter: null,
      lowestHitRatio: null,
      recoveryRequests: null,
    };
    for (const h of lost) h.store.clear();
    this.events.push(report);
    this.pendingEvents.push(report);
    const changed = members.length !== this.lastMembers().length || members.some((m, i) => m !== this.lastMembers()[i]) || (this.s.placement.weightByCapacity && e.action === 'set-capacity');
    if (changed) {
      report.effectiveAt = this.reads + this.s.placement.refreshDelay;
      this.pending.push({ applyAt: report.effectiveAt, members, eventIndex: report.index });
      this.applyDueRingChanges();
    }
    return report;
  }

  private lastMembers(): Identity[] {
    return this.pending.length ? this.pending[this.pending.length - 1].members : this.client.members;
  }

  async *run(options: SimulateOptions): AsyncGenerator<SimulationStep> {
    const byCount = this.s.events.map((e, i) => ({ e, i })).filter((x) => x.e.at !== undefined).sort((a, b) => a.e.at! - b.e.at! || a.i - b.i);
    const byTime = this.s.events.map((e, i) => ({ e, i })).filter((x) => x.e.atTime !== undefined).sort((a, b) => a.e.atTime! - b.e.atTime! || a.i - b.i);
    let ci = 0;
    let ti = 0;
    const window = this.s.metrics.window;
    const total = this.workload.totalRequests;
    for await (const batch of this.workload.batches()) {
      for (let i = 0; i < batch.length; i++) {
        const time = batch.time[i];
        this.lastTime = Number.isNaN(time) ? null : time;
        while (ci < byCount.length && byCount[ci].e.at! <= this.reads) {
          yield { kind: 'event', event: this.handle(byCount[ci].e, byCount[ci].i) };
          ci++;
        }
        while (ti < byTime.length && !Number.isNaN(time) && byTime[ti].e.atTime! <= time) {
          yield { kind: 'event', event: this.handle(byTime[ti].e, byTime[ti].i) };
          ti++;
        }
        if (this.pending.length && this.pending[0].applyAt <= this.reads) this.applyDueRingChanges();
        this.read(batch.file[i]);
        this.reads++;
        if (this.reads - this.windowStart === window) yield { kind: 'window', window: this.closeWindow() };
      }
      options.onProgress?.(this.reads, total);
    }
    if (this.reads > this.windowStart) yield { kind: 'window', window: this.closeWindow() };
    // Events after the last read still happen (their movement is measured; no window follows).
    while (ci < byCount.length) {
      yield { kind: 'event', event: this.handle(byCount[ci].e, byCount[ci].i) };
      ci++;
    }
    while (ti < byTime.length) {
      yield { kind: 'event', event: this.handle(byTime[ti].e, byTime[ti].i) };
      ti++;
    }
    while (this.pending.length) {
      this.pending[0].applyAt = this.reads;
      this.applyDueRingChanges();
    }
  }

  result(): SimulationResult {
    const registered = this.cluster.hosts.filter((h) => !h.removed).map((h) => h.index);
    return {
      format: 'ring-sim/simulation',
      version: 1,
      scenario: { name: this.s.name, seed: this.s.seed, algorithm: this.s.placement.algorithm, ring: this.s.placement.ring, workers: this.cluster.hosts.length, window: this.s.metrics.window },
      totals: {
        reads: this.reads,
        files: this.workload.catalog.count,
        ...measured(this.t, maxOverMean(this.totalHostRequests, registered), maxOverMean(this.totalHostBytes, registered), this.cluster.totalOccupied(), this.cluster.totalCapacity()),
      },
      windows: this.windows,
      events: this.events,
      workers: this.cluster.hosts.map((h) => ({
        name: h.name,
        group: h.group.name,
        identity: this.cluster.identities[h.identity].id,
        state: h.removed ? 'removed' : h.up ? 'online' : 'offline',
        capacityBytes: h.store.capacityBytes,
        occupiedBytes: h.store.cache.occupiedBytes,
        pageRequests: this.totalHostRequests[h.index],
        bytes: this.totalHostBytes[h.index],
        hitRatio: this.totalHostRequests[h.index] ? this.totalHostHits[h.index] / this.totalHostRequests[h.index] : 0,
      })),
      offlineIdentities: this.cluster.identities.filter((i) => i.registered && !i.online).map((i) => i.id),
    };
  }
}

/** Steps through a simulation: each closed window and each event as it happens. Call `result()` at the end. */
export function simulation(scenario: Scenario, options: SimulateOptions = {}): AsyncGenerator<SimulationStep, SimulationResult> {
  const sim = new Simulation(scenario, options);
  return (async function* () {
    yield* sim.run(options);
    return sim.result();
  })();
}

/** Runs a whole simulation and returns its result (plain, JSON-serialisable data). */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  const it = simulation(scenario, options);
  for (;;) {
    const step = await it.next();
    if (step.done) return step.value;
  }
}
