/*
 * ring-sim report: simulate --html. Hit ratio, under-storage reads and per-worker load over time with the events
 * drawn and labelled, and every figure of the text report (totals, events: before, after, lowest, recovery).
 */
import type * as D3 from 'd3';
import type { EventGroup, EventReport, SimulationResult, WindowMetrics } from '../src/sim/result.js';
import { LABEL_ROW, labelBaseline, labelRows, layoutLabels } from './event-labels.js';
import { axisLabel, byteUnit, bytes, count, d3, pct, seconds, section, shortNames, tableOf, usd, type Sel } from './report.js';

const W = 1100;
const M = { l: 150, r: 20, t: 46, b: 44 };

/** A chart: its svg, the shared x axis (reads) and the plot's bottom (y0) and top (y1). */
interface Chart {
  svg: Sel<SVGSVGElement>;
  x: D3.ScaleLinear<number, number>;
  y0: number;
  y1: number;
  /** The svg's height, label rows included. */
  height: number;
}

/** A colour and what it means, in a chart's key. */
type KeyItem = [colour: string, text: string];

/** A window's under-storage time and cost, when the scenario has a ufs: block. */
function ufsNote(w: WindowMetrics): string {
  const u = w.ufs;
  const parts = [`${count(u.requests)} GETs`];
  if (u.seconds !== null) parts.push(seconds(u.seconds));
  if (u.costUSD !== null) parts.push(usd(u.costUSD));
  return parts.join(', ');
}

/** "reads 10,000–20,000" */
function readsOf(w: WindowMetrics): string {
  return `reads ${count(w.start)}–${count(w.end)}`;
}

function header(sim: SimulationResult): void {
  const h = d3.select('header');
  h.append('h1').text(`ring-sim simulation: ${sim.scenario.name}`);
  h.append('div')
    .attr('class', 'sub')
    .text(`${workersText(sim.scenario)} · ${sim.scenario.algorithm} · ${sim.scenario.ring} ring · seed ${sim.scenario.seed}`);
}

function totals(sim: SimulationResult): Sel {
  const t = sim.totals;
  const s = section(`Simulation: ${sim.scenario.name}`);
  s.append('p').text(
    `${count(t.reads)} reads of ${count(t.files)} files, ${count(t.pageRequests)} page requests; windows of ${count(sim.scenario.window)} reads.`,
  );
  tableOf(
    s,
    ['figure', 'value'],
    [
      ['hit ratio (pages)', pct(t.hitRatio)],
      ['hit ratio (bytes)', pct(t.byteHitRatio)],
      ['bytes requested', bytes(t.bytesRequested)],
      ['bytes read from under-storage', bytes(t.ufsBytes)],
      ['  of which: preferred worker offline', bytes(t.unavailableBytes)],
      ['under-storage GET requests (one a missed page)', count(t.ufs.requests)],
      ['under-storage time (model)', t.ufs.seconds === null ? '- (no ufs: bandwidth or request cap)' : seconds(t.ufs.seconds)],
      ['under-storage cost (model)', t.ufs.costUSD === null ? '- (no ufs: prices)' : usd(t.ufs.costUSD)],
      ['busiest worker / mean (pages)', `${t.workerRequestsMaxOverMean.toFixed(3)}×`],
      ['cache occupancy at the end', `${bytes(t.occupiedBytes)} of ${bytes(t.capacityBytes)} (${pct(t.occupancy)})`],
      ['offline identities still registered (ring bloat; clear with remove-worker)', String(sim.offlineIdentities.length)],
    ],
    [false, true],
  ).attr('id', 'totals');
  return s;
}

/** An event's label in full ("3: restart worker-2", with its downtime) and short ("3"). */
function labelTexts(e: EventReport, i: number): [string, string] {
  return [`${i + 1}: ${e.label}${e.downtime ? ` (down ${count(e.downtime)} reads)` : ''}`, String(i + 1)];
}

/** The width of `text` as an event label of `svg` (its font, report.css), in the svg's pixels. */
function labelWidth(svg: Sel<SVGSVGElement>): (text: string) => number {
  const probe = svg.append('text').attr('class', 'event-label');
  const node = probe.node()!;
  return (text) => {
    node.textContent = text;
    return node.getComputedTextLength();
  };
}

