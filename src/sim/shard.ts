/**
 * One shard of a simulation: every read and event replayed against the cluster model, with the page stores of
 * this shard's hosts only (host h belongs to shard h mod shards; a router holds none). Every shard sees the
 * same reads and the same membership; a read whose worker's page store another shard holds is skipped here.
 * A shard that routes reads picks each read's host itself (`ClientRouter`: the client's ring, the sample); one
 * that does not takes the hosts from its batches (a router's, through `SharedReadQueue`). The shard that owns the
 * cluster figures counts what no page store does (reads of offline workers) and measures what ring changes moved.
 * Shards emit raw steps (counters, not ratios) that `Merger` adds up, so one shard or several give the same numbers.
 *
 * This file is the run loop; its parts: the client's routing `client-router.ts`, the per-host meter
 * `host-meter.ts`, the read counters `window-counters.ts`, what happens when `event-timeline.ts`, what events do
 * `cluster-events.ts` and make unreachable `reachability.ts`, each window's and the final figures `shard-figures.ts`.
 */
import { RingSimError } from '../core/errors.js';
import { FileDirMemo } from '../pagestore/file-dir-memo.js';
import { Cluster, type Host, type Identity, type ShardSpec } from './cluster.js';
import { ClientRouter } from './client-router.js';
import { applyEvent } from './cluster-events.js';
import { EventTimeline, type RestartEvent } from './event-timeline.js';
import { HostMeter } from './host-meter.js';
import { Reachability } from './reachability.js';
import { closedWindow, shardFinal } from './shard-figures.js';
import { ROUTE_SKIPPED, ROUTE_UNAVAILABLE, type RoutedBatch } from './shared-read-queue.js';
import { WindowCounters } from './window-counters.js';
import type { Scenario, ScenarioEvent } from './scenario.js';
import type { ReadBatch, Workload } from './workload/workload.js';
import type { SpatialSample } from './sample.js';
import type { RawEvent, RawWindow, ShardFinal, ShardStep } from './steps.js';

/** What a shard does besides replaying events and windows. */
export interface ShardRole {
  /** The page stores it holds (hosts h with h mod shards = shard); null: none. */
  stores: ShardSpec | null;
  /** It picks each read's host itself, rather than taking it from its batches' `host` column. */
  routesReads: boolean;
  /** It counts the reads no page store serves (offline workers) and measures what ring changes moved. */
  ownsClusterFigures: boolean;
}

/** Called by a shard that routes reads after each batch, with the host it picked for each read. */
export type RouteSink = (length: number, file: Int32Array, time: Float64Array, host: Int32Array) => Promise<void> | void;

export class SimulationShard {
  readonly cluster: Cluster;
  private readonly router: ClientRouter;
  private readonly meter = new HostMeter();
  private readonly counters = new WindowCounters();
  private readonly timeline: EventTimeline;
  private readonly reachability: Reachability;
  /** The hosts a shard that routes reads picked for the current batch's reads. */
  private routedHosts = new Int32Array(0);
  private reads = 0;
  private windowStart = 0;
  private lastTime: number | null = null;
  private readonly outbox: ShardStep[] = [];
  /** Each file's page-store directory (`HashAllocator`'s), hashed once per file. */
  private readonly fileDirs: FileDirMemo;

  /**
   * `routedBatches`: the batches of a shard that does not route reads (each read's host given); a shard that routes
   * reads `workload`'s own batches.
   */
  constructor(
    readonly scenario: Scenario,
    readonly workload: Workload,
    readonly role: ShardRole,
    sample?: SpatialSample,
    private readonly routedBatches?: Iterable<RoutedBatch>,
  ) {
    const kept = sample && sample.rate < 1 ? sample : null;
    this.fileDirs = new FileDirMemo((file) => workload.catalog.path(file));
    const storeBytes = kept ? (b: number) => kept.scale(b) : undefined;
    this.cluster = new Cluster(scenario.seed, role.stores, storeBytes);
    for (const g of scenario.cluster.groups) for (let i = 0; i < g.count; i++) this.cluster.addHost(g);
    const members = this.cluster.ringMembers(scenario.placement.ring);
    this.router = new ClientRouter(scenario, this.cluster, workload, role.routesReads, kept, members);
    this.timeline = new EventTimeline(scenario.events);
    this.reachability = new Reachability(scenario, this.cluster, workload, role.stores !== null);
    this.meter.grow(this.cluster.hosts);
    this.markPresent();
  }

  /** After an event: the hosts up now are present in the window (see `HostMeter.markPresent`). */
  private markPresent(): void {
    this.meter.markPresent(this.cluster.hosts, this.reads === this.windowStart);
  }

