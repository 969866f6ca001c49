// cachesim against libCacheSim built from its source (issue 16; bench/libcachesim.js): needs LIBCACHESIM_SRC or
// --libcachesim PATH, else skipped with a message (a full run then keeps the section of the last results.json).
// Never part of --quick unless named by --only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithLibCacheSim, libCacheSimSource, missingForLibCacheSim, renderLibCacheSim } from '../libcachesim.js';
import { f } from '../lib/table.js';

export const name = 'libcachesim';

/** Whether this run measures the section: a full run, or a quick one that names it in --only. */
export const runsIn = ({ quick, only }) => !quick || Boolean(only?.includes('libcachesim'));

export async function measure({ argv, only, outDir, results, carried }) {
  const src = libCacheSimSource(argv);
  const missing = missingForLibCacheSim(src);
  const previous = join(outDir, 'results.json');
  const last = existsSync(previous) ? JSON.parse(readFileSync(previous, 'utf8')) : null;
  if (!missing) results.sections.libcachesim = await compareWithLibCacheSim({ src });
  else if (last?.sections?.libcachesim && !only) {
    console.error(`libcachesim: skipped (${missing}); keeping the section measured by ${last.commands.libcachesim.command}`);
    results.sections.libcachesim = last.sections.libcachesim;
    results.commands.libcachesim = last.commands.libcachesim;
    carried.add('libcachesim');
  } else console.error(`libcachesim: skipped: ${missing}`);
}

export function render(r, { measuredBy }) {
  if (!r.sections.libcachesim) return [];
  return [
    ...measuredBy('libcachesim'),
    '## cachesim against libCacheSim (issue 16)',
    '',
    'Reproduce (builds libCacheSim from its source in $TMPDIR/ring-sim-libcachesim, outside the repository; needs cmake, glib and zstd: `apt-get install -y cmake build-essential libglib2.0-dev libzstd-dev`): `LIBCACHESIM_SRC=/path/to/libCacheSim node --expose-gc bench/run.js --only libcachesim --write-results`, or `node bench/libcachesim.js --libcachesim /path/to/libCacheSim` for the table alone.',
    '',
    ...renderLibCacheSim(r.sections.libcachesim, f),
  ];
}
