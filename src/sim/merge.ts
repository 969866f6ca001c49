/**
 * Adds up the raw steps of a simulation's shards into the result: windows (counters summed, load from the
 * hosts' sums and maxima), events (bytes and the counters just before them summed over shards; hit ratio after
 * from the merged windows; lowest and recovery, against the baseline, in src/sim/recovery.ts) and the workers.
 * Shards emit the same steps in the same order, so step k of every shard describes the same moment; all sums are of whole numbers, so one shard or several give the same result.
 */
import { measured, type EventReport, type SimulationResult, type SimulationStep, type WindowMetrics } from './result.js';
import type { Scenario } from './scenario.js';
import { setCapacityDetail } from './cluster.js';
import { RECOVERY_TOLERANCE } from './recovery.js';
import {
  addCounters,
  zeroCounters,
  type Counters,
  type HostTotals,
  type RawEvent,
  type RawReturn,
  type RawWindow,
  type ShardFinal,
  type ShardStep,
} from './steps.js';

const workersAtStart = (s: Scenario): number => s.cluster.groups.reduce((sum, g) => sum + g.count, 0);

const ratioOfMax = (max: number, sum: number, n: number): number => (sum > 0 ? max / (sum / n) : 0);

export class Merger {
  readonly windows: WindowMetrics[] = [];
  readonly events: EventReport[] = [];
  private readonly byIndex = new Map<number, EventReport>();
  private readonly pendingEvents: EventReport[] = [];
  private readonly t: Counters = zeroCounters();
  /** Every worker the run has: those it starts with and those add-workers events add (`workers`' length). */
  private readonly workerCount: number;

  constructor(
    readonly s: Scenario,
    readonly sampleRate?: number,
  ) {
    this.workerCount = workersAtStart(s) + s.events.reduce((n, e) => n + (e.action === 'add-workers' ? e.count : 0), 0);
  }

  /** Step k of every shard (the same kind in each); returns what a caller streaming the run sees, if anything. */
  step(steps: readonly ShardStep[]): SimulationStep | null {
    const first = steps[0];
    if (first.kind === 'window') return { kind: 'window', window: this.window(steps as RawWindow[]) };
    if (first.kind === 'event') return { kind: 'event', event: this.event(steps as RawEvent[]) };
    if (first.kind === 'return') {
      const report = this.byIndex.get(first.event);
      if (report) {
        for (const r of steps as RawReturn[]) report.bytesUnreachable += r.unreachableBytes;
        report.detail += `; back at read ${first.at}: ${first.detail}`;
      }
      return null;
    }
    const report = this.byIndex.get(first.event);
    if (report) {
      report.filesMoved += first.filesMoved;
      report.bytesMoved += first.bytesMoved;
      report.samePod += first.samePod;
      report.bytesSamePod += first.bytesSamePod;
      if (first.hashSpaceMoved !== null) report.hashSpaceMoved = (report.hashSpaceMoved ?? 0) + first.hashSpaceMoved;
    }
    return null;
  }

  private window(raw: readonly RawWindow[]): WindowMetrics {
    const c = zeroCounters();
    let reqMax = 0;
    let reqSum = 0;
    let byteMax = 0;
    let byteSum = 0;
    let online = 0;
    let occupied = 0;
    // One length and order in every window (`workers`'): a worker added later has zeros before it joins.
    const workerPageRequests = new Array<number>(this.workerCount).fill(0);
    for (let s = 0; s < raw.length; s++) {
      const r = raw[s];
      for (const k of Object.keys(c) as Array<keyof Counters>) c[k] += r.counters[k];
      reqMax = Math.max(reqMax, r.reqMax);
      byteMax = Math.max(byteMax, r.byteMax);
      reqSum += r.reqSum;
      byteSum += r.byteSum;
      online += r.online;
      occupied += r.occupied;
      for (let i = 0; i < r.hostRequests.length; i++) workerPageRequests[i] += r.hostRequests[i];
    }
    const r0 = raw[0];
    const window: WindowMetrics = {
      start: r0.start,
      end: r0.end,
      time: r0.time,
      ...this.adjusted(
        measured(c, ratioOfMax(reqMax, reqSum, online), ratioOfMax(byteMax, byteSum, online), occupied, r0.capacity, this.s.ufs),
        c,
        r0.end - r0.start,
      ),
      workerPageRequests,
    };
    for (const k of Object.keys(c) as Array<keyof Counters>) this.t[k] += c[k];
    this.windows.push(window);
    this.settleHitRatiosAfter(window);
    return window;
  }