  /** A read of `file` served by host `h` (or routed elsewhere: see `ClientRouter.route`). */
  private read(file: number, h: number): void {
    if (h === ROUTE_SKIPPED) return;
    const counters = this.counters.current;
    if (h === ROUTE_UNAVAILABLE) {
      // Counted once, by the shard that owns the cluster figures: the under-storage serves it, no page store does.
      if (!this.role.ownsClusterFigures) return;
      const size = this.workload.catalog.size(file);
      const pageSize = this.cluster.hosts[0].group.pageSizeBytes;
      counters.requests++;
      counters.pageRequests += Math.ceil(size / pageSize);
      counters.bytes += size;
      counters.ufsBytes += size;
      counters.unavailableBytes += size;
      return;
    }
    const store = this.cluster.hosts[h].store;
    if (store === null) return; // another shard's host
    const size = this.workload.catalog.size(file);
    const dirs = store.dirs;
    const dir = dirs.length === 1 ? dirs[0] : dirs[this.fileDirs.dirOf(file, dirs.length)];
    const pages = Math.ceil(size / dir.pageSizeBytes);
    const hits = dir.readFile(file, size);
    const hitBytes = dir.lastHitBytes;
    counters.requests++;
    counters.pageRequests += pages;
    counters.pageHits += hits;
    counters.bytes += size;
    counters.hitBytes += hitBytes;
    counters.ufsBytes += size - hitBytes;
    this.meter.served(h, pages, size, hits);
  }

  private closeWindow(): RawWindow {
    const window = closedWindow(this.cluster, this.meter, this.counters, this.windowStart, this.reads, this.lastTime);
    this.windowStart = this.reads;
    return window;
  }

  /** Applies client ring changes that are due, measuring what each moved. */
  private applyDueRingChanges(): void {
    for (let change = this.timeline.takeRingChange(this.reads); change; change = this.timeline.takeRingChange(this.reads)) {
      const before = this.router.switchTo(change.members);
      // What moved depends on the rings only: the shard owning the cluster figures measures it, the merge takes its.
      const moved = this.role.ownsClusterFigures
        ? this.router.measureMove(before, change.lostHosts)
        : { filesMoved: 0, bytesMoved: 0, samePod: 0, bytesSamePod: 0, hashSpaceMoved: null };
      this.outbox.push({ kind: 'move', event: change.eventIndex, ...moved });
    }
  }

  private handle(e: ScenarioEvent, index: number): void {
    const justBefore = this.counters.beforeEvent(this.reads);
    const before = this.reachability.snapshot(this.latestMembers());
    const effect = applyEvent(this.cluster, this.scenario, e, `events[${index}].worker`);
    if (e.action === 'add-workers') this.meter.grow(this.cluster.hosts);
    const members = this.cluster.ringMembers(this.scenario.placement.ring);
    const raw: RawEvent = {
      kind: 'event',
      index,
      label: e.label ?? `${e.action}${'worker' in e ? ` ${e.worker}` : ''}`,
      action: e.action,
      at: this.reads,
      time: this.lastTime,
      detail: effect.detail,
      evictedBytes: effect.evictedBytes,
      unreachableBytes: this.reachability.unreachableBytes(before, members, effect.lost),
      effectiveAt: this.reads,
      before: justBefore.counters,
      beforeFrom: justBefore.from,
    };
    for (const h of effect.lost) this.cluster.dropPages(h);
    this.markPresent();
    this.outbox.push(raw);
    if (e.action === 'restart-worker' && e.downtime) this.timeline.scheduleReturn(e, index, this.reads);
    const effectiveAt = this.changeRing(members, index, e.action === 'set-capacity', effect.lost);
    if (effectiveAt !== null) raw.effectiveAt = effectiveAt;
  }

  /** Queues the client ring's change to `members` (for event `index`, whose `lost` page stores are gone) if it changes; returns when clients see it. */
  private changeRing(members: Identity[], index: number, capacityChanged: boolean, lost: readonly Host[] = []): number | null {
    const last = this.latestMembers();
    const weighted = this.scenario.placement.weightByCapacity;
    const changed = members.length !== last.length || members.some((m, i) => m !== last[i]) || (weighted && capacityChanged);
    if (!changed) return null;
    const applyAt = this.reads + this.scenario.placement.refreshDelay;
    this.timeline.queueRingChange({ applyAt, members, eventIndex: index, lostHosts: new Set(lost.map((h) => h.index)) });
    this.applyDueRingChanges();
    return applyAt;
  }

  /** A worker restarted with a downtime comes back, as start-worker starts it (keeping what its event says). */
  private comeBack(e: RestartEvent, index: number): void {
    const before = this.reachability.snapshot(this.latestMembers());
    const keep = { identity: e.keepIdentity, pageStore: e.keepPageStore };
    const effect = this.cluster.startWorker(e.worker, `events[${index}].worker`, false, keep);
    const members = this.cluster.ringMembers(this.scenario.placement.ring);
    const unreachableBytes = this.reachability.unreachableBytes(before, members, effect.lost);
    for (const h of effect.lost) this.cluster.dropPages(h);
    this.outbox.push({ kind: 'return', event: index, at: this.reads, detail: effect.detail, unreachableBytes });
    this.changeRing(members, index, false, effect.lost);
  }

