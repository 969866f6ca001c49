// Entry of the page's placement core (npm run build bundles it with esbuild into dist/viz/core.js): ring-sim's
// own ring, hash and analysis code, the same the CLI runs, for viz/report.js, what the page's numeric controls
// accept (src/report/control-input.ts), and the sentences that state a quality of a figure, generated from it
// (src/report/change-sentences.ts). It loads as a module (xxhash's WebAssembly is instantiated with a top-level
// await), then announces itself.
import * as core from '../src/report/rebalance.ts';
import * as controls from '../src/report/control-input.ts';
import * as sentences from '../src/report/change-sentences.ts';

globalThis.ringSim = Object.assign({}, core, controls, sentences);
document.dispatchEvent(new Event('ring-sim:core'));