/**
 * An svg with the shared x axis (reads) and the events as dashed lines labelled above the plot: `height` is the
 * chart's with three rows of labels; more rows (many events close together, viz/event-labels.ts) add to it.
 */
function chart(s: Sel, id: string, height: number, sim: SimulationResult, yLabel: string): Chart {
  const svg = s.append('svg').attr('id', id).attr('width', W);
  const x = d3
    .scaleLinear()
    .domain([0, d3.max(sim.windows, (w) => w.end) || 1])
    .range([M.l, W - M.r]);
  const measure = labelWidth(svg);
  const places = layoutLabels(
    sim.events.map((e) => x(e.at)),
    sim.events.map(labelTexts),
    W - 2,
    measure,
  );
  svg.select('text.event-label').remove(); // the probe
  const top = Math.max(M.t, labelRows(places) * LABEL_ROW + 8); // the plot starts below the labels' rows
  const full = height + top - M.t;
  // The viewBox lets a narrow window shrink the chart whole (report.css) instead of cutting it.
  svg.attr('height', full).attr('viewBox', `0 0 ${W} ${full}`);
  svg
    .append('g')
    .attr('transform', `translate(0,${full - M.b})`)
    .call(d3.axisBottom(x).ticks(10).tickFormat(d3.format('~s')));
  axisLabel(svg, 'reads replayed (requests)', (M.l + W - M.r) / 2, full - 8);
  axisLabel(svg, yLabel, 14, (top + full - M.b) / 2, true);
  const ev = svg.selectAll('g.event').data(sim.events).join('g').attr('class', 'event');
  ev.append('line')
    .attr('x1', (e) => x(e.at))
    .attr('x2', (e) => x(e.at))
    .attr('y1', top - 4)
    .attr('y2', full - M.b)
    .attr('stroke', '#dc2626')
    .attr('stroke-dasharray', '3,3');
  ev.each(function (_e, i) {
    const p = places[i];
    if (!p) return; // no room even for its number: its line, tooltip and table row name it
    d3.select(this)
      .append('text')
      .attr('x', p.x)
      .attr('y', labelBaseline(p.row))
      .attr('text-anchor', p.anchor === 'end' ? 'end' : null)
      .attr('class', 'event-label')
      .text(p.text);
  });
  ev.append('title').text((e) => `${e.label} at read ${count(e.at)}${e.downtime ? `, down ${count(e.downtime)} reads` : ''}: ${e.detail}`);
  return { svg, x, y0: full - M.b, y1: top, height: full };
}

/** A y scale from 0 to `max` (rounded up to a tick when `nice`) over the plot's height. */
function yScale(c: Chart, max: number, nice = true): D3.ScaleLinear<number, number> {
  const y = d3.scaleLinear().domain([0, max]).range([c.y0, c.y1]);
  return nice ? y.nice() : y;
}

/** A y axis of five ticks on the plot's left edge (or right, for a second scale). */
function yAxis(c: Chart, y: D3.ScaleLinear<number, number>, format: (v: number) => string, side: 'left' | 'right' = 'left'): void {
  const axis = side === 'left' ? d3.axisLeft(y) : d3.axisRight(y);
  c.svg
    .append('g')
    .attr('transform', `translate(${side === 'left' ? M.l : W - M.r},0)`)
    .call(axis.ticks(5).tickFormat((v) => format(Number(v))));
}

/** A line through `points` at (x, y). */
function line<T>(
  c: Chart,
  points: T[],
  x: (p: T) => number,
  y: (p: T) => number,
  stroke: string,
  width: number,
  dash?: string,
): D3.Selection<SVGPathElement, T[], D3.BaseType, unknown> {
  const path = c.svg.append('path').datum(points).attr('fill', 'none').attr('stroke', stroke).attr('stroke-width', width).attr('d', d3.line<T>().x(x).y(y));
  if (dash) path.attr('stroke-dasharray', dash);
  return path;
}

/** Where window `w`'s bars go: from its first read to its last, `gap` pixels short of the next window. */
function span(c: Chart, w: WindowMetrics, gap = 1): { x: number; width: number } {
  return { x: c.x(w.start), width: Math.max(1, c.x(w.end) - c.x(w.start) - gap) };
}

