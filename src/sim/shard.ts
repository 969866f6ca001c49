/**
 * One shard of a simulation: every read and event replayed against the cluster model, with the page stores of
 * this shard's hosts only (host h belongs to shard h mod shards; a router holds none). Every shard sees the
 * same reads and the same membership; a read whose worker's page store another shard holds is skipped here.
 * A shard that routes picks each read's host itself (the client's ring, the sample); one that does not takes
 * the hosts from its batches (a router's, through `SharedReadQueue`). The lead shard counts what no page store does
 * (reads of offline workers) and measures what ring changes moved. Shards emit raw steps (counters, not ratios)
 * that `Merger` adds up, so one shard or several give the same numbers.
 */
import { createPlacement } from '../ring/registry.js';
import { movement } from '../ring/analysis/movement.js';
import type { Placement } from '../ring/placement.js';
import { RingSimError } from '../core/errors.js';
import { grown, grownCapacity } from '../core/typed-arrays.js';
import { FileDirMemo } from '../pagestore/file-dir-memo.js';
import { Cluster, type EventEffect, type Host, type Identity, type ShardSpec } from './cluster.js';
import { ROUTE_SKIPPED, ROUTE_UNAVAILABLE, type RoutedBatch } from './shared-read-queue.js';
import type { Scenario, ScenarioEvent } from './scenario.js';
import type { ReadBatch, Workload } from './workload/workload.js';
import type { SpatialSample } from './sample.js';
import type { PageStore } from '../pagestore/page-store.js';
import {
  addCounters,
  counterDifference,
  zeroCounters,
  type Counters,
  type DirTotals,
  type HostInfo,
  type HostTotals,
  type RawEvent,
  type RawMove,
  type RawWindow,
  type ShardFinal,
  type ShardStep,
} from './steps.js';

interface ClientView {
  /** Built only by a shard that routes. */
  placement: Placement | null;
  members: Identity[];
  version: number;
}

/** A ring over `members`, built with their page-store sizes `weights` (empty: not weighted by capacity). */
interface StorePlacement {
  members: Identity[];
  weights: number[];
  placement: Placement;
}

type RestartEvent = Extract<ScenarioEvent, { action: 'restart-worker' }>;

/** What a shard does besides replaying events and windows. */
export interface ShardRole {
  /** The page stores it holds (hosts h with h mod shards = shard); null: none. */
  stores: ShardSpec | null;
  /** It picks each read's host itself, rather than taking it from its batches' `host` column. */
  routes: boolean;
  /** It counts the reads no page store serves (offline workers) and measures what ring changes moved. */
  leads: boolean;
}

/** Called by a routing shard after each batch, with the host it picked for each read. */
export type RouteSink = (length: number, file: Int32Array, time: Float64Array, host: Int32Array) => Promise<void> | void;

/** The error for an event the workload's reads never reach (it had `reads` reads, the last at `lastTime`). */
function lateEvent(e: ScenarioEvent, index: number, reads: number, lastTime: number | null): RingSimError {
  const byTime = e.at === undefined;
  const field = `events[${index}].${byTime ? 'atTime' : e.atEpoch !== undefined ? 'atEpoch' : 'at'}`;
  const last = byTime && lastTime !== null ? `, the last at ${lastTime} s` : '';
  return new RingSimError(
    field,
    byTime ? e.atTime : (e.atEpoch ?? e.at),
    `is at or after the workload's last read: it has ${reads} reads${last}, and an event must come before at least one of them`,
    'move the event earlier or make the workload longer',
  );
}

