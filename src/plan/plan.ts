/**
 * `buildPlan`: what an operator needs to know before `kubectl apply`: will the cluster deploy, how full each
 * worker gets, how evenly the ring spreads data, and what scaling or restarting will cost. Returns a plain
 * report model (JSON-serialisable) that the text printer, `--json` and the HTML page all render.
 *
 * Worker identities are random UUIDs that Alluxio generates at a worker's first start, so the exact ring is
 * not known before deploying: ring-sim draws seeded identity sets (the same every run) and reports the first
 * draw exactly and the spread over the draws.
 */
import type { Check } from '../core/check.js';
import { hasErrors } from '../core/check.js';
import type { DiskProvider, FileSystem } from '../capacity/disk.js';
import { planPageStore, type Edition } from '../capacity/pagestore-plan.js';
import { parseAlluxioSize } from '../capacity/alluxio-size.js';
import { formatBinary } from '../core/units.js';
import { balance } from '../ring/analysis/balance.js';
import { movement } from '../ring/analysis/movement.js';
import type { Placement } from '../ring/placement.js';
import { HASH_SPACE } from '../ring/sorted-ring.js';
import type { Worker } from '../ring/worker.js';
import { RingSimError } from '../core/errors.js';
import { Random } from '../core/random.js';
import type { AlluxioClusterManifest } from './manifest.js';
import { drawIdentities, planRing, type PlanRingModel } from './ring-model.js';

export interface PlanOptions {
  disk?: string;
  provider?: DiskProvider;
  fs?: FileSystem;
  /** Kubernetes nodes available to the cluster. */
  nodes?: number;
  datasetBytes?: number;
  files?: number;
  edition?: Edition;
  /** Per-worker capacity, overriding the manifest's groups: name and page-store size. */
  workers?: Array<{ name: string; size: string }>;
  seed?: number;
  /** Virtual node count for the "change the virtual node count" what-if (default: 2000, or half if already 2000 or more). */
  whatIfVnodes?: number;
  /** Platform hint for platform-specific checks. */
  platform?: 'gke' | 'eks' | 'aks' | 'other';
}

export interface PlanWorker {
  name: string;
  group: string;
  sizeBytes: number;
  reservedBytes: number;
  cacheBytes: number;
  pages: number;
  pageSizeBytes: number;
  usableDiskBytes: number | null;
  headroomBytes: number | null;
}

export interface PlanShare {
  worker: string;
  identity: string;
  share: number;
  /** The capacity-proportional share. */
  fairShare: number;
  /** Expected band for a random ring with this many points: fairShare × (1 ± 2/sqrt(points)). */
  bandLow: number;
  bandHigh: number;
}

export interface PlanWhatIf {
  name: string;
  description: string;
  /** Fraction of keys (files) that change worker. */
  moved: number;
  /** Fraction that becomes unreachable from cache (static ring: the offline worker's range). */
  unreachable: number;
  optimal: number;
  bytesMoved: number;
  bytesBasis: 'dataset' | 'cache';
  flows: Array<{ from: string; to: string; fraction: number }>;
}

export interface PlanReport {
  format: 'ring-sim/plan';
  version: 1;
  source: string;
  cluster: { name: string; namespace: string | null; image: string | null; otherDocuments: Array<{ kind: string; name?: string }> };
  edition: Edition;
  verdict: { deployable: boolean; errors: number; warnings: number; summary: string };
  workers: PlanWorker[];
  checks: Check[];
  ring: {
    policy: string;
    algorithm: string;
    vnodes: number;
    mode: 'dynamic' | 'static';
    provider: string;
    identities: string;
    draws: number;
    maxOverMean: number;
    minOverMean: number;
    relativeStddev: number;
    expectedRelativeStddev: number;
    busiest: { worker: string; share: number; overFair: number };
    maxOverMeanAcrossDraws: { median: number; worst: number };
    shares: PlanShare[];
    /** The ring drawn as arcs: [start, end) in [0, 1) of the hash space, and the worker index. */
    arcs: Array<[number, number, number]>;
    /** What rebuilds this ring (`planRing`): the HTML page recomputes what-ifs from it. */
    model: PlanRingModel;
  };
  dataset: null | {
    bytes: number;
    files: number | null;
    cacheBytes: number;
    coverage: number;
    fits: boolean;
    overflowing: Array<{ worker: string; expectedBytes: number; cacheBytes: number }>;
  };
  whatIf: PlanWhatIf[];
  assumptions: string[];
}