/** Rects bound to windows, made their bars: `height(w)` pixels down from `top(w)`, `gap` pixels short of the next window. */
function placeBars<P extends D3.BaseType>(
  rects: D3.Selection<SVGRectElement, WindowMetrics, P, unknown>,
  c: Chart,
  top: (w: WindowMetrics) => number,
  height: (w: WindowMetrics) => number,
  fill: string,
): D3.Selection<SVGRectElement, WindowMetrics, P, unknown> {
  return rects
    .attr('x', (w) => span(c, w).x)
    .attr('width', (w) => span(c, w).width)
    .attr('y', top)
    .attr('height', height)
    .attr('fill', fill);
}

/** Keeps the events' lines and labels above what was drawn after them. */
function eventsOnTop(c: Chart): void {
  c.svg.selectAll('g.event').raise();
}

function hitRatio(s: Sel, sim: SimulationResult): void {
  s.append('h3').text('Hit ratio over time');
  const c = chart(s, 'timeline', 300, sim, 'hit ratio (%)');
  const y = yScale(c, 1, false);
  yAxis(c, y, (v) => `${(v * 100).toFixed(0)} %`);
  line(
    c,
    sim.windows,
    (w) => c.x(w.end),
    (w) => y(w.hitRatio),
    '#2563eb',
    2,
  );
  line(
    c,
    sim.windows,
    (w) => c.x(w.end),
    (w) => y(w.byteHitRatio),
    '#059669',
    1.5,
    '5,3',
  );
  key(s, [
    ['#2563eb', `hit ratio (pages), per window of ${count(sim.scenario.window)} reads`],
    ['#059669', 'hit ratio (bytes)'],
    ['#dc2626', 'events (numbered as in the table below)'],
  ]);
}

function ufs(s: Sel, sim: SimulationResult): void {
  s.append('h3').text('Reads from the under-storage over time');
  const max = d3.max(sim.windows, (w) => w.ufsBytes) || 1;
  const [divisor, unit] = byteUnit(max);
  const c = chart(s, 'ufs', 260, sim, `${unit} per window`);
  const y = yScale(c, max / divisor);
  yAxis(c, y, (v) => `${v} ${unit}`);
  const bar = c.svg.selectAll('g.window').data(sim.windows).join('g').attr('class', 'window');
  // Misses stacked on the reads whose preferred worker was offline.
  const missed = (w: WindowMetrics): number => (w.ufsBytes - w.unavailableBytes) / divisor;
  placeBars(
    bar.append('rect'),
    c,
    (w) => y(w.ufsBytes / divisor),
    (w) => c.y0 - y(missed(w)),
    '#f59e0b',
  );
  placeBars(
    bar.append('rect'),
    c,
    (w) => y(w.unavailableBytes / divisor),
    (w) => c.y0 - y(w.unavailableBytes / divisor),
    '#7c3aed',
  );
  bar
    .append('title')
    .text(
      (w) =>
        `${readsOf(w)}: ${bytes(w.ufsBytes)} from the under-storage, of which ${bytes(w.unavailableBytes)} because the preferred worker was offline; under-storage: ${ufsNote(w)}`,
    );
  key(s, [
    ['#f59e0b', 'cache misses'],
    ['#7c3aed', 'preferred worker offline (read from the under-storage, not cached)'],
  ]);
}

