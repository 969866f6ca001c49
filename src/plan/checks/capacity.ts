/** Capacity: the workers file against the manifest, the page-store directories, and the data set against the cache. */
import type { Check } from '../../core/check.js';
import { formatBinary } from '../../core/units.js';
import type { PlanContext } from '../context.js';
import type { PlanDataset, PlanShare } from '../model.js';

const CAPACITY_RULES: Array<[RegExp, string, string]> = [
  [/exceeds the .* disk/, 'pagestore-quota-disk', 'guide D.4 (quota exceeds the total disk space)'],
  [/over 90 %/, 'pagestore-size-90', 'guide D.4 (size about 90 % of the space df shows)'],
  [/reservedSize/, 'pagestore-reserved', 'guide D.4 (reservedSize about 10 % of size)'],
  [/is decimal/, 'quantity-decimal', 'guide D.4 (cloud GB against Kubernetes Gi)'],
  [/not a Kubernetes quantity/, 'quantity-rejected', 'Kubernetes resource.Quantity'],
  [/Kubernetes reads/, 'quantity-milli', 'Kubernetes resource.Quantity'],
  [/page/, 'pagestore-pages', 'ring-sim model (page store)'],
];

/** Names a page-store check (capacity/pagestore-plan.ts) and the guide section it comes from. */
export function tagCapacityCheck(c: Check): Check {
  if (c.id) return c;
  const rule = CAPACITY_RULES.find(([re]) => re.test(c.message) || (re.source === 'reservedSize' && c.field.endsWith('reservedSize')));
  return { id: rule?.[1] ?? 'pagestore', ...c, source: rule?.[2] ?? 'ring-sim model (page store)' };
}

export function workersFileChecks(c: PlanContext): Check[] {
  const listed = c.options.workers;
  if (!listed || !listed.length) return [];
  const manifestCount = c.manifest.groups.reduce((s, g) => s + g.count, 0);
  if (manifestCount === listed.length) return [];
  return [
    {
      id: 'workers-file-count',
      source: 'ring-sim',
      severity: 'warning',
      field: '--workers',
      message: `the workers file lists ${listed.length} workers but the manifest asks for ${manifestCount}`,
      fix: 'make the two agree; the plan uses the workers file',
    },
  ];
}

const CHART_SOURCE = 'operator chart (unofficial copy github.com/dodiadodia/alluxio-helm: templates/worker/deployment.yaml fails when the counts differ)';

/**
 * A hostPath page store lists one path a size entry: the chart mounts the i-th hostPath entry as directory
 * `pagestore-<i>` and refuses to render the workers when the counts of `size` and `hostPath` entries differ.
 */
export function pageStoreDirCountChecks(c: PlanContext): Check[] {
  return c.manifest.groups.flatMap((g) => {
    if (g.pagestoreType !== 'hostPath' || g.hostPath === undefined) return [];
    const sizes = g.size.split(',').map((s) => s.trim());
    const paths = g.hostPath.split(',').map((p) => p.trim());
    if (sizes.length === paths.length) return [];
    const sizeField = `${g.path}.pagestore.size`;
    const pathField = `${g.path}.pagestore.hostPath`;
    const given = c.manifest.hostPaths.some((h) => h.field === pathField && h.given);
    const entries = (n: number): string => `${n} entr${n === 1 ? 'y' : 'ies'}`;
    const more = sizes.length > paths.length;
    const example = more
      ? Array.from({ length: sizes.length }, (_, i) => paths[i] ?? `${paths[0].replace(/\/+$/, '')}-${i}`).join(',')
      : Array.from({ length: paths.length }, (_, i) => sizes[i] ?? sizes[sizes.length - 1]).join(',');
    return [
      {
        id: 'pagestore-dirs-count',
        source: CHART_SOURCE,
        severity: 'error' as const,
        field: pathField,
        message: `${sizeField} lists ${entries(sizes.length)} (${g.size}) but ${pathField} lists ${entries(paths.length)} (${g.hostPath}${given ? '' : ', the default'}): the operator's chart fails with "Error: worker.pagestore.size doesn't match with worker.pagestore.hostPath" and no worker is created`,
        fix: more
          ? `set ${pathField} to ${sizes.length} comma-separated paths, one on each disk (e.g. ${example}), or list ${entries(paths.length)} in ${sizeField}`
          : `set ${sizeField} to ${entries(paths.length)}, one a directory (e.g. ${example}), or list ${entries(sizes.length)} in ${pathField}`,
      },
    ];
  });
}

export function datasetFit(c: PlanContext, shares: readonly PlanShare[], datasetBytes: number): { dataset: PlanDataset; overflowingCount: number } {
  const totalCache = c.workers.reduce((s, w) => s + w.cacheBytes, 0);
  const overflowing = shares
    .map((s, i) => ({ worker: s.worker, expectedBytes: Math.round(datasetBytes * s.share), cacheBytes: c.workers[i].cacheBytes }))
    .filter((x) => x.expectedBytes > x.cacheBytes)
    .sort((a, b) => b.expectedBytes / b.cacheBytes - a.expectedBytes / a.cacheBytes);
  const dataset = {
    bytes: datasetBytes,
    files: c.options.files ?? null,
    cacheBytes: totalCache,
    coverage: totalCache / datasetBytes,
    fits: overflowing.length === 0,
    overflowing: overflowing.slice(0, 20),
  };
  return { dataset, overflowingCount: overflowing.length };
}

export function datasetChecks(d: PlanDataset, overflowingCount: number): Check[] {
  if (d.cacheBytes < d.bytes) {
    return [
      {
        id: 'dataset-coverage',
        source: 'ring-sim model',
        severity: 'warning',
        field: '--dataset',
        message: `the cache (${formatBinary(d.cacheBytes)}) holds ${((d.cacheBytes / d.bytes) * 100).toFixed(1)} % of the ${formatBinary(d.bytes)} data set: reads beyond it go to the under-storage`,
        fix: `add workers or page-store size to reach ${formatBinary(d.bytes)}`,
      },
    ];
  }
  if (overflowingCount === 0) return [];
  const top = d.overflowing[0];
  return [
    {
      id: 'dataset-overflow',
      source: 'ring-sim model',
      severity: 'warning',
      field: '--dataset',
      message: `the cache holds the data set in total, but ${overflowingCount} worker(s) get more of it than they hold (the ring's imbalance): ${top.worker} would need ${formatBinary(top.expectedBytes)} in ${formatBinary(top.cacheBytes)}`,
      fix: 'raise the virtual node count or leave more headroom',
    },
  ];
}
