/**
 * The HTML report: one self-contained file with d3, ring-sim's placement core (the browser bundle of ring, hash
 * and analysis, dist/viz/core.js), the renderer and the report model inlined. The page recomputes what-ifs
 * with the same code as the CLI, so its numbers and `plan --json` agree.
 *
 * Its Content Security Policy allows exactly the inlined scripts and style (by SHA-256), no network request of
 * any kind, and no `eval`: the only exception is 'wasm-unsafe-eval', which lets the page compile WebAssembly
 * (xxhash-wasm's module, inlined in the bundle as bytes, hashes ring-sim's weighted `ring`, the model of the
 * CAPACITY provider). It allows no JavaScript eval.
 *
 * The assets are given as strings (and a SHA-256 function): this module reads no file, so it runs in a browser
 * too. The CLI loads them (src/cli/html-assets.ts).
 */
import type { SimulationResult } from '../sim/simulate.js';
import type { PlanReport } from '../plan/model.js';

/** The page's assets, as text. */
export interface HtmlAssets {
  css: string;
  /** The renderer (dist/viz/report.js, bundled from viz/main.ts, and the views after it), a classic script using the global d3 and `ringSim`. */
  script: string;
  /** d3's UMD bundle. */
  d3: string;
  /** The placement core, an ES module that sets `globalThis.ringSim` (dist/viz/core.js). */
  core: string;
  /** Base64 SHA-256 of a text, for the CSP's hash sources. */
  sha256(text: string): string;
}

/** JSON safe to embed in a <script> element. */
export function embedJSON(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The page's Content Security Policy: the inlined scripts and style by hash, WebAssembly compilation, nothing else. */
export function contentSecurityPolicy(assets: HtmlAssets): string {
  const hash = (text: string): string => `'sha256-${assets.sha256(text)}'`;
  return [
    "default-src 'none'",
    `script-src ${[assets.d3, assets.core, assets.script].map(hash).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${hash(assets.css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The start of every ring-sim page, up to `</head>`: doctype, charset, the page's Content Security Policy,
 * viewport, the title (escaped) and the inlined stylesheet.
 */
export function pageHead(title: string, csp: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
`;
}

/** What a plan or simulate page shows, embedded as JSON (`#report-data`) for the renderer (viz/main.ts). */
export interface PageModel {
  plan?: PlanReport;
  /** Several AlluxioClusters of one file: a section each. */
  plans?: PlanReport[];
  simulation?: SimulationResult;
}

/** The page of a plan, of several clusters' plans (`plans`: one section each) or of a simulation. */
export function renderHtml(model: PageModel, assets: HtmlAssets): string {
  const title = model.plan
    ? `ring-sim plan: ${model.plan.cluster.name}`
    : model.plans
      ? `ring-sim plan: ${model.plans.map((p) => p.cluster.name).join(', ')}`
      : `ring-sim simulation: ${model.simulation?.scenario.name ?? ''}`;
  return `${pageHead(title, contentSecurityPolicy(assets), assets.css)}<body>
<header></header>
<main></main>
<script type="application/json" id="report-data">${embedJSON(model)}</script>
<script>${assets.d3}</script>
<script type="module">${assets.core}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}
