/** `simulate`'s text: totals, the events table and their details (the `--json` is the result as is). */
import { formatBinary } from '../core/units.js';
import type { EventReport, SimulationResult } from '../sim/simulate.js';
import { count, percent, sampleLabel } from './format.js';
import { renderPairs, renderTable, type TextTable } from './table.js';
import { baselineText, inFlightText, seconds, ufsCostText, ufsTimeText } from './ufs-text.js';

export interface SimulationView {
  heading: string[];
  totals: [string, string][];
  /** One row an event (absent when there were none), and each event's detail line. */
  events?: { table: TextTable; details: string[] };
  /** One row a group of overlapping events (absent when none overlap), and each group's events. */
  groups?: { table: TextTable; details: string[] };
  footer: string[];
}

/** "8 workers", "8 workers, +2 by events": those the run starts with, and those add-workers events add. */
export function workersText(s: SimulationResult['scenario']): string {
  const start = `${count(s.workersAtStart)} worker${s.workersAtStart === 1 ? '' : 's'}`;
  return s.workersAddedByEvents ? `${start}, +${count(s.workersAddedByEvents)} by events` : start;
}

export function simulationView(r: SimulationResult): SimulationView {
  const t = r.totals;
  const orDash = (x: number | null): string => (x === null ? '-' : percent(x));
  const view: SimulationView = {
    heading: [
      `${r.scenario.name}: ${workersText(r.scenario)}, ${r.scenario.algorithm} (${r.scenario.ring} ring), seed ${r.scenario.seed}`,
      `${count(t.reads)} reads of ${count(t.files)} files, ${count(t.pageRequests)} page requests`,
    ],
    totals: [
      ['hit ratio (pages)', percent(t.hitRatio)],
      ['hit ratio (bytes)', percent(t.byteHitRatio)],
      ['bytes requested', formatBinary(t.bytesRequested)],
      ['bytes read from under-storage', formatBinary(t.ufsBytes)],
      ['  of which: preferred worker offline', formatBinary(t.unavailableBytes)],
      ['under-storage GET requests (one a missed page)', count(t.ufs.requests)],
      ['under-storage time', ufsTimeText(t.ufs, r.ufsModel)],
      ['under-storage cost', ufsCostText(t.ufs, r.ufsModel)],
      ['busiest worker / mean (pages)', `${t.workerRequestsMaxOverMean.toFixed(3)}x`],
      ['cache occupancy at the end', `${formatBinary(t.occupiedBytes)} of ${formatBinary(t.capacityBytes)} (${percent(t.occupancy)})`],
    ],
    footer: [],
  };
  if (r.sample) view.heading.push(`${sampleLabel(r.sample.rate, 'the files')}; ${count(t.requests)} of the ${count(t.reads)} reads replayed`);
  if (r.events.length) {
    // A restart without a persisted identity is the one event that keeps files on a pod under a new identity.
    const pod = r.events.some((e) => e.action === 'restart-worker' || e.samePod > 0);
    const rows = r.events.map((e) => [
      e.label,
      count(e.at),
      percent(e.filesMoved),
      formatBinary(e.bytesMoved),
      ...(pod ? [percent(e.samePod), formatBinary(e.bytesSamePod)] : []),
      formatBinary(e.bytesUnreachable),
      orDash(e.hitRatioBefore),
      ...(e.group === null ? [orDash(e.hitRatioAfter), orDash(e.lowestHitRatio), recoveryText(e)] : ['-', '-', `in group ${e.group + 1}`]),
    ]);
    const headers = [
      'event',
      'at read',
      'files moved',
      'bytes moved',
      ...(pod ? ['files stay on pod', 'bytes stay on pod'] : []),
      'cached bytes unreachable',
      'hit ratio before',
      'after',
      'lowest',
      'recovery',
    ];
    const podNote = pod
      ? [
          "stay on pod: files passing from a restarted worker's old identity to its new one on the same pod (samePod), still in its page store: not moved, not re-read",
        ]
      : [];
    view.events = {
      table: { headers, rows, rightAlign: headers.map((_, i) => i > 0) },
      details: [...r.events.map((e) => `  ${e.label}: ${e.detail}`), ...podNote, recoveryNote(r)],
    };
  }
  if (r.eventGroups.length) view.groups = groupsView(r);
  if (r.baseline && r.delta) view.footer.push('', baselineText(r.delta, r.baseline.totals, t));
  const inFlight = inFlightText(r.ufsModel);
  if (inFlight) view.footer.push('', `under-storage: ${inFlight}`);
  if (r.offlineIdentities.length) {
    view.footer.push('', `offline identities still registered (ring bloat; clear with remove-worker): ${r.offlineIdentities.length}`);
  }
  view.footer.push('', `windows of ${count(r.scenario.window)} reads: ${r.windows.length} (in --json)`);
  return view;
}

/** The groups of overlapping events: one row each, and the events of each. */
function groupsView(r: SimulationResult): NonNullable<SimulationView['groups']> {
  const orDash = (x: number | null): string => (x === null ? '-' : percent(x));
  const label = new Map(r.events.map((e) => [e.index, e.label]));
  const rows = r.eventGroups.map((g, i) => [
    String(i + 1),
    count(g.events.length),
    count(g.at),
    count(g.lastAt),
    formatBinary(g.bytesUnreachable),
    orDash(g.hitRatioBefore),
    orDash(g.lowestHitRatio),
    recoveryText(g),
  ]);
  const headers = ['group', 'events', 'from read', 'last at read', 'cached bytes unreachable', 'hit ratio before', 'lowest', 'recovery'];
  return {
    table: { headers, rows, rightAlign: headers.map(() => true) },
    details: r.eventGroups.map((g, i) => `  group ${i + 1}: ${g.events.map((x) => label.get(x)).join(', ')}`),
  };
}

/** "1,000 reads", "1,000 reads, 3.08 s" (under-storage seconds, model), "not recovered". */
export function recoveryText(e: Pick<EventReport, 'recoveryRequests' | 'recoverySeconds'>): string {
  if (e.recoveryRequests === null) return 'not recovered';
  return `${count(e.recoveryRequests)} reads${e.recoverySeconds === null ? '' : `, ${seconds(e.recoverySeconds)}`}`;
}

/** How "before" and the recovery are measured, with the tolerance, under the events' details. */
function recoveryNote(r: SimulationResult): string {
  const tolerance = `${Number((r.recoveryTolerance * 100).toPrecision(3))} percentage point${r.recoveryTolerance === 0.01 ? '' : 's'}`;
  const time = r.ufsModel && r.events.some((e) => e.recoverySeconds !== null) ? "; its seconds are the under-storage's for those reads (model)" : '';
  return `before: the reads just before the event; recovery: reads until the windowed hit ratio is back within ${tolerance} of the baseline's (the same reads without the events, replayed for this)${time}`;
}

export function renderSimulationText(r: SimulationResult): string {
  const v = simulationView(r);
  const lines = [...v.heading, '', renderPairs(v.totals)];
  if (v.events) lines.push('', 'events:', renderTable(v.events.table), ...v.events.details);
  if (v.groups) {
    lines.push(
      '',
      'overlapping events (a later one happened before an earlier one had recovered), reported once a group:',
      renderTable(v.groups.table),
      ...v.groups.details,
    );
  }
  lines.push(...v.footer);
  return lines.join('\n') + '\n';
}