export class SimulationShard {
  readonly cluster: Cluster;
  private client: ClientView;
  private pending: Array<{ applyAt: number; members: Identity[]; eventIndex: number; lostHosts: ReadonlySet<number> }> = [];
  private version = 0;
  private ownerMemo = new Int32Array(0);
  /** The hosts a routing shard picked for the current batch's reads. */
  private routed = new Int32Array(0);
  private w: Counters = zeroCounters();
  /** Counters of the closed windows, and where the window before the current one started (with the counters then). */
  private closed: Counters = zeroCounters();
  private previousWindow = { start: 0, counters: zeroCounters() };
  /** The read of the latest event and of the latest one at an earlier read, with the counters then (-1: none yet). */
  private eventMark = { read: -1, counters: zeroCounters() };
  private priorEventMark = { read: -1, counters: zeroCounters() };
  private hostRequests = new Float64Array(0);
  private hostBytes = new Float64Array(0);
  private totalHostRequests = new Float64Array(0);
  private totalHostBytes = new Float64Array(0);
  private totalHostHits = new Float64Array(0);
  /** 1 for the hosts whose page store this shard holds. */
  private owned = new Uint8Array(0);
  /** 1 for the hosts online at some read of the current window (joined and not yet gone), and of the run. */
  private present = new Uint8Array(0);
  private presentInRun = new Uint8Array(0);
  private reads = 0;
  private windowStart = 0;
  private lastTime: number | null = null;
  private readonly outbox: ShardStep[] = [];
  /** The last placements a store shard built to measure reachability (a ring is costly to build). */
  private placements: StorePlacement[] = [];
  /** Workers restarted with a downtime, by the read they come back at. */
  private returns: Array<{ at: number; e: RestartEvent; index: number }> = [];

  private readonly sample: SpatialSample | null;
  /** Each file's page-store directory (`HashAllocator`'s), hashed once per file. */
  private readonly fileDirs: FileDirMemo;
  /** Per file: 0 not decided yet, 1 in the sample, 2 not. */
  private sampled = new Uint8Array(0);

  /**
   * `routes`: the batches of a shard that does not route (each read's host given); a routing shard reads
   * `workload`'s own batches.
   */
  constructor(
    readonly s: Scenario,
    readonly workload: Workload,
    readonly role: ShardRole,
    sample?: SpatialSample,
    private readonly routes?: Iterable<RoutedBatch>,
  ) {
    this.sample = sample && sample.rate < 1 ? sample : null;
    this.fileDirs = new FileDirMemo((file) => workload.catalog.path(file));
    const storeBytes = this.sample ? (b: number) => this.sample!.scale(b) : undefined;
    this.cluster = new Cluster(s.seed, role.stores, storeBytes);
    for (const g of s.cluster.groups) for (let i = 0; i < g.count; i++) this.cluster.addHost(g);
    const members = this.cluster.ringMembers(s.placement.ring);
    this.client = this.view(members);
    this.growHosts();
    this.markPresent();
  }

  private view(members: Identity[]): ClientView {
    this.requireMembers(members); // the same error in every shard
    return { placement: this.role.routes ? this.build(members) : null, members, version: ++this.version };
  }

  private requireMembers(members: readonly Identity[]): void {
    if (members.length === 0)
      throw new RingSimError('events', undefined, 'the ring would have no worker left', 'keep at least one worker registered and online');
  }

  /** The client's placement over `members` (callers check there is one: `requireMembers`). */
  private build(members: readonly Identity[]): Placement {
    const p = this.s.placement;
    return createPlacement(p.algorithm, this.cluster.placementWorkers(members, p.weightByCapacity), { vnodes: p.vnodes, identity: 'identity' });
  }

  /** Grows the per-host arrays to the hosts there are (after workers are added). */
  private growHosts(): void {
    const n = this.cluster.hosts.length;
    if (this.hostRequests.length < n) {
      const size = grownCapacity(this.hostRequests.length, n);
      this.hostRequests = grown(this.hostRequests, size);
      this.hostBytes = grown(this.hostBytes, size);
      this.totalHostRequests = grown(this.totalHostRequests, size);
      this.totalHostBytes = grown(this.totalHostBytes, size);
      this.totalHostHits = grown(this.totalHostHits, size);
      this.owned = grown(this.owned, size);
      this.present = grown(this.present, size);
      this.presentInRun = grown(this.presentInRun, size);
    }
    for (const h of this.cluster.hosts) this.owned[h.index] = h.store ? 1 : 0;
  }

