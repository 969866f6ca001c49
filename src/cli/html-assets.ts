/**
 * The HTML report's assets, read from the installed package: viz/report.css, viz/report.js and d3's UMD bundle.
 * Node only; the renderer (src/report/html.ts) takes them as strings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { HtmlAssets } from '../report/html.js';

const require = createRequire(import.meta.url);

let cached: HtmlAssets | undefined;

export function htmlAssets(): HtmlAssets {
  if (cached) return cached;
  const viz = (name: string): string => readFileSync(new URL(`../../viz/${name}`, import.meta.url), 'utf8');
  // d3's exports map hides dist/; its UMD bundle sits beside the ES module it resolves to.
  const d3 = readFileSync(join(dirname(require.resolve('d3')), 'd3.min.js'), 'utf8');
  cached = { css: viz('report.css'), script: viz('report.js'), d3 };
  return cached;
}