/** Under-storage seconds per window (bars, left axis) and the dollars so far (line, right axis), with a ufs: block. */
function ufsTime(s: Sel, sim: SimulationResult): void {
  const t = sim.totals.ufs;
  if (!sim.windows.length || (t.seconds === null && t.costUSD === null)) return;
  s.append('h3').text('Under-storage time and cost over time (model)');
  const c = chart(s, 'ufs-time', 260, sim, t.seconds === null ? '' : 'seconds per window');
  c.svg.attr('width', W + 90).attr('viewBox', `0 0 ${W + 90} ${c.height}`); // room for the dollar axis on the right
  const items: KeyItem[] = [];
  if (t.seconds !== null) {
    const secondsOf = (w: WindowMetrics): number => w.ufs.seconds ?? 0;
    const y = yScale(c, d3.max(sim.windows, secondsOf) || 1);
    yAxis(c, y, (v) => `${v} s`);
    const rects = c.svg.selectAll<SVGRectElement, WindowMetrics>('rect.ufs-seconds').data(sim.windows).join('rect').attr('class', 'ufs-seconds');
    placeBars(
      rects,
      c,
      (w) => y(secondsOf(w)),
      (w) => c.y0 - y(secondsOf(w)),
      '#0ea5e9',
    )
      .append('title')
      .text((w) => `${readsOf(w)}: ${ufsNote(w)}`);
    items.push(['#0ea5e9', 'under-storage seconds per window: max(bytes × 8 / bandwidth, GETs / request cap)']);
  }
  if (t.costUSD !== null) {
    let so = 0;
    const cum = sim.windows.map((w) => ({ end: w.end, usd: (so += w.ufs.costUSD ?? 0) }));
    const y = yScale(c, so || 1);
    yAxis(c, y, usd, 'right');
    line(
      c,
      cum,
      (p) => c.x(p.end),
      (p) => y(p.usd),
      '#16a34a',
      2,
    ).attr('class', 'ufs-cost');
    items.push(['#16a34a', `under-storage dollars so far (right axis): ${usd(t.costUSD)} in all`]);
  }
  eventsOnTop(c);
  key(s, items);
}

function workerLoad(s: Sel, sim: SimulationResult): void {
  s.append('h3').text('Load per worker over time');
  const names = sim.workers.map((w) => w.name);
  const short = shortNames(names);
  const rh = 18;
  const c = chart(s, 'worker-load', M.t + rh * names.length + M.b, sim, '');
  const max = d3.max(sim.windows, (w) => d3.max(w.workerPageRequests || [0])) || 1;
  const color = d3.scaleSequential(d3.interpolateYlOrRd).domain([0, max]);
  names.forEach((n, i) => {
    c.svg
      .append('text')
      .attr('x', M.l - 6)
      .attr('y', c.y1 + i * rh + rh * 0.7)
      .attr('text-anchor', 'end')
      .text(short[n])
      .append('title')
      .text(`${n} — identity at the end ${sim.workers[i].identity}, ${sim.workers[i].state}`);
  });
  for (const w of sim.windows) {
    const per = w.workerPageRequests || [];
    names.forEach((n, i) => {
      const v = per[i] || 0;
      const { x, width } = span(c, w, 0);
      c.svg
        .append('rect')
        .attr('x', x)
        .attr('width', width)
        .attr('y', c.y1 + i * rh)
        .attr('height', rh - 2)
        .attr('fill', v ? color(v) : '#f3f4f6')
        .append('title')
        .text(`${n}, ${readsOf(w)}: ${count(v)} page requests`);
    });
  }
  eventsOnTop(c);
  key(s, [
    [color(max), `darkest: ${count(max)} page requests in a window`],
    [color(max / 2), count(Math.round(max / 2))],
    ['#f3f4f6', 'none (offline or not yet added)'],
  ]);
}

function key(s: Sel, items: readonly KeyItem[]): void {
  const k = s.append('div').attr('class', 'legend-box');
  for (const [colour, text] of items) {
    const item = k.append('span').attr('class', 'item');
    item.append('span').attr('class', 'swatch').style('background', colour);
    item.append('span').text(text);
  }
}

/** As the text report: "8 workers", "8 workers, +2 by events" (those the run starts with, those events add). */
function workersText(sc: SimulationResult['scenario']): string {
  const start = sc.workersAtStart ?? sc.workers;
  const added = sc.workersAddedByEvents || 0;
  return `${count(start)} worker${start === 1 ? '' : 's'}${added ? `, +${count(added)} by events` : ''}`;
}

/** As the text report: "1,000 reads", "1,000 reads, 3.08 s" (under-storage seconds, model), "not recovered". */
function recovery(e: EventReport | EventGroup): string {
  if (e.recoveryRequests === null) return 'not recovered';
  return `${count(e.recoveryRequests)} reads${e.recoverySeconds === null || e.recoverySeconds === undefined ? '' : `, ${seconds(e.recoverySeconds)}`}`;
}

