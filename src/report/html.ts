/**
 * The HTML report: one self-contained file with d3, the renderer and the report model inlined. A Content
 * Security Policy forbids every network request, so the page works offline on an air-gapped laptop. The page
 * only draws the model it is given; it computes no placement itself.
 *
 * The assets (viz/report.css, viz/report.js, d3's UMD bundle) are given as strings: this module reads no file,
 * so it runs in a browser too. The CLI loads them (src/cli/html-assets.ts).
 */
import type { SimulationResult } from '../sim/simulate.js';
import type { PlanReport } from '../plan/model.js';

/** The page's assets, as text. */
export interface HtmlAssets {
  css: string;
  script: string;
  d3: string;
}

/** JSON safe to embed in a <script> element. */
export function embedJSON(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderHtml(model: { plan?: PlanReport; simulation?: SimulationResult }, assets: HtmlAssets): string {
  const title = model.plan ? `ring-sim plan: ${model.plan.cluster.name}` : `ring-sim simulation: ${model.simulation?.scenario.name ?? ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${assets.css}</style>
</head>
<body>
<header></header>
<main></main>
<script type="application/json" id="report-data">${embedJSON(model)}</script>
<script>${assets.d3}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}
