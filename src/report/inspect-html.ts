/**
 * `inspect --html`: the inspect report as one self-contained page (the report's stylesheet and tables, the plan
 * page's head): no script runs and nothing is fetched, as its Content Security Policy says (`INSPECT_CSP`). The
 * model is embedded as JSON too (`#report-data`, data, not a script), as on the plan page, for scripts that want it.
 */
import { formatBandwidth, formatDuration } from '../core/bandwidth.js';
import { formatBytes } from '../core/units.js';
import { count, percent, ratio } from './format.js';
import { usd } from './ufs-text.js';
import { embedJSON, escapeHtml, pageHead } from './html.js';
import type { InspectEffect, InspectReport, RingBalance } from './inspect.js';

/** No script, no network; the inlined stylesheet only. */
export const INSPECT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

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

export function renderInspectHtml(r: InspectReport, css: string): string {
  const c = r.counts;
  const cost =
    r.cost.datasetBytes === null
      ? 'Pass --dataset (and --ufs-bandwidth) for bytes re-read and time.'
      : `${r.cost.basis}. Data set ${formatBytes(r.cost.datasetBytes)}${r.cost.ufsBytesPerSecond === null ? '' : `; UFS ${formatBandwidth(r.cost.ufsBytesPerSecond)}`}.`;
  const priced = r.cost.pricePer1000Requests !== null;
  const costHead = priced ? ['re-read', 'time', 'GETs', 'cost'] : ['re-read', 'time'];
  const models = [...new Set(r.whatIf.map((w) => w.model).filter((m): m is string => m !== null))];
  return `${pageHead(`ring-sim inspect: ${r.cluster}`, INSPECT_CSP, css)}<body>
<main id="inspect">
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
</main>
<script type="application/json" id="report-data">${embedJSON({ inspect: r })}</script>
</body>
</html>
`;
}
