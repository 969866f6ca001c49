/**
 * A shard's timeline: what happens at which read. The scenario's events by read count (`at`) and by the workload's
 * clock (`atTime`), each in time order (ties in list order); the client ring changes queued by events, each due
 * `refreshDelay` reads after its event; and the returns of workers restarted with a downtime.
 */
import { RingSimError } from '../core/errors.js';
import type { Identity } from './cluster.js';
import type { ScenarioEvent } from './scenario.js';

export type RestartEvent = Extract<ScenarioEvent, { action: 'restart-worker' }>;

/** A scenario event and its index in the scenario's list. */
export interface IndexedEvent {
  event: ScenarioEvent;
  index: number;
}

/** A change of the client's ring to `members`, queued by event `eventIndex`, whose `lostHosts` lost their page store. */
export interface RingChange {
  applyAt: number;
  members: Identity[];
  eventIndex: number;
  lostHosts: ReadonlySet<number>;
}

/** A worker restarted with a downtime (event `index`), back at read `at`. */
export interface WorkerReturn {
  at: number;
  event: RestartEvent;
  index: number;
}

function inOrder(events: readonly ScenarioEvent[], when: (e: ScenarioEvent) => number | undefined): IndexedEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .filter((x) => when(x.event) !== undefined)
    .sort((a, b) => when(a.event)! - when(b.event)! || a.index - b.index);
}

export class EventTimeline {
  private readonly byReads: IndexedEvent[];
  private readonly byTime: IndexedEvent[];
  private nextByReads = 0;
  private nextByTime = 0;
  private readonly ringChanges: RingChange[] = [];
  private readonly returns: WorkerReturn[] = [];

  constructor(events: readonly ScenarioEvent[]) {
    this.byReads = inOrder(events, (e) => e.at);
    this.byTime = inOrder(events, (e) => e.atTime);
  }

  /** The next worker back at or before read `reads`, taken off the timeline. */
  takeReturn(reads: number): WorkerReturn | undefined {
    return this.returns.length && this.returns[0].at <= reads ? this.returns.shift() : undefined;
  }

  /** The next event by read count due at or before read `reads`, taken off the timeline. */
  takeEventByReads(reads: number): IndexedEvent | undefined {
    const next = this.byReads[this.nextByReads];
    if (next === undefined || next.event.at! > reads) return undefined;
    this.nextByReads++;
    return next;
  }

  /** The next event by clock due at or before `time` (none while the clock is unknown: NaN), taken off the timeline. */
  takeEventByTime(time: number): IndexedEvent | undefined {
    const next = this.byTime[this.nextByTime];
    if (next === undefined || Number.isNaN(time) || next.event.atTime! > time) return undefined;
    this.nextByTime++;
    return next;
  }

  /** Whether events by clock remain (reads are then replayed one by one, each with its time). */
  get eventsByTimeLeft(): boolean {
    return this.nextByTime < this.byTime.length;
  }

  /** Whether a ring change is due at or before read `reads`. */
  ringChangeDue(reads: number): boolean {
    return this.ringChanges.length > 0 && this.ringChanges[0].applyAt <= reads;
  }

  /** The next ring change due at or before read `reads`, taken off the timeline. */
  takeRingChange(reads: number): RingChange | undefined {
    return this.ringChangeDue(reads) ? this.ringChanges.shift() : undefined;
  }

  /** After the last read: the next queued ring change made due at `reads`; false when none is left. */
  dueNextRingChange(reads: number): boolean {
    if (!this.ringChanges.length) return false;
    this.ringChanges[0].applyAt = reads;
    return true;
  }

  queueRingChange(change: RingChange): void {
    this.ringChanges.push(change);
  }

  /** The members of the latest ring change queued, else `current`. */
  latestMembers(current: Identity[]): Identity[] {
    return this.ringChanges.length ? this.ringChanges[this.ringChanges.length - 1].members : current;
  }

  /** Queues the return of a worker restarted with a downtime at read `reads`, in read order (ties in list order). */
  scheduleReturn(event: RestartEvent, index: number, reads: number): void {
    const at = reads + event.downtime!;
    const r = this.returns;
    let k = r.length;
    while (k > 0 && (r[k - 1].at > at || (r[k - 1].at === at && r[k - 1].index > index))) k--;
    r.splice(k, 0, { at, event, index });
  }

  /** Reads from read `reads` until the next event by read count, ring change or return (Infinity: none). */
  readsToNext(reads: number): number {
    let next = Infinity;
    if (this.nextByReads < this.byReads.length) next = Math.min(next, this.byReads[this.nextByReads].event.at! - reads);
    if (this.ringChanges.length) next = Math.min(next, this.ringChanges[0].applyAt - reads);
    if (this.returns.length) next = Math.min(next, this.returns[0].at - reads);
    return next;
  }

  /**
   * After the last read (`reads` of them, the last at `lastTime`): throws for an event or a return that no read
   * reaches (a trace shorter than the timeline: bad input).
   */
  checkAllReached(reads: number, lastTime: number | null): void {
    const late = [this.byReads[this.nextByReads], this.byTime[this.nextByTime]].filter((x) => x !== undefined).sort((a, b) => a.index - b.index)[0];
    if (late) throw lateEvent(late.event, late.index, reads, lastTime);
    const never = this.returns[0];
    if (never)
      throw new RingSimError(
        `events[${never.index}].downtime`,
        never.event.downtime,
        `runs past the workload's last read: the worker would be back at read ${never.at}, and the workload has ${reads} reads`,
        'use a shorter downtime, move the restart earlier, or make the workload longer',
      );
  }
}

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
