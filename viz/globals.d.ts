/**
 * The page's globals: d3's UMD bundle (inlined before the renderer), ring-sim's placement core (dist/viz/core.js,
 * a module that sets `ringSim` once loaded) and the renderer's kit for the views still written as classic scripts.
 */
import type * as D3 from 'd3';
import type { RingSimCore } from './core-entry.js';
import type { ReportKit } from './report.js';

declare global {
  interface Window {
    d3: typeof D3;
    ringSim?: RingSimCore;
    ringSimReport: ReportKit;
  }
}
