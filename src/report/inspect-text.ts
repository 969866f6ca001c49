/** The terminal text of `ring-sim inspect`: the same model `--json` prints and `--html` draws. */
import { formatBandwidth, formatDuration } from '../core/bandwidth.js';
import { formatBytes } from '../core/units.js';
import { count, percent, ratio } from './format.js';
import { usd } from './ufs-text.js';
import { table } from './table.js';
import { workerLabel } from './worker-label.js';
import type { PodMatch } from '../membership/pods.js';
import type { InspectEffect, InspectReport, InspectWhatIf, RingBalance } from './inspect.js';
import type { ScaleInChoice, ScaleInRange } from '../plan/scale-in.js';

/** Rows shown per what-if kind in text; --json carries them all. */
const SHOWN = 10;

function balanceLine(name: string, b: RingBalance | null): string {
  if (!b) return `${name}: no ONLINE worker`;
  return (
    `${name}: ${b.workers} workers, ${b.points.toLocaleString('en-US')} points; busiest ${ratio(b.maxOverMean)} the mean, idlest ${ratio(b.minOverMean)}; ` +
    `relative stddev ${percent(b.relativeStddev)} (a random draw of 1,000,000 keys: ${percent(b.expectedRelativeStddev)})`
  );
}

/** Bytes and time re-read; with --ufs-price the GETs and USD too. */
function cost(e: InspectEffect | null, priced: boolean): string[] {
  const cells = !e ? ['-', '-'] : [e.rereadBytes === null ? '-' : formatBytes(e.rereadBytes), e.rereadSeconds === null ? '-' : formatDuration(e.rereadSeconds)];
  if (!priced) return cells;
  return [...cells, e?.rereadRequests == null ? '-' : count(e.rereadRequests), e?.rereadUSD == null ? '-' : usd(e.rereadUSD)];
}

/** The largest flows of a --worker what-if, each ring, as `from (host) -> to (host): share`. */
function flowLines(w: InspectWhatIf, labels: Labels): string[] {
  const name = (id: string): string => labels.get(id) ?? `${id} (new)`;
  const ring = (label: string, e: InspectEffect | null): string[] =>
    !e?.flows || e.flows.length === 0
      ? []
      : [
          `  ${label} flows:`,
          ...e.flows.slice(0, 5).map((f) => `    ${name(f.from)} -> ${name(f.to)}: ${percent(f.fraction)}`),
          ...(e.flows.length > 5 ? [`    (${e.flows.length - 5} more in --json)`] : []),
        ];
  return [...ring('dynamic', w.dynamic), ...ring('static', w.static)];
}

/** A Deployment's scale-in over every choice of the leaving workers: best, median and worst moved (dynamic ring). */
function rangeLine(r: ScaleInRange, labels: Labels): string {
  const name = (id: string): string => labels.get(id) ?? workerLabel(id, null);
  const choice = (label: string, c: ScaleInChoice): string =>
    `${label} ${percent(c.moved)}${c.rereadBytes === null ? '' : ` (${formatBytes(c.rereadBytes)})`}: ${c.leaving.map(name).join(', ')}`;
  const over = r.measured === r.choices ? `every choice (${count(r.choices)})` : `${count(r.measured)} of ${count(r.choices)} choices (drawn)`;
  return `range over ${over}, dynamic ring moved: ${choice('best', r.best)}; ${choice('median', r.median)}; ${choice('worst', r.worst)}`;
}

/** A what-if's name with each registered identity in it as its label. */
function labelled(w: InspectWhatIf, labels: Labels): string {
  return w.identities.reduce((name, id) => name.replace(id, labels.get(id) ?? id), w.name);
}

/** Identity → how the operator knows it: `identity (host)`, with --pods `identity (host, pod P on node N)`. */
type Labels = ReadonlyMap<string, string>;

/** The pod match a worker row carries with --pods (undefined without). */
function podMatchOf(w: InspectReport['workers'][number]): PodMatch | undefined {
  if (w.pod === undefined) return undefined;
  return w.pod === null ? { pod: null, node: null, why: w.podNote ?? 'no pod' } : { pod: w.pod, node: w.node ?? null };
}

/** The label of every identity that registered a host. */
function labelsOf(r: InspectReport): Labels {
  return new Map(r.workers.filter((w) => w.host !== null).map((w) => [w.identity, workerLabel(w.identity, w.host, podMatchOf(w))]));
}

/** Keys a restart without identity keeps on its pod (share; with --dataset the bytes still cached there); '-' for a ring not computed. */
function onPod(e: InspectEffect | null, bytes: boolean): string[] {
  const share = e ? percent(e.samePod) : '-';
  if (!bytes) return [share];
  return [share, e?.samePodBytes == null ? '-' : formatBytes(e.samePodBytes)];
}

/**
 * One what-if kind's table. A restart without identity (the only change that keeps keys on a pod under a new
 * identity) gets the "stay on pod" columns, each ring: the JSON's samePod, and with --dataset samePodBytes.
 */
