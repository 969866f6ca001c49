/**
 * `inspect --html`: the inspect report as one self-contained page (the report's stylesheet and tables, the plan
 * page's head). Given the page's assets (`HtmlAssets`, as the CLI passes them), it is the rebalance view of the
 * running cluster: the plan page's what-if controls (viz/rebalance.js, started by viz/inspect.js) on the exact
 * identities read, computed in the browser by ring-sim's own ring code (dist/viz/core.js, src/report/rebalance.ts
 * over src/ring/analysis/what-if.ts) with the ring settings inspect used, so its figures equal `inspect --json`'s.
 * It fetches nothing, as the plan page's Content Security Policy says. Given only a stylesheet, it is the tables
 * alone and runs no script (`INSPECT_CSP`). The model is embedded as JSON (`#report-data`, data, not a script).
 */
import { formatBandwidth, formatDuration } from '../core/bandwidth.js';
import { formatBytes } from '../core/units.js';
import { count, percent, ratio } from './format.js';
import { usd } from './ufs-text.js';
import { contentSecurityPolicy, embedJSON, escapeHtml, pageHead, type HtmlAssets } from './html.js';
import type { InspectReport, InspectEffect, RingBalance } from './inspect.js';
import type { RebalanceInput } from './rebalance.js';

/** No script, no network; the inlined stylesheet only (the page without its assets). */
export const INSPECT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** What the page's what-ifs take that the report does not carry: inspect's options. */
export interface InspectPageOptions {
  /** Seed of the drawn identities (--seed, default 1): the page draws the same new identities as the CLI. */
  seed?: number;
  /** What each ONLINE worker caches at most (bytes, from --manifest), or absent: unknown, not capped. */
  cacheBytes?: number;
  /** The page store's volume type (from --manifest), or absent: hostPath. */
  pagestoreType?: string;
}

/** The page's rebalance model: the identities as read (OFFLINE ones marked), each labelled with its host. */
export interface InspectRebalance {
  input: RebalanceInput;
  /** `identity (host)`, aligned with `input.names`; `, OFFLINE` added for a registered OFFLINE identity. */
  labels: string[];
}

/** The ring inspect built (DEFAULT provider, its virtual nodes, the identities in etcd's order) as the page's what-ifs take it. */
export function inspectRebalance(r: InspectReport, o: InspectPageOptions = {}): InspectRebalance {
  return {
    input: {
      model: { weighted: false, vnodes: r.vnodes, seed: o.seed ?? 1, workers: r.workers.map((w) => ({ id: w.identity })) },
      names: r.workers.map((w) => w.identity),
      mode: r.ring,
      capacityBytes: r.workers.map(() => o.cacheBytes ?? null),
      offline: r.workers.map((w) => w.state === 'OFFLINE'),
      datasetBytes: r.cost.datasetBytes,
      pagestoreTypes: r.workers.map(() => o.pagestoreType ?? 'hostPath'),
    },
    labels: r.workers.map((w) => {
      const where = [w.host ?? w.address, w.pod ? `pod ${w.pod}` : null, w.state === 'OFFLINE' ? 'OFFLINE' : null].filter((x): x is string => !!x);
      return where.length ? `${w.identity} (${where.join(', ')})` : w.identity;
    }),
  };
}

