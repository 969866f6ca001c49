/**
 * Overlapping events: two events overlap when the later happens before the earlier has recovered (before the end
 * of the last window the earlier one's figures read: the window its recovery shows in, or its "after" window when
 * that ends later; never, when it does not recover). Their hit-ratio figures mix, so they are reported once for
 * the group: each connected set of overlapping events (in time order, a group is a run of consecutive events).
 * An event after the last window a group's figures read changes none of them.
 */
import type { EventGroup, EventReport, SimulationResult, WindowMetrics } from './result.js';
import { recoveryFrom, withRecoveries, type Recovery } from './recovery.js';
import type { UfsModel } from './ufs.js';

type WindowFigures = Pick<WindowMetrics, 'start' | 'end' | 'hitRatio' | 'ufs'>;

/** The read up to which `e`'s figures read the windows (Infinity: not recovered, it reads to the end). */
function measuredUntil(e: EventReport, windows: readonly WindowFigures[]): number {
  if (e.recoveredBy === null) return Infinity;
  const after = windows.find((w) => w.start >= e.effectiveAt);
  return Math.max(e.recoveredBy, after ? after.end : 0);
}

/** Each event's `overlapsWith` (event indices, both directions) and `group`, and the groups' figures. */
export function groupEvents(
  events: readonly EventReport[],
  windows: readonly WindowFigures[],
  baseline: readonly WindowFigures[],
  ufs: UfsModel | null,
): { events: EventReport[]; groups: EventGroup[] } {
  const until = events.map((e) => measuredUntil(e, windows));
  const overlaps = events.map((): number[] => []);
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length && events[j].at < until[i]; j++) {
      overlaps[i].push(events[j].index);
      overlaps[j].push(events[i].index);
    }
  }
  const out = events.map((e, i) => ({ ...e, overlapsWith: overlaps[i].sort((a, b) => a - b), group: null as number | null }));
  const groups: EventGroup[] = [];
  for (let i = 0; i < out.length;) {
    let end = i + 1;
    let reach = until[i];
    while (end < out.length && out[end].at < reach) reach = Math.max(reach, until[end++]);
    if (end - i > 1) {
      const members = out.slice(i, end);
      for (const m of members) m.group = groups.length;
      groups.push(groupFigures(members, windows, baseline, ufs));
    }
    i = end;
  }
  return { events: out, groups };
}

/** The figures of a group of overlapping events: from its first event's read until the whole group has recovered. */
function groupFigures(
  members: readonly EventReport[],
  windows: readonly WindowFigures[],
  baseline: readonly WindowFigures[],
  ufs: UfsModel | null,
): EventGroup {
  const first = members[0];
  const recovery: Recovery = recoveryFrom({ at: first.at, effectiveAt: Math.max(...members.map((m) => m.effectiveAt)) }, windows, baseline, ufs);
  return {
    events: members.map((m) => m.index),
    at: first.at,
    lastAt: members[members.length - 1].at,
    bytesMoved: members.reduce((s, m) => s + m.bytesMoved, 0),
    bytesUnreachable: members.reduce((s, m) => s + m.bytesUnreachable, 0),
    hitRatioBefore: first.hitRatioBefore,
    hitRatioAfter: first.hitRatioAfter,
    ...recovery,
  };
}

/**
 * `run`'s event figures measured against `base`, its baseline's result: each event's lowest hit ratio and
 * recovery (`withRecoveries`), the events each overlaps with, and the groups of overlapping events.
 */
export function measureEvents(run: SimulationResult, base: Pick<SimulationResult, 'windows'>): SimulationResult {
  const measured = withRecoveries(run, base);
  const { events, groups } = groupEvents(measured.events, measured.windows, base.windows, measured.ufsModel);
  return { ...measured, events, eventGroups: groups };
}