/** A figure that may be missing: '-' then, as in the text report. */
function na(v: number | null, f: (x: number) => string): string {
  return v === null ? '-' : f(v);
}

/** The groups of overlapping events, one row each (their events by number, as in the events table). */
function eventGroups(s: Sel, sim: SimulationResult): void {
  const groups = sim.eventGroups || [];
  if (!groups.length) return;
  const number = new Map(sim.events.map((e, i) => [e.index, i + 1]));
  s.append('p').text('Overlapping events (a later one happened before an earlier one had recovered), reported once a group:');
  tableOf(
    s,
    ['group', 'events', 'from read', 'last at read', 'cached bytes unreachable', 'hit ratio before', 'lowest', 'recovery'],
    groups.map((g, i) => [
      String(i + 1),
      g.events.map((x) => `#${number.get(x)}`).join(' '),
      count(g.at),
      count(g.lastAt),
      bytes(g.bytesUnreachable),
      na(g.hitRatioBefore, pct),
      na(g.lowestHitRatio, pct),
      recovery(g),
    ]),
    [true, false, true, true, true, true, true, true],
  ).attr('id', 'event-groups');
}

function events(s: Sel, sim: SimulationResult): void {
  if (!sim.events.length) return;
  s.append('h3').text('Events');
  // Restarts with a downtime: how long each worker was down (a column only when some event has one).
  const down = sim.events.some((e) => e.downtime);
  tableOf(
    s,
    [
      '#',
      'event',
      'at read',
      ...(down ? ['down for'] : []),
      'files moved',
      'bytes moved',
      'cached bytes unreachable',
      'hit ratio before',
      'after',
      'lowest',
      'recovery',
    ],
    sim.events.map((e, i) => {
      const grouped = e.group !== null && e.group !== undefined;
      return [
        String(i + 1),
        e.label,
        count(e.at),
        ...(down ? [e.downtime ? `${count(e.downtime)} reads` : '-'] : []),
        pct(e.filesMoved),
        bytes(e.bytesMoved),
        bytes(e.bytesUnreachable),
        na(e.hitRatioBefore, pct),
        grouped ? '-' : na(e.hitRatioAfter, pct),
        grouped ? '-' : na(e.lowestHitRatio, pct),
        grouped ? `in group ${e.group! + 1}` : recovery(e),
      ];
    }),
    [true, false, true, ...(down ? [true] : []), true, true, true, true, true, true, true],
  ).attr('id', 'events');
  eventGroups(s, sim);
  s.append('ul')
    .selectAll('li')
    .data(sim.events)
    .join('li')
    .text((e, i) => `${i + 1}. ${e.label}: ${e.detail}`);
  const tolerance = Number(((sim.recoveryTolerance ?? 0.01) * 100).toPrecision(3));
  s.append('p')
    .attr('class', 'legend')
    .text(
      'before: the reads just before the event; after: hit ratio in the first window once clients see the change; lowest: until recovery; ' +
        `recovery: reads until the windowed hit ratio is back within ${tolerance} percentage point${tolerance === 1 ? '' : 's'} of the baseline's ` +
        '(the same reads without the events, replayed for this), with a ufs: block the under-storage seconds of those reads (model).',
    );
}

function workers(s: Sel, sim: SimulationResult): void {
  s.append('h3').text('Workers at the end');
  tableOf(
    s,
    ['worker', 'group', 'state', 'page store', 'occupied', 'page requests', 'bytes served', 'hit ratio'],
    sim.workers.map((w) => [w.name, w.group, w.state, bytes(w.capacityBytes), bytes(w.occupiedBytes), count(w.pageRequests), bytes(w.bytes), pct(w.hitRatio)]),
    [false, false, false, true, true, true, true, true],
  );
}

/** The simulation's sections; `standalone`: its own page, with the page's header. */
export function simulation(sim: SimulationResult, standalone: boolean): void {
  if (standalone) header(sim);
  const s = totals(sim);
  hitRatio(s, sim);
  ufs(s, sim);
  ufsTime(s, sim);
  workerLoad(s, sim);
  events(s, sim);
  workers(s, sim);
}
