// Entry of the page's placement core (npm run build bundles it with esbuild into dist/viz/core.js): ring-sim's
// own ring, hash and analysis code, the same the CLI runs, for the rebalance view, what the page's numeric controls
// accept (src/report/control-input.ts), and the sentences that state a quality of a figure, generated from it
// (src/report/change-sentences.ts). It loads as a module (xxhash's WebAssembly is instantiated with a top-level
// await), then announces itself.
import * as core from '../src/report/rebalance.js';
import * as controls from '../src/report/control-input.js';
import * as sentences from '../src/report/change-sentences.js';

/** What the page's placement core offers, as `window.ringSim`. */
export type RingSimCore = typeof core & typeof controls & typeof sentences;

const ringSim: RingSimCore = Object.assign({}, core, controls, sentences);
window.ringSim = ringSim;
document.dispatchEvent(new Event('ring-sim:core'));