  /**
   * After an event: the hosts up now are present in the window; at the window's first read (no read of it yet)
   * the state now replaces the one the window opened with.
   */
  private markPresent(): void {
    const fresh = this.reads === this.windowStart;
    for (const h of this.cluster.hosts) this.present[h.index] = (fresh ? 0 : this.present[h.index]) | (h.up ? 1 : 0);
  }

  /** The worker index (in the client's members) that the client's ring gives for `file`, memoised per ring. */
  private preferred(file: number): number {
    const view = this.client;
    // [owner, ring version] per file, side by side: one cache line for both.
    if (2 * file + 1 >= this.ownerMemo.length) this.ownerMemo = grown(this.ownerMemo, grownCapacity(this.ownerMemo.length, 2 * file + 2, 2048));
    const memo = this.ownerMemo;
    if (memo[2 * file + 1] === view.version) return memo[2 * file];
    const w = view.placement!.locateIndex(this.workload.catalog.path(file));
    memo[2 * file] = w;
    memo[2 * file + 1] = view.version;
    return w;
  }

  /** The host that serves `file` under the client's view: `ROUTE_UNAVAILABLE` when its worker is offline, `ROUTE_SKIPPED` outside the sample. */
  private route(file: number): number {
    if (!this.inSample(file)) return ROUTE_SKIPPED;
    const view = this.client;
    const identity = view.members[this.preferred(file)];
    if (identity.online) return identity.host;
    if (this.s.placement.replicas > 1) {
      const ids = view.placement!.locate(this.workload.catalog.path(file), Math.min(this.s.placement.replicas, view.members.length));
      for (const id of ids) {
        const m = view.members.find((x) => x.id === id)!;
        if (m.online) return m.host;
      }
    }
    return ROUTE_UNAVAILABLE;
  }

  /** Whether reads of `file` are replayed: always, or when its path hashes into the sample. */
  private inSample(file: number): boolean {
    if (!this.sample) return true;
    if (file >= this.sampled.length) this.sampled = grown(this.sampled, grownCapacity(this.sampled.length, file + 1, 1024));
    let d = this.sampled[file];
    if (d === 0) {
      d = this.sample.keepPath(this.workload.catalog.path(file)) ? 1 : 2;
      this.sampled[file] = d;
    }
    return d === 1;
  }

