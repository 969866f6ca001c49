/* ring-sim report: the plan's static parts (verdict, capacity, checks, the plan's own what-if table). */
import type { PlanDir, PlanReport, PlanWorker } from '../src/plan/model.js';
import { bytes, count, d3, page, pct, seconds, section, tableOf, usd } from './report.js';

function header(plan: PlanReport): void {
  const h = d3.select('header');
  h.append('h1').text(`ring-sim plan: ${plan.cluster.name}`);
  h.append('div')
    .attr('class', 'sub')
    .text(`${plan.source}${plan.cluster.namespace ? ` · namespace ${plan.cluster.namespace}` : ''} · ${plan.edition} edition`);
}

function verdict(plan: PlanReport, id?: string): void {
  const v = section('Verdict');
  v.append('div')
    .attr('class', `verdict ${plan.verdict.deployable ? 'ok' : 'bad'}`)
    .attr('id', id || 'verdict')
    .text(`${plan.verdict.deployable ? 'Deployable: ' : 'Will not deploy: '}${plan.verdict.summary}`);
}

/** A worker's or a directory's capacity cells: size, reserved, page data, pages, usable disk, headroom. */
function figures(x: PlanWorker | PlanDir, pageSizeBytes: number): string[] {
  return [
    bytes(x.sizeBytes),
    bytes(x.reservedBytes),
    bytes(x.cacheBytes),
    `${count(x.pages)} × ${bytes(pageSizeBytes)}`,
    x.usableDiskBytes === null ? '-' : bytes(x.usableDiskBytes),
    x.headroomBytes === null ? '-' : bytes(x.headroomBytes),
  ];
}

