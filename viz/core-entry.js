// Entry of the page's placement core (npm run build bundles it with esbuild into dist/viz/core.js): ring-sim's
// own ring, hash and analysis code, the same the CLI runs, for viz/report.js. It loads as a module (xxhash's
// WebAssembly is instantiated with a top-level await), then announces itself.
import * as core from '../src/report/rebalance.ts';

globalThis.ringSim = core;
document.dispatchEvent(new Event('ring-sim:core'));
