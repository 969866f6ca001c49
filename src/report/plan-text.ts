/** The plan report as terminal text: the same model `--json` prints and the HTML page draws. */
import { formatBandwidth } from '../core/bandwidth.js';
import { formatBinary } from '../core/units.js';
import { requestsPerFile } from '../core/ufs-cost.js';
import type { PlanReport, PlanWhatIf, PlanWorker } from '../plan/model.js';
import { count, percent, table } from './format.js';
import { seconds, usd } from './ufs-text.js';

export function renderPlanText(r: PlanReport): string {
  const L: string[] = [];
  L.push(`${r.cluster.name}${r.cluster.namespace ? ` (namespace ${r.cluster.namespace})` : ''} from ${r.source}`);
  if (r.cluster.otherDocuments.length) {
    L.push(`other documents: ${r.cluster.otherDocuments.map((d) => `${d.kind} ${d.name ?? '(no name)'}${documentRead(d) ? '' : ' (not read)'}`).join(', ')}`);
  }
  L.push(`VERDICT: ${r.verdict.deployable ? 'DEPLOYABLE' : 'WILL NOT DEPLOY'}: ${r.verdict.summary}`, '');
  L.push(...capacityLines(r));
  L.push('', 'checks:');
  for (const c of r.checks) {
    L.push(`  ${c.severity.toUpperCase().padEnd(7)} ${c.field}: ${c.message}`, `          fix: ${c.fix}`);
    if (c.source) L.push(`          source: ${c.source}`);
  }
  L.push(...ringLines(r));
  if (r.dataset) {
    const d = r.dataset;
    L.push(
      '',
      `data set: ${formatBinary(d.bytes)}${d.files ? ` in ${d.files.toLocaleString('en-US')} files (mean ${formatBinary(Math.round(d.bytes / d.files))})` : ''}; cache ${formatBinary(d.cacheBytes)} = ${percent(d.coverage)} of it; ${d.fits ? 'every worker holds its share' : `${d.overflowing.length} worker(s) get more than they hold`}`,
    );
  }
  L.push(...whatIfLines(r));
  if (r.assumptions.length) {
    L.push('', 'assumptions (defaults with their source, and models):');
    for (const a of r.assumptions) L.push(`  - ${a}`);
  }
  return L.join('\n') + '\n';
}

function documentRead(d: { kind: string; apiVersion?: string }): boolean {
  return (d.kind === 'License' || d.kind === 'UnderFileSystem') && (d.apiVersion === undefined || d.apiVersion.startsWith('k8s-operator.alluxio.com/'));
}

