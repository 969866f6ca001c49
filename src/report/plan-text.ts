/** The plan report as terminal text: the same model `--json` prints and the HTML page draws. */
import { formatBinary } from '../core/units.js';
import type { PlanReport } from '../plan/model.js';
import { percent, table } from './format.js';

export function renderPlanText(r: PlanReport): string {
  const L: string[] = [];
  L.push(`${r.cluster.name}${r.cluster.namespace ? ` (namespace ${r.cluster.namespace})` : ''} from ${r.source}`);
  L.push(`VERDICT: ${r.verdict.deployable ? 'DEPLOYABLE' : 'WILL NOT DEPLOY'}: ${r.verdict.summary}`, '');
  L.push('capacity per worker:');
  const groups = new Map<string, { count: number; w: PlanReport['workers'][number] }>();
  for (const w of r.workers) {
    const key = `${w.group}|${w.sizeBytes}|${w.reservedBytes}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, w });
  }
  L.push(table(
    ['group', 'workers', 'size', 'reserved', 'page data', 'pages', 'usable disk', 'headroom'],
    [...groups.values()].map(({ count, w }) => [
      w.group,
      String(count),
      formatBinary(w.sizeBytes),
      formatBinary(w.reservedBytes),
      formatBinary(w.cacheBytes),
      `${w.pages.toLocaleString('en-US')} × ${formatBinary(w.pageSizeBytes)}`,
      w.usableDiskBytes === null ? '- (no --disk)' : formatBinary(w.usableDiskBytes),
      w.headroomBytes === null ? '-' : formatBinary(w.headroomBytes),
    ]),
    [false, true, true, true, true, true, true, true],
  ));
  L.push('', 'checks:');
  for (const c of r.checks) L.push(`  ${c.severity.toUpperCase().padEnd(7)} ${c.field}: ${c.message}`, `          fix: ${c.fix}`);
  const ring = r.ring;
  L.push('', `ring: ${ring.algorithm}, ${ring.vnodes} virtual nodes a worker, ${ring.mode} ring, provider ${ring.provider}; identities: ${ring.identities}`);
  L.push(table(['', ''], [
    ['busiest worker / fair share', `${ring.maxOverMean.toFixed(3)}x (${ring.busiest.worker}, ${percent(ring.busiest.share)} of keys)`],
    ['least loaded / fair share', `${ring.minOverMean.toFixed(3)}x`],
    ['stddev / mean', `${percent(ring.relativeStddev)} (expected for ${ring.vnodes} virtual nodes: ${percent(ring.expectedRelativeStddev)})`],
    [`busiest / fair over ${ring.draws} draws`, `median ${ring.maxOverMeanAcrossDraws.median.toFixed(3)}x, worst ${ring.maxOverMeanAcrossDraws.worst.toFixed(3)}x`],
  ]).split('\n').slice(2).join('\n'));
  if (r.dataset) {
    const d = r.dataset;
    L.push('', `data set: ${formatBinary(d.bytes)}${d.files ? ` in ${d.files.toLocaleString('en-US')} files (mean ${formatBinary(Math.round(d.bytes / d.files))})` : ''}; cache ${formatBinary(d.cacheBytes)} = ${percent(d.coverage)} of it; ${d.fits ? 'every worker holds its share' : `${d.overflowing.length} worker(s) get more than they hold`}`);
  }
  L.push('', 'what if:');
  L.push(table(
    ['change', 'keys moved', 'optimal', 'unreachable', `bytes moved (of the ${r.whatIf[0]?.bytesBasis ?? 'cache'})`],
    r.whatIf.map((w) => [w.name, percent(w.moved), percent(w.optimal), percent(w.unreachable), formatBinary(w.bytesMoved)]),
    [false, true, true, true, true],
  ));
  for (const w of r.whatIf) L.push(`  ${w.name}: ${w.description}`);
  if (r.assumptions.length) {
    L.push('', 'assumptions (model):');
    for (const a of r.assumptions) L.push(`  - ${a}`);
  }
  return L.join('\n') + '\n';
}