const VNODE_PROPS = [
  'alluxio.user.worker.selection.policy.consistent.hash.virtual.node.count.per.worker',
  'alluxio.user.consistent.hash.virtual.node.count.per.worker',
];

function prop(m: AlluxioClusterManifest, ...keys: string[]): string | undefined {
  for (const k of keys) if (m.properties[k] !== undefined) return m.properties[k];
  return undefined;
}

const num = (b: bigint): number => Number(b);

export function buildPlan(m: AlluxioClusterManifest, o: PlanOptions = {}): PlanReport {
  const checks: Check[] = [];
  const assumptions: string[] = [];
  const edition: Edition = o.edition ?? 'enterprise';
  // Ring settings from spec.properties.
  const policy = (prop(m, 'alluxio.user.worker.selection.policy') ?? 'CONSISTENT').toUpperCase();
  const vnodeText = prop(m, ...VNODE_PROPS);
  let vnodes = edition === 'enterprise' ? 2000 : 5;
  if (vnodeText !== undefined) {
    vnodes = Number(vnodeText);
    if (!Number.isInteger(vnodes) || vnodes < 1) {
      throw new RingSimError(`${m.source}: spec.properties.${VNODE_PROPS.find((k) => m.properties[k] !== undefined)}`, vnodeText, 'must be a whole number of at least 1', 'Enterprise documents 2000');
    }
  }
  const dynamicText = prop(m, 'alluxio.user.dynamic.consistent.hash.ring.enabled') ?? 'true';
  const mode: 'dynamic' | 'static' = dynamicText.trim().toLowerCase() === 'false' ? 'static' : 'dynamic';
  const provider = (prop(m, 'alluxio.user.worker.selection.policy.consistent.hash.provider.impl') ?? 'DEFAULT').toUpperCase();
  const pageSizeText = prop(m, 'alluxio.worker.page.store.page.size') ?? '1MB';
  let pageSizeBytes: bigint;
  try {
    pageSizeBytes = parseAlluxioSize(pageSizeText);
  } catch {
    throw new RingSimError(`${m.source}: spec.properties.alluxio.worker.page.store.page.size`, pageSizeText, 'not an Alluxio size', 'write e.g. 1MB or 4MB');
  }
  if (vnodeText === undefined) assumptions.push(`virtual nodes per worker not set: ${vnodes}, the ${edition === 'enterprise' ? 'Enterprise' : 'open-source'} default (--edition)`);
  if (prop(m, 'alluxio.worker.page.store.page.size') === undefined) assumptions.push('page size not set: 1 MiB (alluxio.worker.page.store.page.size default)');

  // Workers: the manifest's groups, or a --workers file.
  type W = { name: string; group: string; size: string; reserved?: string; path: string; groupRef: AlluxioClusterManifest['groups'][number] };
  let workers: W[] = [];
  if (o.workers && o.workers.length) {
    const g0 = m.groups[0];
    workers = o.workers.map((w) => ({ name: w.name, group: 'workers-file', size: w.size, reserved: g0.reservedSize, path: '--workers', groupRef: g0 }));
    const manifestCount = m.groups.reduce((s, g) => s + g.count, 0);
    if (manifestCount !== workers.length) {
      checks.push({ severity: 'warning', field: '--workers', message: `the workers file lists ${workers.length} workers but the manifest asks for ${manifestCount}`, fix: 'make the two agree; the plan uses the workers file' });
    }
  } else {
    for (const g of m.groups) {
      for (let i = 0; i < g.count; i++) workers.push({ name: m.groups.length > 1 ? `${g.name}-${i}` : `worker-${i}`, group: g.name, size: g.size, reserved: g.reservedSize, path: g.path, groupRef: g });
    }
  }

  // Capacity per group (identical workers share one plan).
  const planCache = new Map<string, ReturnType<typeof planPageStore>>();
  const planWorkers: PlanWorker[] = workers.map((w) => {
    const key = `${w.path}|${w.size}|${w.reserved}`;
    let p = planCache.get(key);
    if (!p) {
      p = planPageStore({
        size: w.size,
        reservedSize: w.reserved,
        pageSize: String(pageSizeBytes),
        disk: o.disk,
        provider: o.provider,
        fs: o.fs,
        edition,
        fields: { size: `${w.path}.pagestore.size`, reservedSize: `${w.path}.pagestore.reservedSize`, pageSize: 'spec.properties.alluxio.worker.page.store.page.size', disk: '--disk' },
      });
      planCache.set(key, p);
      for (const c of p.checks) if (!checks.some((x) => x.field === c.field && x.message === c.message)) checks.push(c);
      for (const a of p.assumptions) if (!assumptions.includes(a)) assumptions.push(a);
    }
    return {
      name: w.name,
      group: w.group,
      sizeBytes: num(p.sizeBytes),
      reservedBytes: num(p.reservedBytes),
      cacheBytes: num(p.cacheBytes),
      pages: num(p.pages),
      pageSizeBytes: num(p.pageSizeBytes),
      usableDiskBytes: p.fileSystem ? num(p.fileSystem.usableBytes) : null,
      headroomBytes: p.headroomBytes === undefined ? null : num(p.headroomBytes),
    };
  });

  // Kubernetes scheduling and identity checks.
  const platform = o.platform ?? (o.provider === 'gcp' ? 'gke' : undefined);
  const totalWorkers = workers.length;
  if (o.nodes !== undefined && o.nodes < totalWorkers) {
    checks.push({ severity: 'error', field: 'spec.worker.count', message: `${totalWorkers} workers but ${o.nodes} nodes: worker pods have an anti-affinity rule (one a node), so ${totalWorkers - o.nodes} stay Pending`, fix: `add nodes or lower the worker count to ${o.nodes}` });
  }
  for (const g of m.groups) {
    const persisted = g.useExternalId === true || (g.systemInfo !== undefined && g.systemInfo !== null);
    if (!persisted) {
      checks.push({
        severity: 'warning',
        field: `${g.path}.useExternalId`,
        message: `worker identities are not persisted: each restart registers the worker under a new identity and leaves an OFFLINE entry in etcd (ring bloat)`,
        fix: `persist the identity (${g.path}.useExternalId: true, or keep the worker_identity file on a persistent volume); clear OFFLINE entries with "alluxio process remove-worker"${platform === 'gke' ? '; on GKE keep it under a writable hostPath such as /var/lib/alluxio, not /mnt' : ''}`,
      });
    }
    if (platform === 'gke' && g.pagestoreType === 'hostPath' && (g.hostPath ?? '').startsWith('/mnt')) {
      checks.push({
        severity: 'error',
        field: `${g.path}.pagestore.hostPath`,
        message: `the page store is a hostPath under ${g.hostPath}: GKE's Container-Optimized OS mounts /mnt read-only, so the worker cannot create its page store`,
        fix: `set ${g.path}.pagestore.hostPath to a writable path such as /var/lib/alluxio/pagestore, or use type: persistentVolumeClaim`,
      });
    }
    if (g.pagestoreType === 'emptyDir') {
      checks.push({ severity: 'warning', field: `${g.path}.pagestore.type`, message: 'an emptyDir page store is lost on every pod restart', fix: 'use hostPath or persistentVolumeClaim' });
    }
  }
  if (m.etcd.enabled) {
    const n = m.etcd.replicaCount;
    if (n === 1) {
      checks.push({ severity: 'warning', field: 'spec.etcd.replicaCount', message: `one etcd replica${m.etcd.specified ? '' : ' (the default)'} has no quorum to lose: when it restarts, membership stops; fine for a test only`, fix: 'use replicaCount: 3 in production' });
    } else if (n % 2 === 0) {
      checks.push({ severity: 'info', field: 'spec.etcd.replicaCount', message: `${n} etcd replicas tolerate no more failures than ${n - 1}`, fix: `use an odd count such as ${n + 1}` });
    }
    if (o.nodes !== undefined && o.nodes < n) {
      checks.push({ severity: 'error', field: 'spec.etcd.replicaCount', message: `etcd pods have anti-affinity (one a node) and need ${n} nodes; ${o.nodes} are available, so ${n - o.nodes} stay Pending`, fix: `add nodes or lower replicaCount to ${o.nodes % 2 === 1 ? o.nodes : Math.max(1, o.nodes - 1)}` });
    }
  }
  if (policy !== 'CONSISTENT') {
    checks.push({ severity: 'warning', field: 'spec.properties.alluxio.user.worker.selection.policy', message: `${policy}: Alluxio's property description says CONSISTENT is the only policy for real deployments; this plan models CONSISTENT`, fix: 'remove the property or set CONSISTENT' });
  }
  const sizes = new Set(planWorkers.map((w) => w.cacheBytes));
  if (provider === 'CAPACITY') {
    assumptions.push('CAPACITY provider: ring-sim models it as virtual nodes proportional to capacity (Alluxio Enterprise\'s own algorithm is not public)');
  } else if (sizes.size > 1) {
    checks.push({ severity: 'warning', field: 'spec.properties.alluxio.user.worker.selection.policy.consistent.hash.provider.impl', message: 'workers differ in capacity but the DEFAULT provider gives every worker the same share: the small ones evict while the large ones sit half empty', fix: 'set it to CAPACITY before the first deployment' });
  }
  checks.push({
    severity: 'info',
    field: 'spec.properties',
    message: `ring settings (virtual nodes ${vnodes}, ${mode} ring, provider ${provider}, page size ${formatBinary(pageSizeBytes)}) remap all cached data if changed after deployment`,
    fix: 'decide them now; see the what-if table for the cost of changing the virtual node count later',
  });
  if (edition === 'enterprise' && prop(m, 'alluxio.license') === undefined && !m.otherDocuments.some((d) => d.kind === 'License')) {
    checks.push({ severity: 'info', field: 'spec.properties.alluxio.license', message: 'no license property or License document', fix: 'add alluxio.license (Enterprise needs one to start)' });
  }

  // The ring: seeded identity draws.
  const seed = o.seed ?? 1;
  const weighted = provider === 'CAPACITY';
  const totalPoints = totalWorkers * vnodes;
  const draws = Math.max(1, Math.min(10, Math.floor(3_000_000 / Math.max(totalPoints, 1))));
  const makeIds = (d: number): string[] => {
    const r = new Random(seed * 1009 + d);
    return workers.map(() => `worker-${r.uuid()}`);
  };
  const ringWorkers = (ids: string[]): Worker[] => ids.map((id, i) => (weighted ? { id, weight: planWorkers[i].cacheBytes / 2 ** 30 } : { id }));
  const build = (ids: string[], v = vnodes, extra: Worker[] = []): Placement => {
    const ws = ringWorkers(ids);
    // The mean weight is the base ring's, whatever is added.
    return weighted ? planRing(ws, v, true).withWorkers([...ws, ...extra]) : planRing([...ws, ...extra], v, false);
  };
  const ids0 = makeIds(0);
  const main = build(ids0);
  const totalCache = planWorkers.reduce((s, w) => s + w.cacheBytes, 0);
  const nominal = 1_000_000;
  const bal = balance(main, { nominalKeys: nominal });
  // Fair share: capacity-proportional.
  const capShare = planWorkers.map((w) => (totalCache > 0 ? w.cacheBytes / totalCache : 1 / planWorkers.length));
  const pointsOf = (i: number): number => (weighted ? Math.max(1, Math.round(vnodes * (planWorkers[i].cacheBytes / (totalCache / planWorkers.length)))) : vnodes);
  const shares: PlanShare[] = bal.workers.map((w, i) => {
    const spread = 2 / Math.sqrt(pointsOf(i));
    return { worker: workers[i].name, identity: w.id, share: w.share, fairShare: capShare[i], bandLow: capShare[i] * Math.max(0, 1 - spread), bandHigh: capShare[i] * (1 + spread) };
  });
  const overFair = shares.map((s) => s.share / s.fairShare);
  let busiest = 0;
  overFair.forEach((r, i) => {
    if (r > overFair[busiest]) busiest = i;
  });
  const maxes = [Math.max(...overFair)];
  for (let d = 1; d < draws; d++) {
    const b = balance(build(makeIds(d)), { nominalKeys: nominal });
    maxes.push(Math.max(...b.workers.map((w, i) => w.share / capShare[i])));
  }
  maxes.sort((a, b) => a - b);
  const minOverMean = Math.min(...overFair);
  if (maxes[maxes.length - 1] > 1.25) {
    checks.push({
      severity: maxes[0] > 1.5 ? 'warning' : 'info',
      field: vnodeText !== undefined ? `spec.properties.${VNODE_PROPS.find((k) => m.properties[k] !== undefined)}` : `spec.properties.${VNODE_PROPS[edition === 'enterprise' ? 0 : 1]}`,
      message: `${vnodes} virtual nodes a worker spread data unevenly: the busiest worker gets ${maxes[Math.floor(maxes.length / 2)].toFixed(2)}× its fair share (worst of ${draws} identity draws: ${maxes[maxes.length - 1].toFixed(2)}×)`,
      fix: `set ${VNODE_PROPS[edition === 'enterprise' ? 0 : 1]} to 2000 (about 2 % spread) before the first deployment`,
    });
  }

  // Data-set fit.
  let dataset: PlanReport['dataset'] = null;
  if (o.datasetBytes !== undefined) {
    const overflowing = shares
      .map((s, i) => ({ worker: s.worker, expectedBytes: Math.round(o.datasetBytes! * s.share), cacheBytes: planWorkers[i].cacheBytes }))
      .filter((x) => x.expectedBytes > x.cacheBytes)
      .sort((a, b) => b.expectedBytes / b.cacheBytes - a.expectedBytes / a.cacheBytes);
    dataset = { bytes: o.datasetBytes, files: o.files ?? null, cacheBytes: totalCache, coverage: totalCache / o.datasetBytes, fits: overflowing.length === 0, overflowing: overflowing.slice(0, 20) };
    if (totalCache < o.datasetBytes) {
      checks.push({ severity: 'warning', field: '--dataset', message: `the cache (${formatBinary(totalCache)}) holds ${((totalCache / o.datasetBytes) * 100).toFixed(1)} % of the ${formatBinary(o.datasetBytes)} data set: reads beyond it go to the under-storage`, fix: `add workers or page-store size to reach ${formatBinary(o.datasetBytes)}` });
    } else if (overflowing.length) {
      checks.push({ severity: 'warning', field: '--dataset', message: `the cache holds the data set in total, but ${overflowing.length} worker(s) get more of it than they hold (the ring's imbalance): ${overflowing[0].worker} would need ${formatBinary(overflowing[0].expectedBytes)} in ${formatBinary(overflowing[0].cacheBytes)}`, fix: 'raise the virtual node count or leave more headroom' });
    }
  }

  // What-ifs, exact on the first draw's ring.
  const basis: 'dataset' | 'cache' = o.datasetBytes !== undefined ? 'dataset' : 'cache';
  const basisBytes = o.datasetBytes ?? totalCache;
  const whatIf: PlanWhatIf[] = [];
  const flowsOf = (mv: ReturnType<typeof movement>, name: (id: string) => string) =>
    mv.flows.slice(0, 20).map((f) => ({ from: name(f.from), to: name(f.to), fraction: f.fraction }));
  const nameOf = new Map(ids0.map((id, i) => [id, workers[i].name]));
  const name = (id: string): string => nameOf.get(id) ?? id;
  {
    const [extraId] = drawIdentities(seed, 'add');
    nameOf.set(extraId, 'new worker');
    const after = build(ids0, vnodes, [weighted ? { id: extraId, weight: planWorkers[0].cacheBytes / 2 ** 30 } : { id: extraId }]);
    const mv = movement(main, after);
    whatIf.push({ name: '+1 worker', description: 'scale out by one worker like the first', moved: mv.moved, unreachable: 0, optimal: mv.optimal, bytesMoved: Math.round(mv.moved * basisBytes), bytesBasis: basis, flows: flowsOf(mv, name) });
  }
  {
    const gone = ids0[ids0.length - 1];
    const own = main.ownership()!;
    const share = own.byWorker[ids0.length - 1] / own.total;
    if (mode === 'dynamic') {
      const mv = movement(main, build(ids0.slice(0, -1)));
      whatIf.push({ name: '-1 worker', description: `scale in: ${name(gone)} leaves; its range moves to the others`, moved: mv.moved, unreachable: 0, optimal: mv.optimal, bytesMoved: Math.round(mv.moved * basisBytes), bytesBasis: basis, flows: flowsOf(mv, name) });
    } else {
      whatIf.push({ name: '-1 worker', description: `scale in: ${name(gone)} leaves; a static ring keeps its range, so its reads go to the under-storage until remove-worker`, moved: 0, unreachable: share, optimal: share, bytesMoved: 0, bytesBasis: basis, flows: [] });
    }
  }
  {
    const persisted = m.groups.every((g) => g.useExternalId === true || (g.systemInfo !== undefined && g.systemInfo !== null));
    if (persisted) {
      whatIf.push({ name: 'restart one worker', description: 'identity persisted: the worker comes back with the same identity, nothing moves', moved: 0, unreachable: 0, optimal: 0, bytesMoved: 0, bytesBasis: basis, flows: [] });
    } else {
      const [newId] = drawIdentities(seed, 'restart');
      nameOf.set(newId, `${workers[0].name} (new identity)`);
      const restartedIds = mode === 'dynamic' ? [...ids0.slice(1), newId] : [...ids0, newId];
      const after = build(restartedIds.map((x) => x));
      const mv = movement(main, after);
      const own = main.ownership()!;
      const oldShare = own.byWorker[0] / own.total;
      whatIf.push({
        name: 'restart one worker',
        description: mode === 'dynamic'
          ? `identity not persisted: ${workers[0].name} returns as a new identity; its old range moves to the others and the new identity takes a new range`
          : `identity not persisted: ${workers[0].name} returns as a new identity; a static ring keeps the old (offline) identity's range, whose reads go to the under-storage`,
        moved: mv.moved,
        unreachable: mode === 'static' ? oldShare : 0,
        optimal: 0,
        bytesMoved: Math.round(mv.moved * basisBytes),
        bytesBasis: basis,
        flows: flowsOf(mv, name),
      });
    }
  }
  {
    const target = o.whatIfVnodes ?? (vnodes < 2000 ? 2000 : Math.floor(vnodes / 2));
    if (target * totalWorkers <= 16_777_216) {
      const mv = movement(main, build(ids0, target));
      whatIf.push({ name: `virtual nodes ${vnodes} → ${target}`, description: 'change the virtual node count after deployment', moved: mv.moved, unreachable: 0, optimal: mv.optimal, bytesMoved: Math.round(mv.moved * basisBytes), bytesBasis: basis, flows: flowsOf(mv, name) });
    }
  }

  const restart = whatIf.find((w) => w.name === 'restart one worker');
  if (restart && restart.moved + restart.unreachable > 0) {
    for (const c of checks) {
      if (c.field.endsWith('.useExternalId')) c.message += `; in this ${mode} ring one restart moves ${(restart.moved * 100).toFixed(1)} % of the keys${restart.unreachable ? ` and leaves ${(restart.unreachable * 100).toFixed(1)} % unreachable` : ''} (what-if below)`;
    }
  }

  // Ring arcs for drawing: exact for small rings, else binned.
  const arcs = ringArcs(main);
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warnings = checks.filter((c) => c.severity === 'warning').length;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  checks.sort((a, b) => rank[a.severity] - rank[b.severity]);
  const deployable = !hasErrors(checks);
  return {
    format: 'ring-sim/plan',
    version: 1,
    source: m.source,
    cluster: { name: m.name, namespace: m.namespace ?? null, image: m.image ?? null, otherDocuments: m.otherDocuments },
    edition,
    verdict: {
      deployable,
      errors,
      warnings,
      summary: deployable
        ? `${totalWorkers} workers, ${formatBinary(totalCache)} of cache${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
        : `${errors} error${errors === 1 ? '' : 's'}`,
    },
    workers: planWorkers,
    checks,
    ring: {
      policy,
      algorithm: weighted ? 'ring (capacity-weighted model of CAPACITY)' : 'alluxio-consistent',
      vnodes,
      mode,
      provider,
      identities: `random UUIDs (seeded draws, seed ${seed})`,
      draws,
      maxOverMean: Math.max(...overFair),
      minOverMean,
      relativeStddev: bal.relativeStddev,
      expectedRelativeStddev: 1 / Math.sqrt(vnodes),
      busiest: { worker: workers[busiest].name, share: shares[busiest].share, overFair: overFair[busiest] },
      maxOverMeanAcrossDraws: { median: maxes[Math.floor(maxes.length / 2)], worst: maxes[maxes.length - 1] },
      shares,
      arcs,
      model: { weighted, vnodes, seed, workers: ringWorkers(ids0) },
    },
    dataset,
    whatIf,
    assumptions,
  };
}

/** The ring as arcs [start, end, worker index] over [0, 1): exact up to 8,192 points, else 4,096 bins. */
function ringArcs(p: Placement): Array<[number, number, number]> {
  const view = p.ringView();
  if (!view) return [];
  const ring = view.ring;
  const out: Array<[number, number, number]> = [];
  const push = (a: number, b: number, w: number): void => {
    const last = out[out.length - 1];
    if (last && last[2] === w && Math.abs(last[1] - a) < 1e-12) last[1] = b;
    else out.push([a, b, w]);
  };
  if (ring.length <= 8192) {
    // Arc (prev, point] belongs to the point's owner; the first arc wraps.
    for (let i = 0; i < ring.length; i++) {
      const start = i === 0 ? 0 : ring.pointAt(i - 1) / HASH_SPACE;
      push(start, ring.pointAt(i) / HASH_SPACE, ring.ownerAt(i));
    }
    push(ring.pointAt(ring.length - 1) / HASH_SPACE, 1, ring.ownerAt(0));
    return out.map(([a, b, w]) => [round6(a), round6(b), w]);
  }
  const bins = 4096;
  for (let b = 0; b < bins; b++) {
    const mid = Math.floor(((b + 0.5) / bins) * HASH_SPACE);
    push(b / bins, (b + 1) / bins, ring.ownerAt(ring.indexOf(mid)));
  }
  return out.map(([a, b, w]) => [round6(a), round6(b), w]);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