  private event(raw: readonly RawEvent[]): EventReport {
    const r0 = raw[0];
    let unreachable = 0;
    let evicted = 0;
    const before = zeroCounters();
    for (const r of raw) {
      unreachable += r.unreachableBytes;
      evicted += r.evictedBytes;
      addCounters(before, r.before);
    }
    const e = this.s.events[r0.index];
    const report: EventReport = {
      index: r0.index,
      label: r0.label,
      action: r0.action,
      at: r0.at,
      time: r0.time,
      detail:
        e.action === 'set-capacity' && raw.length > 1
          ? setCapacityDetail(r0.detail.slice(0, r0.detail.indexOf(' page store now ')), e.sizeBytes, evicted)
          : r0.detail,
      filesMoved: 0,
      bytesMoved: 0,
      samePod: 0,
      bytesSamePod: 0,
      hashSpaceMoved: null,
      bytesUnreachable: unreachable,
      hitRatioBefore:
        r0.at > r0.beforeFrom
          ? this.adjusted({ hitRatio: before.pageRequests ? before.pageHits / before.pageRequests : 0, byteHitRatio: 0 }, before, r0.at - r0.beforeFrom)
              .hitRatio
          : null,
      effectiveAt: r0.effectiveAt,
      hitRatioAfter: null,
      lowestHitRatio: null,
      recoveryRequests: null,
      recoverySeconds: null,
      recoveredBy: null,
      overlapsWith: [],
      group: null,
    };
    if (e.action === 'restart-worker' && e.downtime) report.downtime = e.downtime;
    this.events.push(report);
    this.byIndex.set(report.index, report);
    this.pendingEvents.push(report);
    return report;
  }

  /**
   * A sampled run's hit ratios with SHARDS' adjustment (Waldspurger et al. §3.3, "SHARDS_adj"): the sample holds
   * more or fewer reads than rate × reads by chance, mostly through a few very popular files; the difference is
   * counted as hits (of the sample's mean pages and bytes a read). Counts stay the sample's.
   */
  private adjusted<T extends { hitRatio: number; byteHitRatio: number }>(m: T, c: Counters, reads: number): T {
    if (this.sampleRate === undefined || this.sampleRate >= 1 || c.requests === 0) return m;
    const extra = this.sampleRate * reads - c.requests;
    const pages = c.pageRequests + (extra * c.pageRequests) / c.requests;
    const bytes = c.bytes + (extra * c.bytes) / c.requests;
    const clamp = (x: number): number => Math.min(1, Math.max(0, x));
    m.hitRatio = pages > 0 ? clamp((c.pageHits + (extra * c.pageRequests) / c.requests) / pages) : 0;
    m.byteHitRatio = bytes > 0 ? clamp((c.hitBytes + (extra * c.bytes) / c.requests) / bytes) : 0;
    return m;
  }

  /** Fills in the hit ratio after for events waiting on later windows (lowest and recovery: src/sim/recovery.ts). */
  private settleHitRatiosAfter(window: WindowMetrics): void {
    for (let i = this.pendingEvents.length - 1; i >= 0; i--) {
      const e = this.pendingEvents[i];
      if (window.start < e.effectiveAt) continue; // windows before clients see the change are not "after"
      e.hitRatioAfter = window.hitRatio;
      this.pendingEvents.splice(i, 1);
    }
  }

  /** The result, from every shard's final state. */
  result(finals: readonly ShardFinal[]): SimulationResult {
    const f0 = finals[0];
    const n = f0.info.length;
    const totals = f0.hosts.map((h): Omit<HostTotals, 'owned'> => ({ present: h.present, pageRequests: 0, bytes: 0, hits: 0, occupiedBytes: 0, dirs: [] }));
    for (const f of finals) {
      f.hosts.forEach((h, i) => {
        if (h.owned) totals[i] = h;
      });
    }
    let reqMax = 0;
    let reqSum = 0;
    let byteMax = 0;
    let byteSum = 0;
    let present = 0;
    for (let i = 0; i < n; i++) {
      if (!totals[i].present) continue;
      present++;
      reqSum += totals[i].pageRequests;
      byteSum += totals[i].bytes;
      reqMax = Math.max(reqMax, totals[i].pageRequests);
      byteMax = Math.max(byteMax, totals[i].bytes);
    }
    const occupied = finals.reduce((s, f) => s + f.occupied, 0);
    const s = this.s;
    const atStart = workersAtStart(s);
    const result: SimulationResult = {
      format: 'ring-sim/simulation',
      version: 1,
      scenario: {
        name: s.name,
        seed: s.seed,
        algorithm: s.placement.algorithm,
        ring: s.placement.ring,
        workers: n,
        workersAtStart: atStart,
        workersAddedByEvents: n - atStart,
        window: s.metrics.window,
      },
      totals: {
        reads: f0.reads,
        files: f0.files,
        ...this.adjusted(
          measured(this.t, ratioOfMax(reqMax, reqSum, present), ratioOfMax(byteMax, byteSum, present), occupied, f0.capacity, s.ufs),
          this.t,
          f0.reads,
        ),
      },
      windows: this.windows,
      events: this.events,
      eventGroups: [],
      workers: f0.info.map((h, i) => ({
        name: h.name,
        group: h.group,
        identity: h.identity,
        state: h.state,
        capacityBytes: h.capacityBytes,
        occupiedBytes: totals[i].occupiedBytes,
        pageRequests: totals[i].pageRequests,
        bytes: totals[i].bytes,
        hitRatio: totals[i].pageRequests ? totals[i].hits / totals[i].pageRequests : 0,
        dirs: totals[i].dirs,
      })),
      recoveryTolerance: RECOVERY_TOLERANCE,
      offlineIdentities: f0.offlineIdentities,
      ufsModel: s.ufs ?? null,
    };
    if (this.sampleRate !== undefined && this.sampleRate < 1) {
      result.sample = {
        rate: this.sampleRate,
        method: 'spatial (SHARDS): files whose path hashes below the rate; page stores scaled by the rate',
        note: "hit ratios and load ratios estimate the full run; reads, bytes, page requests and capacities are the sample's",
      };
    }
    return result;
  }
}