function whatIfTable(rows: InspectWhatIf[], labels: Labels, priced: boolean, withBytes: boolean): string {
  const costHead = priced ? ['re-read', 'time', 'GETs', 'cost'] : ['re-read', 'time'];
  const pod = rows.some((w) => w.kind === 'restart-new-identity' || (w.dynamic?.samePod ?? 0) > 0 || w.static.samePod > 0);
  const podHead = !pod ? [] : withBytes ? ['stay on pod', 'cached on pod'] : ['stay on pod'];
  return table(
    ['what-if', 'dynamic: moved', ...podHead, ...costHead, 'static: moved', ...podHead, 'unreachable', ...costHead],
    rows.map((w) => [
      labelled(w, labels),
      w.dynamic ? percent(w.dynamic.moved) : '-',
      ...(pod ? onPod(w.dynamic, withBytes) : []),
      ...cost(w.dynamic, priced),
      percent(w.static.moved),
      ...(pod ? onPod(w.static, withBytes) : []),
      percent(w.static.unreachable),
      ...cost(w.static, priced),
    ]),
    [false, true, ...podHead.map(() => true), ...costHead.map(() => true), true, ...podHead.map(() => true), true, ...costHead.map(() => true)],
  );
}

function whatIfSection(r: InspectReport): string[] {
  const out: string[] = ['', 'What-ifs on the exact rings (moved: fraction of keys whose first worker changes):'];
  const labels = labelsOf(r);
  for (const kind of ['remove-offline', 'stop', 'restart-same-identity', 'restart-new-identity', 'scale-in', 'add'] as const) {
    const rows = r.whatIf.filter((w) => w.kind === kind);
    if (rows.length === 0) continue;
    const sorted = kind === 'stop' ? [...rows].sort((a, b) => (b.dynamic?.moved ?? 0) - (a.dynamic?.moved ?? 0)) : rows;
    out.push('', whatIfTable(sorted.slice(0, SHOWN), labels, r.cost.pricePer1000Requests !== null, r.cost.datasetBytes !== null));
    if (rows.length > SHOWN) out.push(`(${rows.length - SHOWN} more ${kind} rows in --json; the largest are shown)`);
    for (const w of rows) if (w.scaleIn?.range) out.push(rangeLine(w.scaleIn.range, labels));
    for (const m of new Set(rows.map((w) => w.model).filter((x): x is string => x !== null))) out.push(`model: ${m}`);
    for (const n of new Set(rows.map((w) => w.note).filter((x): x is string => x !== null))) out.push(`note: ${n}`);
    if (r.worker !== null) out.push(...flowLines(rows[0], labels));
  }
  out.push(
    '',
    r.cost.datasetBytes === null
      ? 're-read: pass --dataset SIZE (and --ufs-bandwidth RATE) for the bytes re-read from the under-storage and how long that takes.'
      : `re-read: ${r.cost.basis}; data set ${formatBytes(r.cost.datasetBytes)}${r.cost.ufsBytesPerSecond === null ? ' (pass --ufs-bandwidth for the time)' : `, UFS ${formatBandwidth(r.cost.ufsBytesPerSecond)}`}.`,
  );
  return out;
}

/** Each identity with address, state and shares; with --pods its pod and node (or why none). */
function workerTable(r: InspectReport): string {
  const withPods = r.workers.some((w) => w.pod !== undefined);
  return table(
    ['identity', 'address', 'state', 'dynamic share', 'static share', ...(withPods ? ['pod', 'node'] : [])],
    r.workers.map((w) => [
      w.identity,
      w.address ?? '?',
      w.state,
      w.state === 'ONLINE' ? percent(w.share, 3) : '-',
      percent(w.staticShare, 3),
      ...(withPods ? [w.pod ?? `none: ${w.podNote ?? ''}`, w.node ?? '-'] : []),
    ]),
    [false, false, false, true, true, false, false],
  );
}

export function renderInspectText(r: InspectReport): string {
  const c = r.counts;
  const lines: string[] = [
    `Cluster ${r.cluster} from ${r.source}: ${c.registered} registered, ${c.online} ONLINE, ${c.offline} OFFLINE; ${r.vnodes} virtual nodes a worker.`,
    ...(r.worker !== null ? [`What-ifs of one worker: ${r.worker} (--worker).`] : []),
    ...r.assumptions.map((a) => `Assumed: ${a}`),
    '',
    workerTable(r),
    '',
    'Balance (exact, from ring ownership):',
    `  ${balanceLine('dynamic ring', r.balance.dynamic)}`,
    `  ${balanceLine('static ring', r.balance.static)}`,
    '',
    `Ring bloat: ${r.bloat.offline} OFFLINE identit${r.bloat.offline === 1 ? 'y' : 'ies'}; in a static ring ${percent(r.bloat.staticOfflineShare)} of the keys belong to an OFFLINE worker` +
      (r.bloat.offline > 0 ? ' (reads fall back to the UFS). alluxio process remove-worker -n <identity> clears one.' : '.'),
    ...whatIfSection(r),
  ];
  if (r.notes.length > 0) lines.push('', 'Notes:', ...r.notes.map((n) => `  ${n}`));
  return lines.join('\n') + '\n';
}
