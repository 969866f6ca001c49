/**
 * `compare`'s text: the report of `compareAlgorithms` (its `--json` as is) as a view with the table built, then
 * as text.
 */
import { formatBinaryCompact } from '../core/units.js';
import type { CompareReport, CompareRow } from '../ring/analysis/compare.js';
import { percent, ratio } from './format.js';
import { renderTable, type TextTable } from './table.js';

/** The comparison as the terminal shows it: heading lines, one table row an algorithm, then notes. */
export interface CompareView {
  heading: string[];
  table: TextTable;
  /** Algorithms skipped or annotated, one line each. */
  notes: string[];
  footer: string[];
}

const HEADERS = [
  'algorithm',
  'params',
  'balance',
  'max/mean',
  'min/mean',
  'stddev/mean',
  'expected',
  '+1 moved',
  '+1 optimal',
  '+1 collateral',
  '-1 moved',
  '-1 optimal',
  '-1 collateral',
  'memory',
  'lookup',
];
const SHOWN_PARAMS = ['vnodes', 'weighting', 'tableSize', 'probes', 'epsilon', 'replicas'];

export function compareView(r: CompareReport): CompareView {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const row of r.rows) {
    if (row.note) notes.push(`${row.algorithm}: note: ${row.note}`);
    const cells = compareCells(row);
    if (cells) rows.push(cells);
    else notes.push(`${row.algorithm}: skipped: ${row.skipped}`);
  }
  const footer: string[] = [];
  if (r.rows.some((x) => x.algorithm === 'alluxio-capacity'))
    footer.push('', "alluxio-capacity is ring-sim's MODEL of Alluxio Enterprise's CAPACITY provider (not public), not a copy.");
  footer.push('', `expected: the stddev/mean a perfectly random placement of ${r.keys} keys would show (binomial, as Ceph's osdmaptool prints it).`);
  return {
    heading: [
      `${r.workers} workers (total weight ${r.totalWeight}); ${r.keys} sampled keys where no exact ownership exists`,
      `+1: add ${r.added.id} (weight ${r.added.weight ?? 1}); -1: ${r.workers > 1 ? `remove ${r.removed}` : 'none (one worker: removing it leaves no ring)'}`,
      'balance and movement are exact fractions of the hash space where marked "exact", else measured on the keys',
    ],
    table: { headers: HEADERS, rows, rightAlign: HEADERS.map((_, i) => i >= 3) },
    notes,
    footer,
  };
}

/** One algorithm's cells, or null when it was skipped. */
function compareCells(row: CompareRow): string[] | null {
  if (row.skipped || !row.balance || !row.add) return null;
  const params = Object.entries(row.params ?? {})
    .filter(([k]) => SHOWN_PARAMS.includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return [
    row.algorithm,
    params || '-',
    row.balance.method,
    ratio(row.balance.maxOverMean),
    ratio(row.balance.minOverMean),
    percent(row.balance.relativeStddev),
    percent(row.balance.expectedStddev / row.balance.mean),
    percent(row.add.moved),
    percent(row.add.optimal),
    percent(row.add.collateral),
    row.remove ? percent(row.remove.moved) : '-',
    row.remove ? percent(row.remove.optimal) : '-',
    row.remove ? percent(row.remove.collateral) : '-',
    formatBinaryCompact(row.memoryBytes ?? 0),
    row.lookupNs !== undefined ? `${row.lookupNs.toFixed(0)} ns` : '-',
  ];
}

export function renderCompareText(r: CompareReport): string {
  const v = compareView(r);
  const lines = [...v.heading, '', renderTable(v.table)];
  if (v.notes.length) lines.push('', ...v.notes);
  lines.push(...v.footer);
  return lines.join('\n') + '\n';
}