  /** A read of `file` served by host `h` (or routed elsewhere: see `route`). */
  private read(file: number, h: number): void {
    if (h === ROUTE_SKIPPED) return;
    const w = this.w;
    if (h === ROUTE_UNAVAILABLE) {
      // Counted once, by the lead shard: the under-storage serves it, no page store does.
      if (!this.role.leads) return;
      const size = this.workload.catalog.size(file);
      const ps = this.cluster.hosts[0].group.pageSizeBytes;
      w.requests++;
      w.pageRequests += Math.ceil(size / ps);
      w.bytes += size;
      w.ufsBytes += size;
      w.unavailableBytes += size;
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
    w.requests++;
    w.pageRequests += pages;
    w.pageHits += hits;
    w.bytes += size;
    w.hitBytes += hitBytes;
    w.ufsBytes += size - hitBytes;
    this.hostRequests[h] += pages;
    this.hostBytes[h] += size;
    this.totalHostHits[h] += hits;
  }

  private closeWindow(): RawWindow {
    const load = { reqMax: 0, reqSum: 0, byteMax: 0, byteSum: 0, online: 0 };
    for (const host of this.cluster.hosts) {
      const i = host.index;
      if (!this.present[i] || !host.store) continue;
      load.online++;
      load.reqSum += this.hostRequests[i];
      load.byteSum += this.hostBytes[i];
      if (this.hostRequests[i] > load.reqMax) load.reqMax = this.hostRequests[i];
      if (this.hostBytes[i] > load.byteMax) load.byteMax = this.hostBytes[i];
    }
    const window: RawWindow = {
      kind: 'window',
      start: this.windowStart,
      end: this.reads,
      time: this.lastTime,
      counters: this.w,
      ...load,
      occupied: this.cluster.totalOccupied(),
      capacity: this.cluster.totalCapacity(),
      hostRequests: Array.from(this.hostRequests.subarray(0, this.cluster.hosts.length)),
    };
    for (const host of this.cluster.hosts) {
      const i = host.index;
      this.presentInRun[i] |= this.present[i];
      this.present[i] = host.up ? 1 : 0;
      this.totalHostRequests[i] += this.hostRequests[i];
      this.totalHostBytes[i] += this.hostBytes[i];
      this.hostRequests[i] = 0;
      this.hostBytes[i] = 0;
    }
    this.previousWindow = { start: this.windowStart, counters: { ...this.closed } };
    addCounters(this.closed, this.w);
    this.w = zeroCounters();
    this.windowStart = this.reads;
    return window;
  }

  /** Applies client ring changes that are due, measuring what each moved. */
  private applyDueRingChanges(): void {
    while (this.pending.length > 0 && this.pending[0].applyAt <= this.reads) {
      const change = this.pending.shift()!;
      const before = this.client;
      this.client = this.view(change.members);
      // What moved depends on the rings only: the lead shard measures it, the merge takes the lead's.
      const moved = this.role.leads
        ? this.measureMove(before, this.client, change.lostHosts)
        : { filesMoved: 0, bytesMoved: 0, samePod: 0, bytesSamePod: 0, hashSpaceMoved: null };
      this.outbox.push({ kind: 'move', event: change.eventIndex, ...moved });
    }
  }

  /**
   * What a ring change moved: files whose host changed. A file passing to another identity on the same host (a
   * restart without a persisted identity) stays on the pod, `samePod`, unless that host's page store was lost
   * in the event: its pages carry no identity, so a surviving page store still serves it (the what-if rule of
   * src/ring/analysis/what-if.ts, which the hash-space figure measures with the same pairs).
   */
  private measureMove(before: ClientView, after: ClientView, lostHosts: ReadonlySet<number>): Omit<RawMove, 'kind' | 'event'> {
    const catalog = this.workload.catalog;
    const pb = before.placement!;
    const pa = after.placement!;
    let moved = 0;
    let bytesMoved = 0;
    let samePod = 0;
    let bytesSamePod = 0;
    const n = catalog.count;
    if (2 * n > this.ownerMemo.length) this.ownerMemo = grown(this.ownerMemo, grownCapacity(this.ownerMemo.length, 2 * n, 2048));
    const memo = this.ownerMemo;
    for (let f = 0; f < n; f++) {
      // The old owner from the memo when the old ring looked it up; the new one goes into the memo for the reads to come.
      const path = catalog.path(f);
      const a = before.members[memo[2 * f + 1] === before.version ? memo[2 * f] : pb.locateIndex(path)];
      const w = pa.locateIndex(path);
      memo[2 * f] = w;
      memo[2 * f + 1] = after.version;
      const b = after.members[w];
      if (a.host === b.host && a.index === b.index) continue;
      if (a.host === b.host && !lostHosts.has(a.host)) {
        samePod++;
        bytesSamePod += catalog.size(f);
      } else {
        moved++;
        bytesMoved += catalog.size(f);
      }
    }
    const rb = pb.ringView();
    const ra = pa.ringView();
    const hashSpaceMoved = rb && ra && rb.space === ra.space ? movement(pb, pa, { samePod: samePodPairs(before, after, lostHosts) }).moved : null;
    return { filesMoved: n ? moved / n : 0, bytesMoved, samePod: n ? samePod / n : 0, bytesSamePod, hashSpaceMoved };
  }

  /**
   * The host that serves `path` on `placement` over `members` (whose identity `i` is online when `online(i)`):
   * the preferred worker, else with `replicas` R the first online of the R, else -1 (the under-storage).
   */
  private servingHost(placement: Placement, members: readonly Identity[], online: (i: number) => boolean, path: string): number {
    const w = placement.locateIndex(path);
    if (online(w)) return members[w].host;
    if (this.s.placement.replicas > 1) {
      for (const id of placement.locate(path, Math.min(this.s.placement.replicas, members.length))) {
        const i = members.findIndex((x) => x.id === id);
        if (online(i)) return members[i].host;
      }
    }
    return -1;
  }

  /**
   * Cached bytes (in this shard's page stores) that this event makes unreachable from cache: pages a client
   * reached before it (on the host that served their file under the membership before, `before` with its
   * online flags `onlineBefore`) that it cannot after (the host lost its page store, or the file is served
   * elsewhere now). Pages already unreachable before (left by an earlier event) are not counted again, so an
   * event never counts more than one copy of each file: at most the data set.
   */
  private unreachableBytes(
    before: { members: readonly Identity[]; online: readonly boolean[]; placement: Placement | null },
    members: readonly Identity[],
    lostHosts: readonly Host[],
  ): number {
    this.requireMembers(members);
    const pb = before.placement;
    if (pb === null) return 0;
    const pa = this.storePlacement(members);
    const catalog = this.workload.catalog;
    const servedBefore = new Map<number, number>();
    const servedAfter = new Map<number, number>();
    let bytes = 0;
    for (const host of this.cluster.hosts) {
      if (!host.store || (host.removed && !lostHosts.includes(host))) continue;
      const lost = lostHosts.includes(host);
      const visit = (file: number, _page: number, size: number): void => {
        let b = servedBefore.get(file);
        if (b === undefined) {
          b = this.servingHost(pb, before.members, (i) => before.online[i], catalog.path(file));
          servedBefore.set(file, b);
        }
        if (b !== host.index) return; // not reachable before this event
        if (!lost) {
          let a = servedAfter.get(file);
          if (a === undefined) {
            a = this.servingHost(pa, members, (i) => members[i].online, catalog.path(file));
            servedAfter.set(file, a);
          }
          if (a === host.index) return;
        }
        bytes += size;
      };
      for (const dir of host.store.dirs) dir.cache.forEach(visit);
    }
    return bytes;
  }

  /**
   * The placement over `members` (with their page-store sizes as they are now) a store shard measures
   * reachability on; the last two are kept (an event's after is the next one's before).
   */
  private storePlacement(members: readonly Identity[]): Placement {
    const weights = this.s.placement.weightByCapacity ? members.map((m) => this.cluster.hosts[m.host].capacityBytes) : [];
    const same = (p: StorePlacement): boolean =>
      p.members.length === members.length && p.members.every((x, i) => x === members[i]) && p.weights.every((w, i) => w === weights[i]);
    const hit = this.placements.find(same);
    if (hit) return hit.placement;
    const placement = this.build(members);
    const last = this.placements[this.placements.length - 1];
    this.placements = last ? [last, { members: members.slice(), weights, placement }] : [{ members: members.slice(), weights, placement }];
    return placement;
  }

  /** Runs event `e` as a method of the cluster. */
  private apply(e: ScenarioEvent, field: string): EventEffect {
    const c = this.cluster;
    switch (e.action) {
      case 'add-workers': {
        const effect = c.addWorkers(
          this.s.cluster.groups.find((g) => g.name === e.group)!,
          e.count,
        );
        this.growHosts();
        return effect;
      }
      case 'scale-in':
        return c.scaleIn(e.worker, field);
      case 'stop-worker':
        return c.stopWorker(e.worker, field);
      case 'start-worker':
        return c.startWorker(e.worker, field, false);
      case 'restart-worker':
        if (e.downtime) {
          const effect = c.stopWorker(e.worker, field);
          return { ...effect, detail: `${effect.detail} for ${e.downtime} reads` };
        }
        return c.startWorker(e.worker, field, true, { identity: e.keepIdentity, pageStore: e.keepPageStore });
      case 'remove-worker':
        return c.removeWorker(e.worker, field);
      case 'set-capacity':
        return c.setCapacity(e.worker, field, e.sizeBytes);
      case 'set-page-size':
        return c.setPageSize(e.worker, field, e.pageSizeBytes);
    }
  }

  /**
   * This shard's counters over the reads just before an event at the current read: from the start of the window
   * before the current one, or from the latest earlier event when that is later (events at one read share it).
   */
  private countersBefore(): { from: number; counters: Counters } {
    const now = addCounters({ ...this.closed }, this.w);
    if (this.eventMark.read !== this.reads) {
      this.priorEventMark = this.eventMark;
      this.eventMark = { read: this.reads, counters: now };
    }
    const mark =
      this.priorEventMark.read > this.previousWindow.start ? { start: this.priorEventMark.read, counters: this.priorEventMark.counters } : this.previousWindow;
    return { from: mark.start, counters: counterDifference(now, mark.counters) };
  }

  private handle(e: ScenarioEvent, index: number): void {
    const justBefore = this.countersBefore();
    const prior = this.lastMembers();
    // Who served what before the event, taken before it changes the cluster (online flags, capacities).
    const before = { members: prior, online: prior.map((m) => m.online), placement: this.role.stores ? this.storePlacement(prior) : null };
    const effect = this.apply(e, `events[${index}].worker`);
    const members = this.cluster.ringMembers(this.s.placement.ring);
    const raw: RawEvent = {
      kind: 'event',
      index,
      label: e.label ?? `${e.action}${'worker' in e ? ` ${e.worker}` : ''}`,
      action: e.action,
      at: this.reads,
      time: this.lastTime,
      detail: effect.detail,
      evictedBytes: effect.evictedBytes,
      unreachableBytes: this.unreachableBytes(before, members, effect.lost),
      effectiveAt: this.reads,
      before: justBefore.counters,
      beforeFrom: justBefore.from,
    };
    for (const h of effect.lost) this.cluster.dropPages(h);
    this.markPresent();
    this.outbox.push(raw);
    if (e.action === 'restart-worker' && e.downtime) this.scheduleReturn(e, index);
    const effectiveAt = this.changeRing(members, index, e.action === 'set-capacity', effect.lost);
    if (effectiveAt !== null) raw.effectiveAt = effectiveAt;
  }

  /** Queues the client ring's change to `members` (for event `index`, whose `lost` page stores are gone) if it changes; returns when clients see it. */
  private changeRing(members: Identity[], index: number, capacityChanged: boolean, lost: readonly Host[] = []): number | null {
    const last = this.lastMembers();
    const changed = members.length !== last.length || members.some((m, i) => m !== last[i]) || (this.s.placement.weightByCapacity && capacityChanged);
    if (!changed) return null;
    const applyAt = this.reads + this.s.placement.refreshDelay;
    this.pending.push({ applyAt, members, eventIndex: index, lostHosts: new Set(lost.map((h) => h.index)) });
    this.applyDueRingChanges();
    return applyAt;
  }

  /** Queues the return of a worker restarted with a downtime, in read order (ties in list order). */
  private scheduleReturn(e: RestartEvent, index: number): void {
    const at = this.reads + e.downtime!;
    let k = this.returns.length;
    while (k > 0 && (this.returns[k - 1].at > at || (this.returns[k - 1].at === at && this.returns[k - 1].index > index))) k--;
    this.returns.splice(k, 0, { at, e, index });
  }

  /** A worker restarted with a downtime comes back, as start-worker starts it (keeping what its event says). */
  private comeBack(e: RestartEvent, index: number): void {
    const prior = this.lastMembers();
    const before = { members: prior, online: prior.map((m) => m.online), placement: this.role.stores ? this.storePlacement(prior) : null };
    const effect = this.cluster.startWorker(e.worker, `events[${index}].worker`, false, { identity: e.keepIdentity, pageStore: e.keepPageStore });
    const members = this.cluster.ringMembers(this.s.placement.ring);
    const unreachableBytes = this.unreachableBytes(before, members, effect.lost);
    for (const h of effect.lost) this.cluster.dropPages(h);
    this.outbox.push({ kind: 'return', event: index, at: this.reads, detail: effect.detail, unreachableBytes });
    this.changeRing(members, index, false, effect.lost);
  }

  private lastMembers(): Identity[] {
    return this.pending.length ? this.pending[this.pending.length - 1].members : this.client.members;
  }

  private *drain(): Generator<ShardStep> {
    while (this.outbox.length) yield this.outbox.shift()!;
  }

  /** The batches to replay: the workload's (routing them here) or the given routed ones. */
  private source(): AsyncIterable<ReadBatch> | Iterable<RoutedBatch> {
    if (this.role.routes) return this.workload.batches();
    if (!this.routes)
      throw new RingSimError('routes', undefined, 'a shard that does not route needs routed batches', "pass the router's batches (SharedReadQueue.batches)");
    return this.routes;
  }

  /** The host of each of `batch`'s reads: routed here, or given. */
  private hostsOf(batch: ReadBatch | RoutedBatch): Int32Array {
    if (!this.role.routes) return (batch as RoutedBatch).host;
    if (this.routed.length < batch.length) this.routed = new Int32Array(batch.file.length);
    return this.routed;
  }

  /** Reads `from` … `to` - 1 of a batch: routed here (into `hosts`) or given, each served if it is this shard's. */
  private readRun(files: Int32Array, hosts: Int32Array, from: number, to: number): void {
    if (this.role.routes) for (let k = from; k < to; k++) hosts[k] = this.route(files[k]);
    const owned = this.owned;
    const leads = this.role.leads;
    for (let k = from; k < to; k++) {
      const h = hosts[k];
      if (h >= 0 ? owned[h] === 1 : h === ROUTE_UNAVAILABLE && leads) this.read(files[k], h);
    }
  }

  /** Steps through the run; a routing shard hands each batch's hosts to `sink` (after the batch). */
  async *run(onProgress?: (done: number, total?: number) => void, sink?: RouteSink): AsyncGenerator<ShardStep> {
    const byCount = this.s.events
      .map((e, i) => ({ e, i }))
      .filter((x) => x.e.at !== undefined)
      .sort((a, b) => a.e.at! - b.e.at! || a.i - b.i);
    const byTime = this.s.events
      .map((e, i) => ({ e, i }))
      .filter((x) => x.e.atTime !== undefined)
      .sort((a, b) => a.e.atTime! - b.e.atTime! || a.i - b.i);
    let ci = 0;
    let ti = 0;
    const window = this.s.metrics.window;
    const total = this.workload.totalRequests;
    for await (const batch of this.source()) {
      const hosts = this.hostsOf(batch);
      let i = 0;
      while (i < batch.length) {
        const time = batch.time[i];
        this.lastTime = Number.isNaN(time) ? null : time;
        while (this.returns.length && this.returns[0].at <= this.reads) {
          const back = this.returns.shift()!;
          this.comeBack(back.e, back.index);
          yield* this.drain();
        }
        while (ci < byCount.length && byCount[ci].e.at! <= this.reads) {
          this.handle(byCount[ci].e, byCount[ci].i);
          ci++;
          yield* this.drain();
        }
        while (ti < byTime.length && !Number.isNaN(time) && byTime[ti].e.atTime! <= time) {
          this.handle(byTime[ti].e, byTime[ti].i);
          ti++;
          yield* this.drain();
        }
        if (this.pending.length && this.pending[0].applyAt <= this.reads) {
          this.applyDueRingChanges();
          yield* this.drain();
        }
        // Reads up to the next moment something may happen: an event, a ring change, the window's end (one by
        // one while events by clock remain).
        let end = Math.min(batch.length, i + this.windowStart + window - this.reads);
        if (ci < byCount.length) end = Math.min(end, i + byCount[ci].e.at! - this.reads);
        if (this.pending.length) end = Math.min(end, i + this.pending[0].applyAt - this.reads);
        if (this.returns.length) end = Math.min(end, i + this.returns[0].at - this.reads);
        if (ti < byTime.length || end <= i) end = i + 1;
        this.readRun(batch.file, hosts, i, end);
        this.reads += end - i;
        const last = batch.time[end - 1];
        this.lastTime = Number.isNaN(last) ? null : last;
        i = end;
        if (this.reads - this.windowStart === window) yield this.closeWindow();
      }
      if (sink) await sink(batch.length, batch.file, batch.time, hosts);
      onProgress?.(this.reads, total);
    }
    if (this.reads > this.windowStart) yield this.closeWindow();
    // An event at or after the last read (a trace shorter than the timeline) has no read to measure: bad input.
    const late = [ci < byCount.length ? byCount[ci] : undefined, ti < byTime.length ? byTime[ti] : undefined]
      .filter((x) => x !== undefined)
      .sort((a, b) => a.i - b.i)[0];
    if (late) throw lateEvent(late.e, late.i, this.reads, this.lastTime);
    const never = this.returns[0];
    if (never)
      throw new RingSimError(
        `events[${never.index}].downtime`,
        never.e.downtime,
        `runs past the workload's last read: the worker would be back at read ${never.at}, and the workload has ${this.reads} reads`,
        'use a shorter downtime, move the restart earlier, or make the workload longer',
      );
    while (this.pending.length) {
      this.pending[0].applyAt = this.reads;
      this.applyDueRingChanges();
      yield* this.drain();
    }
  }

  /** Per-host totals (this shard's hosts; zeros for the others) and the cluster's final state. */
  final(): ShardFinal {
    const c = this.cluster;
    const hosts: HostTotals[] = c.hosts.map((h) => ({
      owned: h.store !== null,
      present: this.presentInRun[h.index] === 1,
      pageRequests: this.totalHostRequests[h.index],
      bytes: this.totalHostBytes[h.index],
      hits: this.totalHostHits[h.index],
      occupiedBytes: h.store ? h.store.occupiedBytes : 0,
      dirs: h.store ? h.store.dirs.map(dirTotals) : [],
    }));
    const info: HostInfo[] = c.hosts.map((h) => ({
      name: h.name,
      group: h.group.name,
      identity: c.identities[h.identity].id,
      state: h.removed ? 'removed' : h.up ? 'online' : 'offline',
      capacityBytes: c.storeBytes(h.capacityBytes),
    }));
    const offlineIdentities = c.identities.filter((i) => i.registered && !i.online).map((i) => i.id);
    return { reads: this.reads, files: this.workload.catalog.count, hosts, info, occupied: c.totalOccupied(), capacity: c.totalCapacity(), offlineIdentities };
  }
}

/** One directory's figures at the end of a run. */
function dirTotals(d: PageStore): DirTotals {
  const c = d.cache;
  return {
    capacityBytes: d.capacityBytes,
    occupiedBytes: c.occupiedBytes,
    pages: c.objects,
    evictions: c.evictions,
    evictedBytes: c.evictedBytes,
    failedPuts: c.failedInserts,
  };
}

/** (before id, after id) pairs of one host under two identities whose page store survived: one pod. */
function samePodPairs(before: ClientView, after: ClientView, lostHosts: ReadonlySet<number>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const afterIds = new Set(after.members.map((m) => m.id));
  const beforeIds = new Set(before.members.map((m) => m.id));
  for (const a of before.members) {
    if (afterIds.has(a.id) || lostHosts.has(a.host)) continue;
    const b = after.members.find((m) => m.host === a.host && !beforeIds.has(m.id));
    if (b) pairs.push([a.id, b.id]);
  }
  return pairs;
}
