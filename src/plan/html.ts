/**
 * The HTML report: one self-contained file with d3, the renderer and the report model inlined. A Content
 * Security Policy forbids every network request, so the page works offline on an air-gapped laptop. The page
 * only draws the model it is given; it computes no placement itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SimulationResult } from '../sim/simulate.js';
import type { PlanReport } from './plan.js';

const require = createRequire(import.meta.url);

function asset(name: string): string {
  return readFileSync(new URL(`../../viz/${name}`, import.meta.url), 'utf8');
}

/** JSON safe to embed in a <script> element. */
function embedJSON(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderHtml(model: { plan?: PlanReport; simulation?: SimulationResult }): string {
  // d3's exports map hides dist/; its UMD bundle sits beside the ES module it resolves to.
  const d3 = readFileSync(join(dirname(require.resolve('d3')), 'd3.min.js'), 'utf8');
  const title = model.plan ? `ring-sim plan: ${model.plan.cluster.name}` : `ring-sim simulation: ${model.simulation?.scenario.name ?? ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${asset('report.css')}</style>
</head>
<body>
<header></header>
<main></main>
<script type="application/json" id="report-data">${embedJSON(model)}</script>
<script>${d3}</script>
<script>${asset('report.js')}</script>
</body>
</html>
`;
}
