/**
 * Overlapping events and their groups (issue 29 item 2): hand-built windows and events, then properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupEvents } from '../../src/sim/event-groups.js';
import { recoveryFrom } from '../../src/sim/recovery.js';
import type { EventReport } from '../../src/sim/result.js';

const W = 1000;

function windows(ratios: readonly number[]) {
  return ratios.map((hitRatio, k) => ({ start: k * W, end: (k + 1) * W, hitRatio, ufs: { bytes: 0, requests: 0, seconds: null, costUSD: null } }));
}

/** An event at `at`, its recovery measured as the pipeline does (src/sim/recovery.ts). */
function event(index: number, at: number, run: ReturnType<typeof windows>, base: ReturnType<typeof windows>, effectiveAt = at): EventReport {
  const e: EventReport = {
    index,
    label: `e${index}`,
    action: 'stop-worker',
    at,
    time: null,
    detail: '',
    filesMoved: 0,
    bytesMoved: 10,
    samePod: 0,
    bytesSamePod: 0,
    hashSpaceMoved: null,
    bytesUnreachable: 100,
    hitRatioBefore: 0.9,
    effectiveAt,
    hitRatioAfter: null,
    lowestHitRatio: null,
    recoveryRequests: null,
    recoverySeconds: null,
    recoveredBy: null,
    overlapsWith: [],
    group: null,
  };
  return { ...e, ...recoveryFrom(e, run, base, null) };
}

describe('groupEvents', () => {
  const base = windows(Array(12).fill(0.9));
  // A dip from 1,000 to 4,000 (back at window 4), another from 8,000 to 9,000.
  const run = windows([0.9, 0.5, 0.6, 0.7, 0.9, 0.9, 0.9, 0.9, 0.4, 0.9, 0.9, 0.9]);

  it('marks events that happen before an earlier one has recovered, both ways, and reports the group once', () => {
    const events = [event(0, 1000, run, base), event(1, 2500, run, base), event(2, 8000, run, base)];
    expect(events[0].recoveredBy).toBe(5000);
    const { events: out, groups } = groupEvents(events, run, base, null);
    expect(out.map((e) => e.overlapsWith)).toEqual([[1], [0], []]);
    expect(out.map((e) => e.group)).toEqual([0, 0, null]);
    expect(groups).toEqual([
      {
        events: [0, 1],
        at: 1000,
        lastAt: 2500,
        bytesMoved: 20,
        bytesUnreachable: 200,
        hitRatioBefore: 0.9,
        hitRatioAfter: null,
        lowestHitRatio: 0.5,
        recoveryRequests: 3000,
        recoverySeconds: null,
        recoveredBy: 5000,
      },
    ]);
  });

  it("an event at the read its predecessor's recovery shows by does not overlap; one read earlier does", () => {
    const at = (x: number) => groupEvents([event(0, 1000, run, base), event(1, x, run, base)], run, base, null).events[0].overlapsWith;
    expect(at(5000)).toEqual([]);
    expect(at(4999)).toEqual([1]);
  });

  it('an event that never recovers overlaps with every later one; a chain is one group', () => {
    const down = windows([0.9, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const short = windows([0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
    const { events: out, groups } = groupEvents([event(0, 1000, down, short), event(1, 4000, down, short)], down, short, null);
    expect(out[0].overlapsWith).toEqual([1]);
    expect(groups[0]).toMatchObject({ events: [0, 1], recoveryRequests: null });
  });

  it('overlaps are symmetric, groups are runs of consecutive events each overlapping another, lone events overlap none (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 11_999 }), { minLength: 1, maxLength: 8 }),
        (ratios, ats) => {
          const r = windows(ratios.map((x) => x / 100));
          const events = [...ats].sort((a, b) => a - b).map((at, i) => event(i, at, r, base));
          const { events: out, groups } = groupEvents(events, r, base, null);
          for (const e of out) for (const j of e.overlapsWith) expect(out[j].overlapsWith).toContain(e.index);
          for (const e of out) expect(e.group === null).toBe(e.overlapsWith.length === 0);
          groups.forEach((g, gi) => {
            expect(g.events.length).toBeGreaterThan(1);
            expect(g.events).toEqual(Array.from({ length: g.events.length }, (_, k) => g.events[0] + k));
            for (const x of g.events) expect(out[x].group).toBe(gi);
          });
        },
      ),
      { seed: 29, numRuns: 300 },
    );
  });
});