  /** The members of the client's ring once the queued changes reach it. */
  private latestMembers(): Identity[] {
    return this.timeline.latestMembers(this.router.view.members);
  }

  private *drain(): Generator<ShardStep> {
    while (this.outbox.length) yield this.outbox.shift()!;
  }

  /** The batches to replay: the workload's (routing them here) or the given routed ones. */
  private source(): AsyncIterable<ReadBatch> | Iterable<RoutedBatch> {
    if (this.role.routesReads) return this.workload.batches();
    if (!this.routedBatches)
      throw new RingSimError('routes', undefined, 'a shard that does not route needs routed batches', "pass the router's batches (SharedReadQueue.batches)");
    return this.routedBatches;
  }

  /** The host of each of `batch`'s reads: routed here, or given. */
  private hostsOf(batch: ReadBatch | RoutedBatch): Int32Array {
    if (!this.role.routesReads) return (batch as RoutedBatch).host;
    if (this.routedHosts.length < batch.length) this.routedHosts = new Int32Array(batch.file.length);
    return this.routedHosts;
  }

  /** Reads `from` … `to` - 1 of a batch: routed here (into `hosts`) or given, each served if it is this shard's. */
  private readRun(files: Int32Array, hosts: Int32Array, from: number, to: number): void {
    if (this.role.routesReads) for (let k = from; k < to; k++) hosts[k] = this.router.route(files[k]);
    const owned = this.meter.ownedHosts;
    const countsUnavailable = this.role.ownsClusterFigures;
    for (let k = from; k < to; k++) {
      const h = hosts[k];
      if (h >= 0 ? owned[h] === 1 : h === ROUTE_UNAVAILABLE && countsUnavailable) this.read(files[k], h);
    }
  }

  /** What is due at the current read (at `time` on the clock): returns, events, ring changes, each step as it comes. */
  private *dueNow(time: number): Generator<ShardStep> {
    for (let back = this.timeline.takeReturn(this.reads); back; back = this.timeline.takeReturn(this.reads)) {
      this.comeBack(back.event, back.index);
      yield* this.drain();
    }
    for (let next = this.timeline.takeEventByReads(this.reads); next; next = this.timeline.takeEventByReads(this.reads)) {
      this.handle(next.event, next.index);
      yield* this.drain();
    }
    for (let next = this.timeline.takeEventByTime(time); next; next = this.timeline.takeEventByTime(time)) {
      this.handle(next.event, next.index);
      yield* this.drain();
    }
    if (this.timeline.ringChangeDue(this.reads)) {
      this.applyDueRingChanges();
      yield* this.drain();
    }
  }

  /** Replays `batch` (its reads' hosts in `hosts`), stopping at every moment something may happen. */
  private *replayBatch(batch: ReadBatch | RoutedBatch, hosts: Int32Array): Generator<ShardStep> {
    const window = this.scenario.metrics.window;
    let i = 0;
    while (i < batch.length) {
      const time = batch.time[i];
      this.lastTime = Number.isNaN(time) ? null : time;
      yield* this.dueNow(time);
      // Reads up to the next moment something may happen: an event, a ring change, a return, the window's end
      // (one by one while events by clock remain).
      let end = Math.min(batch.length, i + this.windowStart + window - this.reads, i + this.timeline.readsToNext(this.reads));
      if (this.timeline.eventsByTimeLeft || end <= i) end = i + 1;
      this.readRun(batch.file, hosts, i, end);
      this.reads += end - i;
      const last = batch.time[end - 1];
      this.lastTime = Number.isNaN(last) ? null : last;
      i = end;
      if (this.reads - this.windowStart === window) yield this.closeWindow();
    }
  }

  /** Steps through the run; a shard that routes reads hands each batch's hosts to `sink` (after the batch). */
  async *run(onProgress?: (done: number, total?: number) => void, sink?: RouteSink): AsyncGenerator<ShardStep> {
    const total = this.workload.totalRequests;
    for await (const batch of this.source()) {
      const hosts = this.hostsOf(batch);
      yield* this.replayBatch(batch, hosts);
      if (sink) await sink(batch.length, batch.file, batch.time, hosts);
      onProgress?.(this.reads, total);
    }
    if (this.reads > this.windowStart) yield this.closeWindow();
    // An event at or after the last read (a trace shorter than the timeline) has no read to measure: bad input.
    this.timeline.checkAllReached(this.reads, this.lastTime);
    while (this.timeline.dueNextRingChange(this.reads)) {
      this.applyDueRingChanges();
      yield* this.drain();
    }
  }

  /** Per-host totals (this shard's hosts; zeros for the others) and the cluster's final state. */
  final(): ShardFinal {
    return shardFinal(this.cluster, this.meter, this.reads, this.workload.catalog.count);
  }
}
