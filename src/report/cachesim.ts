/** `cachesim`'s text: the miss-ratio table of `cacheSim`'s report (its `--json` as is). */
import { formatBinary, formatIn } from '../core/units.js';
import type { CacheSimReport } from '../sim/cachesim.js';
import { count, percent, sampleLabel } from './format.js';
import { renderTable, type TextTable } from './table.js';

export interface CacheSimView {
  heading: string[];
  table: TextTable;
}

export function cacheSimView(r: CacheSimReport): CacheSimView {
  const objects = r.unit === 'objects';
  const size = (n: number): string =>
    objects ? `${count(n)} objects` : n >= 2 ** 30 ? formatIn(n, 'GiB') : n >= 2 ** 20 ? formatIn(n, 'MiB') : `${count(n)} B`;
  const amount = (n: number): string => (objects ? `${count(n)} objects` : n >= 1024 ? formatBinary(n) : `${count(n)} B`);
  const heading = [`${r.trace} (${r.format}): ${count(r.requests)} requests, ${amount(r.requestBytes)} requested`];
  if (r.sample) heading.push(`${sampleLabel(r.sample.rate, 'the objects')}; ${count(r.sample.requests)} requests replayed; miss ratio adjusted as SHARDS_adj`);
  heading.push(`working set: ${count(r.workingSet.objects)} objects${objects ? '' : `, ${amount(r.workingSet.bytes)} (${count(r.workingSet.bytes)} B)`}`);
  for (const a of r.assumptions) heading.push(`assumed: ${a}`);
  for (const w of r.warnings) heading.push(`warning: ${w}`);
  const headers = [
    'policy',
    'cache size',
    'requests',
    'misses',
    'miss ratio',
    objects ? 'miss size' : 'miss bytes',
    objects ? 'size miss ratio' : 'byte miss ratio',
  ];
  const rows = r.results.map((x) => [
    x.policy,
    size(x.cacheSize),
    count(x.requests),
    count(x.misses),
    percent(x.missRatio),
    amount(x.missBytes),
    percent(x.byteMissRatio),
  ]);
  return { heading, table: { headers, rows, rightAlign: headers.map((_, i) => i > 0) } };
}

export function renderCacheSimText(r: CacheSimReport): string {
  const v = cacheSimView(r);
  return [...v.heading, '', renderTable(v.table)].join('\n') + '\n';
}