function capacityLines(r: PlanReport): string[] {
  const groups = new Map<string, { count: number; w: PlanReport['workers'][number] }>();
  for (const w of r.workers) {
    const key = `${w.group}|${w.sizeBytes}|${w.reservedBytes}|${(w.dirs ?? []).map((d) => `${d.sizeBytes}/${d.hostPath}`).join(',')}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, w });
  }
  const figures = (x: CapacityFigures, pageSizeBytes: number): string[] => [
    formatBinary(x.sizeBytes),
    formatBinary(x.reservedBytes),
    formatBinary(x.cacheBytes),
    `${x.pages.toLocaleString('en-US')} × ${formatBinary(pageSizeBytes)}`,
    x.usableDiskBytes === null ? '- (no --disk)' : formatBinary(x.usableDiskBytes),
    x.headroomBytes === null ? '-' : formatBinary(x.headroomBytes),
  ];
  // A worker of several page-store directories: its sums, then one row a directory (one disk each).
  const rows = [...groups.values()].flatMap(({ count, w }) => [
    [w.group, String(count), ...figures(w, w.pageSizeBytes)],
    ...(w.dirs && w.dirs.length > 1
      ? w.dirs.map((d) => [`  pagestore-${d.index}${d.hostPath ? ` ${d.hostPath}` : ''}`, '', ...figures(d, w.pageSizeBytes)])
      : []),
  ]);
  return [
    'capacity per worker:',
    table(['group', 'workers', 'size', 'reserved', 'page data', 'pages', 'usable disk', 'headroom'], rows, [false, true, true, true, true, true, true, true]),
  ];
}

type CapacityFigures = Pick<PlanWorker, 'sizeBytes' | 'reservedBytes' | 'cacheBytes' | 'pages' | 'usableDiskBytes' | 'headroomBytes'>;

function ringLines(r: PlanReport): string[] {
  const ring = r.ring;
  return [
    '',
    `ring: ${ring.algorithm}, ${ring.vnodes} virtual nodes a worker, ${ring.mode} ring, provider ${ring.provider}; identities: ${ring.identities}`,
    table(
      ['', ''],
      [
        ['busiest worker / fair share', `${ring.maxOverMean.toFixed(3)}x (${ring.busiest.worker}, ${percent(ring.busiest.share)} of keys)`],
        ['least loaded / fair share', `${ring.minOverMean.toFixed(3)}x`],
        ['stddev / mean', `${percent(ring.relativeStddev)} (expected for ${ring.vnodes} virtual nodes: ${percent(ring.expectedRelativeStddev)})`],
        [
          `busiest / fair over ${ring.draws} draws`,
          `median ${ring.maxOverMeanAcrossDraws.median.toFixed(3)}x, worst ${ring.maxOverMeanAcrossDraws.worst.toFixed(3)}x`,
        ],
      ],
    )
      .split('\n')
      .slice(2)
      .join('\n'),
  ];
}

function whatIfLines(r: PlanReport): string[] {
  const na = (w: PlanWhatIf, text: string): string => (w.applicable === false ? 'n/a' : text);
  const cols = rereadColumns(r);
  const L = [
    '',
    'what if:',
    table(
      ['change', 'keys moved', 'optimal', 'unreachable', 'bytes moved', 'bytes re-read', ...cols.map((c) => c.head)],
      r.whatIf.map((w) => [
        w.name,
        na(w, percent(w.moved)),
        na(w, percent(w.optimal)),
        na(w, percent(w.unreachable)),
        na(w, `${formatBinary(w.bytesMoved)} (${w.bytesBasisText})`),
        na(w, formatBinary(w.bytesReread)),
        ...cols.map((c) => na(w, c.cell(w))),
      ]),
      [false, true, true, true, true, true, ...cols.map(() => true)],
    ),
  ];
  if (cols.length) L.push(`  re-read: ${rereadLine(r)}`);
  for (const w of r.whatIf) {
    L.push(`  ${w.name}: ${w.description}${w.applicable === false && w.reason ? ` (${w.reason})` : ''}`);
    if (!w.flows.length) continue;
    const movedFlows = w.flows.filter((f) => !f.samePod);
    const listed =
      w.flowCount === 0
        ? 'none to another pod'
        : movedFlows.length < w.flowCount
          ? `top ${movedFlows.length} of ${w.flowCount} flows, ${percent(w.flowsShownShare, 1)} of the ${w.moved === 0 && w.reread > 0 ? 're-read' : 'moved'} keys`
          : `all ${w.flowCount} flow${w.flowCount === 1 ? '' : 's'}`;
    L.push(`    flows (${listed}):`);
    for (const f of movedFlows) L.push(`      ${f.from} → ${f.to}: ${percent(f.fraction)} of the keys, ${formatBinary(f.bytes)}`);
    if (w.otherFlows.count > 0)
      L.push(`      other (${w.otherFlows.count} flows): ${percent(w.otherFlows.fraction)} of the keys, ${formatBinary(w.otherFlows.bytes)}`);
    for (const f of w.flows) {
      if (f.samePod)
        L.push(
          `      ${f.from} → ${f.to}, stays on the pod: ${percent(f.fraction)} of the keys, ${formatBinary(f.bytes)} still in its page store (not moved, not re-read)`,
        );
    }
  }
  return L;
}

/** The re-read columns: time with --ufs-bandwidth, GETs and USD with --ufs-price (none without a data set). */
function rereadColumns(r: PlanReport): Array<{ head: string; cell: (w: PlanWhatIf) => string }> {
  if (!r.ufs || !r.dataset) return [];
  const dash = <T>(v: T | null, f: (x: T) => string): string => (v === null ? '-' : f(v));
  return [
    ...(r.ufs.bandwidth ? [{ head: 're-read time', cell: (w: PlanWhatIf) => dash(w.rereadSeconds, seconds) }] : []),
    ...(r.ufs.pricePer1000Requests !== null
      ? [
          { head: 'GETs', cell: (w: PlanWhatIf) => dash(w.rereadRequests, count) },
          { head: 'cost', cell: (w: PlanWhatIf) => dash(w.rereadUSD, usd) },
        ]
      : []),
  ];
}

/** "at 1.25 GB/s (10.00 Gbit/s); one GET a 4.00 MiB page at 0.0004 USD/1000 (model: see the assumptions)". */
function rereadLine(r: PlanReport): string {
  const u = r.ufs!;
  const parts: string[] = [];
  if (u.bandwidth) parts.push(`time at ${formatBandwidth(u.bandwidth.bytesPerSecond)}`);
  if (u.pricePer1000Requests !== null) {
    const files =
      u.fileBytes === null
        ? 'bytes re-read in whole pages'
        : `files of the mean ${formatBinary(Math.round(u.fileBytes))}, ${requestsPerFile(u.fileBytes, u.pageSizeBytes)} a file`;
    parts.push(`one GET a ${formatBinary(u.pageSizeBytes)} page (${files}), ${u.pricePer1000Requests} USD/1000 GETs`);
  }
  return `${parts.join('; ')} (model: see the assumptions)`;
}