function capacity(plan: PlanReport): void {
  const cap = section('Capacity per worker');
  // Workers alike (group, size, reserved, directories) share a row.
  const groups = new Map<string, { n: number; w: PlanWorker }>();
  for (const w of plan.workers) {
    const k = `${w.group}|${w.sizeBytes}|${w.reservedBytes}|${(w.dirs || []).map((d) => `${d.sizeBytes}/${d.hostPath}`).join(',')}`;
    const g = groups.get(k) ?? { n: 0, w };
    g.n++;
    groups.set(k, g);
  }
  // A worker of several page-store directories: its sums, then one row a directory (one disk each).
  const rows: string[][] = [];
  for (const { n, w } of groups.values()) {
    rows.push([w.group, String(n), ...figures(w, w.pageSizeBytes)]);
    if (w.dirs && w.dirs.length > 1)
      for (const d of w.dirs) rows.push([`\u2003pagestore-${d.index}${d.hostPath ? ` ${d.hostPath}` : ''}`, '', ...figures(d, w.pageSizeBytes)]);
  }
  tableOf(cap, ['group', 'workers', 'size', 'reserved', 'page data', 'pages', 'usable disk', 'headroom'], rows, [
    false,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
}

function checks(plan: PlanReport): void {
  const ch = section('Checks');
  ch.selectAll('div.check')
    .data(plan.checks)
    .join('div')
    .attr('class', (c) => `check ${c.severity}`)
    .each(function (c) {
      const el = d3.select(this);
      const top = el.append('div');
      top.append('span').attr('class', 'sev').text(c.severity);
      top.append('span').attr('class', 'field').text(c.field);
      el.append('div').text(c.message);
      el.append('div').attr('class', 'fix').text(`Fix: ${c.fix}`);
    });
}

function ringSummary(plan: PlanReport): void {
  const r = plan.ring;
  const s = section(`Ring: ${r.algorithm}, ${count(r.vnodes)} virtual nodes a worker, ${r.mode} ring, provider ${r.provider}`);
  s.append('p').text(
    `Busiest worker ${r.busiest.worker} gets ${r.maxOverMean.toFixed(3)}× its fair share, the least loaded ${r.minOverMean.toFixed(3)}×; ` +
      `stddev/mean ${pct(r.relativeStddev)} (expected for ${r.vnodes} virtual nodes: ${pct(r.expectedRelativeStddev)}). ` +
      `Busiest over ${r.draws} identity draws: median ${r.maxOverMeanAcrossDraws.median.toFixed(3)}×, worst ${r.maxOverMeanAcrossDraws.worst.toFixed(3)}×. ` +
      `Identities: ${r.identities}.`,
  );
  if (plan.dataset) {
    const d = plan.dataset;
    s.append('p').text(
      `Data set ${bytes(d.bytes)}${d.files ? ` in ${count(d.files)} files` : ''}; cache ${bytes(d.cacheBytes)} = ${pct(d.coverage, 1)} of it. ` +
        (d.fits ? 'Every worker holds its share.' : `${d.overflowing.length} worker(s) get more than they hold.`),
    );
  }
}

function whatIfTable(plan: PlanReport, interactive?: boolean): void {
  const wi = section("What if (the plan's own table, as in plan --json)");
  // --ufs-bandwidth / --ufs-price with a data set: the re-read's time, GETs and dollars (plan-text's columns).
  const timed = !!(plan.ufs && plan.dataset && plan.ufs.bandwidth);
  const priced = !!(plan.ufs && plan.dataset && plan.ufs.pricePer1000Requests !== null);
  const dash = (v: number | null | undefined, f: (x: number) => string): string => (v === null || v === undefined ? '-' : f(v));
  const head = [
    'change',
    'keys moved',
    'stays on the pod',
    'optimal',
    'unreachable',
    'bytes moved',
    'bytes re-read',
    ...(timed ? ['re-read time'] : []),
    ...(priced ? ['GETs', 'cost'] : []),
    'what happens',
  ];
  const rows = plan.whatIf.map((w) => [
    w.name,
    pct(w.moved),
    pct(w.samePod || 0),
    pct(w.optimal),
    pct(w.unreachable),
    `${bytes(w.bytesMoved)} (${w.bytesBasisText})`,
    bytes(w.bytesReread),
    ...(timed ? [dash(w.rereadSeconds, seconds)] : []),
    ...(priced ? [dash(w.rereadRequests, count), dash(w.rereadUSD, usd)] : []),
    w.description,
  ]);
  tableOf(
    wi,
    head,
    rows,
    head.map((_h, i) => i > 0 && i < head.length - 1),
  );
  wi.append('p')
    .attr('class', 'legend')
    .text(
      'Keys moved: share of all keys (files) whose pod changes. Stays on the pod: share that a restart without a persisted identity hands ' +
        'from the old identity to the new one on the same pod; its surviving page store still holds it, so it is neither moved nor re-read. ' +
        'Optimal: the least any placement with the new shares moves. Unreachable: share whose worker is offline, read from the under-storage. ' +
        'Bytes re-read: what is read again from the under-storage (the re-read time and cost are of it): the bytes moved, or, when the page size ' +
        'changes, all that is cached, although no key moves.' +
        (interactive === false
          ? ' The rebalance view is on the page of one cluster: ring-sim plan FILE --cluster NAME --html PAGE.'
          : ' Try other changes in the rebalance section above.'),
    );
}

function assumptions(plan: PlanReport): void {
  if (!plan.assumptions.length) return;
  const as = section('Assumptions (model)');
  as.append('ul')
    .selectAll('li')
    .data(plan.assumptions)
    .join('li')
    .text((a) => a);
}

/** The plan above the rebalance view: header, verdict, capacity, checks, the ring. */
export function planTop(plan: PlanReport): void {
  header(plan);
  verdict(plan);
  capacity(plan);
  checks(plan);
  ringSummary(plan);
}

/** The plan below the rebalance view: its own what-if table, its assumptions. */
export function planBottom(plan: PlanReport): void {
  whatIfTable(plan);
  assumptions(plan);
}

/** Several AlluxioClusters of one file: a section each (`section.cluster`), without the rebalance view. */
export function planClusters(plans: PlanReport[]): void {
  const h = d3.select('header');
  h.append('h1').text(`ring-sim plan: ${plans.length} AlluxioClusters`);
  const deployable = plans.filter((p) => p.verdict.deployable).length;
  h.append('div')
    .attr('class', 'sub')
    .text(`${plans[0].source} · ${deployable} deployable, ${plans.length - deployable} will not deploy`);
  const main = page.root;
  plans.forEach((plan, i) => {
    const name = plan.cluster.name + (plan.cluster.namespace ? ` (namespace ${plan.cluster.namespace})` : '');
    const s = main
      .append('section')
      .attr('class', 'cluster')
      .attr('id', `cluster-${i}`)
      .attr('data-cluster', plan.cluster.name + (plan.cluster.namespace ? `/${plan.cluster.namespace}` : ''));
    s.append('h2').text(`AlluxioCluster ${name}: ${plan.verdict.deployable ? 'deployable' : 'will not deploy'}`);
    page.root = s;
    verdict(plan, `verdict-${i}`);
    capacity(plan);
    checks(plan);
    ringSummary(plan);
    whatIfTable(plan, false);
    assumptions(plan);
  });
  page.root = main;
}
