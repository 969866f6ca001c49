/**
 * The HTML report's assets, read from the installed package: viz/report.css, the renderer that `npm run build`
 * bundles from viz/main.ts (dist/viz/report.js) and the views still written as classic scripts after it
 * (viz/rebalance.js, viz/rebalance-views.js), d3's UMD bundle and the placement core (dist/viz/core.js, also
 * bundled by the build). Node only; the renderer (src/report/html.ts) takes them as strings.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RingSimError } from '../core/errors.js';
import type { HtmlAssets } from '../report/html.js';

const require = createRequire(import.meta.url);

let cached: HtmlAssets | undefined;

/** The views after the renderer's bundle, in order (classic scripts using its `window.ringSimReport`); inspect.js starts the inspect page's. */
const VIEWS = ['rebalance.js', 'rebalance-views.js', 'inspect.js'];

/** A bundle of dist/viz/ (`core.js`, `report.js`), from dist/cli/ (the built CLI) or from src/cli/ (run from source, after a build). */
function readBuilt(name: string): string {
  const places = [new URL(`../viz/${name}`, import.meta.url), new URL(`../../dist/viz/${name}`, import.meta.url)];
  for (const url of places) {
    try {
      return readFileSync(url, 'utf8');
    } catch {
      // try the next place
    }
  }
  throw new RingSimError(
    '--html',
    places[0].pathname,
    `the page's ${name === 'core.js' ? 'placement core' : 'renderer'} is missing`,
    `run npm run build (it bundles dist/viz/${name})`,
  );
}

export function htmlAssets(): HtmlAssets {
  if (cached) return cached;
  const viz = (name: string): string => readFileSync(new URL(`../../viz/${name}`, import.meta.url), 'utf8');
  // d3's exports map hides dist/; its UMD bundle sits beside the ES module it resolves to.
  const d3 = readFileSync(join(dirname(require.resolve('d3')), 'd3.min.js'), 'utf8');
  const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');
  const script = [readBuilt('report.js'), ...VIEWS.map(viz)].join('\n');
  cached = { css: viz('report.css'), script, d3, core: readBuilt('core.js'), sha256 };
  return cached;
}
