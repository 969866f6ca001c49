/*
 * ring-sim report: the page's building blocks (sections, tables, axis labels, short names, colours), the report
 * model embedded in #report-data, and the numbers in the library's own formats: bytes (src/core/units.ts),
 * durations and dollars (src/report/ufs-text.ts, over src/core/bandwidth.ts), percentages and counts
 * (src/report/format.ts), so the page prints every figure as the text report does. No network.
 */
import type * as D3 from 'd3';
import { binaryUnit, formatBinary } from '../src/core/units.js';
import { count, percent } from '../src/report/format.js';
import { seconds, usd } from '../src/report/ufs-text.js';
import type { PageModel } from '../src/report/html.js';
import type { PlanReport } from '../src/plan/model.js';
import type { RebalanceChange, RebalanceResult } from '../src/report/rebalance.js';
import type { RingSimCore } from './core-entry.js';

export const d3: typeof D3 = window.d3;

/** A d3 selection of one element, as the page builds them. */
export type Sel<E extends D3.BaseType = HTMLElement> = D3.Selection<E, unknown, D3.BaseType, unknown>;

/** Bytes as the text report prints them: "1.50 GiB", "0.00 B" (the model's byte counts are whole). */
export function bytes(n: number): string {
  return formatBinary(Math.round(n));
}

export { count, seconds, usd };
export const pct = percent;

/** A byte axis's unit for values up to `max`: [divisor, name], as `bytes` would print `max`. */
export function byteUnit(max: number): [number, string] {
  const u = binaryUnit(max);
  return [u.bytes, u.unit];
}

/** The page's state: the model, and where sections go (a slot while the rebalance view is built). */
export const page: { root: Sel; data: PageModel } = {
  root: d3.select<HTMLElement, unknown>('main'),
  data: JSON.parse(document.getElementById('report-data')!.textContent!) as PageModel,
};

/** Short labels for long names: the suffix all names share is elided ("…"), and long middles too. */
export function shortNames(names: readonly string[]): Record<string, string> {
  let suffix =
    names.length > 1
      ? names.reduce((s, n) => {
          let k = 0;
          while (k < s.length && k < n.length && s[s.length - 1 - k] === n[n.length - 1 - k]) k++;
          return s.slice(s.length - k);
        })
      : '';
  const cut = suffix.search(/[.\-_]/); // elide only from a separator on, so "worker-1" and "worker-11" stay whole
  suffix = cut >= 0 ? suffix.slice(cut) : '';
  if (suffix.length < 4) suffix = '';
  const out: Record<string, string> = {};
  for (const n of names) {
    let s = suffix && n.length > suffix.length ? `${n.slice(0, n.length - suffix.length)}…` : n;
    if (s.length > 26) s = `${s.slice(0, 12)}…${s.slice(-12)}`;
    out[n] = s;
  }
  return out;
}

/** `n` colours apart: Tableau 10 up to ten, golden-ratio steps around the rainbow beyond. */
export function palette(n: number): (i: number) => string {
  return (i) => (n <= 10 ? d3.schemeTableau10[i % 10] : d3.interpolateRainbow((i * 0.618033988749895) % 1));
}

/** A section of the page, headed `title`. */
export function section(title: string, id?: string): Sel {
  const s = page.root.append('section');
  if (id) s.attr('id', id);
  s.append('h2').text(title);
  return s;
}

/** A table; in a narrow window (report.css) each row stacks into a card, every cell headed by its column (`data-label`). */
export function tableOf(sel: Sel, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric?: readonly boolean[]): Sel<HTMLTableElement> {
  const cls = (_d: unknown, i: number): string | null => (numeric && numeric[i] ? 'num' : null);
  const t = sel.append('table').attr('class', 'stack');
  t.append('thead')
    .append('tr')
    .selectAll('th')
    .data(headers)
    .join('th')
    .attr('class', cls)
    .text((d) => d);
  t.append('tbody')
    .selectAll('tr')
    .data(rows)
    .join('tr')
    .selectAll('td')
    .data((r) => r)
    .join('td')
    .attr('class', cls)
    .attr('data-label', (_d, i) => headers[i])
    .text((d) => d);
  return t;
}

/** An axis's label, centred on (x, y), upright or turned to read upwards. */
export function axisLabel(svg: Sel<SVGSVGElement>, text: string, x: number, y: number, rotate?: boolean): void {
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('text-anchor', 'middle')
    .attr('transform', `translate(${x},${y})${rotate ? ' rotate(-90)' : ''}`)
    .text(text);
}

/** The rebalance view (viz/rebalance.js and viz/rebalance-views.js, classic scripts): what viz/main.ts calls on it. */
export interface Explorer {
  result: RebalanceResult | null;
  zoomed: boolean;
  /** Builds the controls; the function it returns reads them (calling `update` or `nothing`). */
  controls(s: Sel, update: (change: RebalanceChange) => void, nothing: (message: string) => void): () => void;
  metrics(s: Sel): void;
  strip(s: Sel): void;
  shares(s: Sel): void;
  matrix(s: Sel): void;
  legend(s: Sel): void;
  compute(change: RebalanceChange): RebalanceResult;
  sizeStrip(): void;
  showMetrics(s: Sel, r: RebalanceResult): void;
  readableZoom(): void;
  drawStrip(): void;
  drawShares(): void;
  drawMatrix(): void;
  drawLegend(): void;
  resize(): void;
}

/**
 * `window.ringSimReport`: what the views still written as classic scripts (viz/rebalance.js, viz/rebalance-views.js)
 * use, and what they add (`Explorer`, their colours).
 */
export interface ReportKit {
  bytes: typeof bytes;
  pct: typeof pct;
  count: typeof count;
  /** A duration in seconds, as the plan's what-if table prints re-read times. */
  duration: typeof seconds;
  seconds: typeof seconds;
  usd: typeof usd;
  byteUnit: typeof byteUnit;
  shortNames: typeof shortNames;
  palette: typeof palette;
  section: typeof section;
  tableOf: typeof tableOf;
  axisLabel: typeof axisLabel;
  d3: typeof D3;
  root: Sel;
  data: PageModel;
  Explorer?: new (plan: PlanReport, core: RingSimCore) => Explorer;
  /** The rebalance section (viz/rebalance-views.js) for a plan, or the inspect page's model: appended to `root` under `title`. */
  rebalanceSection?: (source: PlanReport, core: RingSimCore, title: string) => Explorer;
  MOVED?: string;
  OFFLINE?: string;
}

/** Sets `window.ringSimReport` for the classic-script views; its `root` is the page's. */
export function exposeKit(): ReportKit {
  const kit: ReportKit = {
    bytes,
    pct,
    count,
    duration: seconds,
    seconds,
    usd,
    byteUnit,
    shortNames,
    palette,
    section,
    tableOf,
    axisLabel,
    d3,
    get root() {
      return page.root;
    },
    set root(r: Sel) {
      page.root = r;
    },
    data: page.data,
  };
  window.ringSimReport = kit;
  return kit;
}
