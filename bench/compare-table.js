#!/usr/bin/env node
// Prints the markdown tables of docs/algorithms.md: `compareAlgorithms` on 100 and 1,000 workers, equal and
// 1:2:4 weights, 100,000 synthetic keys. Run: npm run build && node bench/compare-table.js
import { ALGORITHM_NAMES, compareAlgorithms, syntheticKeys } from '../dist/index.js';

const keys = syntheticKeys(100_000, 1);
const pct = (x) => `${(x * 100).toFixed(2)} %`;
for (const n of [100, 1000]) {
  for (const weights of [[1], [1, 2, 4]]) {
    const workers = Array.from({ length: n }, (_, i) => ({ id: `worker-host-${String(i + 1).padStart(4, '0')}`, weight: weights[i % weights.length] }));
    const r = compareAlgorithms({ algorithms: ALGORITHM_NAMES, workers, keys });
    console.log(`\n### ${n} workers, weights ${weights.join(':')}\n`);
    console.log(
      '| algorithm | balance | max/mean | min/mean | stddev/mean | +1 moved | +1 optimal | +1 collateral | -1 moved | -1 optimal | -1 collateral | memory |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of r.rows) {
      if (row.skipped) {
        console.log(`| ${row.algorithm} | skipped: no weights | | | | | | | | | | |`);
        continue;
      }
      const b = row.balance;
      const params = row.params.vnodes ? ` (vnodes ${row.params.vnodes})` : '';
      console.log(
        `| ${row.algorithm}${params}${row.note ? ' (ignores weights)' : ''} | ${b.method} | ${b.maxOverMean.toFixed(3)} | ${b.minOverMean.toFixed(3)} | ${pct(b.relativeStddev)} | ${pct(row.add.moved)} | ${pct(row.add.optimal)} | ${pct(row.add.collateral)} | ${pct(row.remove.moved)} | ${pct(row.remove.optimal)} | ${pct(row.remove.collateral)} | ${(row.memoryBytes / 1024).toFixed(1)} KiB |`,
      );
    }
  }
}