function htmlTable(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function balanceRow(name: string, b: RingBalance | null): string[] {
  return b
    ? [name, String(b.workers), ratio(b.maxOverMean), ratio(b.minOverMean), percent(b.relativeStddev), percent(b.expectedRelativeStddev)]
    : [name, '0', '-', '-', '-', '-'];
}

function costCells(e: InspectEffect | null, priced: boolean): string[] {
  const cells = !e
    ? ['-', '-', '-']
    : [percent(e.moved), e.rereadBytes === null ? '-' : formatBytes(e.rereadBytes), e.rereadSeconds === null ? '-' : formatDuration(e.rereadSeconds)];
  if (!priced) return cells;
  return [...cells, e?.rereadRequests == null ? '-' : count(e.rereadRequests), e?.rereadUSD == null ? '-' : usd(e.rereadUSD)];
}

/**
 * The inspect page. With `assets` (the CLI's), the rebalance view of the cluster below the tables; with a
 * stylesheet only, the tables alone, without a script.
 */
export function renderInspectHtml(r: InspectReport, assets: HtmlAssets | string, page: InspectPageOptions = {}): string {
  const live = typeof assets !== 'string';
  const css = live ? assets.css : assets;
  const head = pageHead(`ring-sim inspect: ${r.cluster}`, live ? contentSecurityPolicy(assets) : INSPECT_CSP, css);
  const data = live ? { inspect: r, rebalance: inspectRebalance(r, page) } : { inspect: r };
  const scripts = live ? `\n<script>${assets.d3}</script>\n<script type="module">${assets.core}</script>\n<script>${assets.script}</script>` : '';
  return `${head}<body>
${inspectMain(r, live)}
<script type="application/json" id="report-data">${embedJSON(data)}</script>${scripts}
</body>
</html>
`;
}

/** The tables (and, live, the slot the rebalance view is drawn in). */
function inspectMain(r: InspectReport, live: boolean): string {
  const c = r.counts;
  const cost =
    r.cost.datasetBytes === null
      ? 'Pass --dataset (and --ufs-bandwidth) for bytes re-read and time.'
      : `${r.cost.basis}. Data set ${formatBytes(r.cost.datasetBytes)}${r.cost.ufsBytesPerSecond === null ? '' : `; UFS ${formatBandwidth(r.cost.ufsBytesPerSecond)}`}.`;
  const priced = r.cost.pricePer1000Requests !== null;
  const costHead = priced ? ['re-read', 'time', 'GETs', 'cost'] : ['re-read', 'time'];
  const models = [...new Set(r.whatIf.map((w) => w.model).filter((m): m is string => m !== null))];
  return `<main id="inspect">
<h1>${escapeHtml(`Cluster ${r.cluster}`)}</h1>
<p>${escapeHtml(`From ${r.source}: ${c.registered} registered, ${c.online} ONLINE, ${c.offline} OFFLINE; ${r.vnodes} virtual nodes a worker.`)}</p>
${r.assumptions.map((a) => `<p class="assumption">${escapeHtml(`Assumed: ${a}`)}</p>`).join('\n')}
<h2>Workers</h2>
${htmlTable(
  ['identity', 'address', 'state', 'dynamic share', 'static share'],
  r.workers.map((w) => [w.identity, w.address ?? '?', w.state, w.state === 'ONLINE' ? percent(w.share, 3) : '-', percent(w.staticShare, 3)]),
)}
<h2>Balance</h2>
${htmlTable(['ring', 'workers', 'busiest / mean', 'idlest / mean', 'relative stddev', 'random-draw stddev'], [balanceRow('dynamic', r.balance.dynamic), balanceRow('static', r.balance.static)])}
<h2>Ring bloat</h2>
<p>${escapeHtml(`${r.bloat.offline} OFFLINE identities; in a static ring ${percent(r.bloat.staticOfflineShare)} of the keys belong to an OFFLINE worker.`)}</p>
<h2>What-ifs</h2>
${htmlTable(
  ['what-if', 'dynamic: moved', ...costHead, 'static: moved', ...costHead, 'static: unreachable'],
  r.whatIf.map((w) => [w.name, ...costCells(w.dynamic, priced), ...costCells(w.static, priced), percent(w.static.unreachable)]),
)}
<p>${escapeHtml(cost)}</p>
${models.map((m) => `<p>${escapeHtml(`model: ${m}`)}</p>`).join('\n')}
${live ? '<div id="rebalance-slot"></div>\n' : ''}</main>`;
}
