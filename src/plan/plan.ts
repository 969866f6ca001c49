/**
 * `buildPlan`: what an operator needs to know before `kubectl apply`: will the cluster deploy, how full each
 * worker gets, how evenly the ring spreads data, and what scaling or restarting will cost. Returns the plain
 * report model (model.ts) that the text printer, `--json` and the HTML page all render.
 *
 * manifest → settings (settings.ts) → workers and capacity (workers.ts) → checks (checks/, one file a family)
 * → the ring (ring-balance.ts) → what-ifs (what-if.ts) → the report.
 */
import { DIRECTORY_CHOICE_ASSUMPTION } from '../pagestore/enterprise-assumptions.js';
import type { Check } from '../core/check.js';
import { hasErrors } from '../core/check.js';
import type { Edition } from '../capacity/pagestore-plan.js';
import { RingSimError } from '../core/errors.js';
import { formatBinary } from '../core/units.js';
import { MAX_RING_POINTS } from '../ring/worker.js';
import { ALLUXIO_ENTERPRISE_VNODES } from '../ring/alluxio/consistent.js';
import type { AlluxioClusterManifest } from './manifest.js';
import type { PlanDataset, PlanOptions, PlanReport, PlanWhatIf } from './model.js';
import type { PlanContext } from './context.js';
import { checkRingPoints, readRingSettings, settingsAssumptions } from './settings.js';
import { expandWorkers, workerCapacity } from './workers.js';
import { PlanRingBuilder, ringBalance, type RingBalance } from './ring-balance.js';
import { whatIfs } from './what-if.js';
import { rereadAssumption, rereadCost, rereadUfs, type RereadUfs } from './reread.js';
import { cacheModelAssumption } from '../ring/analysis/cached-bytes.js';
import type { PlanRingModel } from './ring-model.js';
import { ringArcs } from './arcs.js';
import { defaultAssumption, manifestDefaults, type PlanDefault } from './defaults.js';
import { datasetChecks, datasetFit, pageStoreDirCountChecks, tagCapacityCheck, workersFileChecks } from './checks/capacity.js';
import { emptyDirChecks, hostPathChecks, workerSchedulingChecks } from './checks/platform.js';
import { identityAssumptions, identityChecks, identityReading, withRestartCost } from './checks/identity.js';
import { etcdChecks } from './checks/etcd.js';
import { licenseChecks } from './checks/license.js';
import { placeholderChecks, propertyValueChecks, rejectedSizeChecks, ufsChecks } from './checks/manifest.js';
import { workerGroupChecks } from './checks/worker-groups.js';
import { memoryChecks } from './checks/memory.js';
import { storageClassChecks } from './checks/storage.js';
import { memoryAssumption } from './component-memory.js';
import { policyChecks, providerChecks, ringChangeChecks, spreadChecks } from './checks/ring.js';

export type { PlanOptions, PlanReport, PlanWhatIf, PlanShare, PlanWorker, PlanDir, PlanFlow, PlanRing, PlanDataset } from './model.js';

/** `--platform`; else GKE with `--provider gcp` or GKE node pools in the manifest, EKS with `--provider aws`. */
function platformOf(m: AlluxioClusterManifest, o: PlanOptions): PlanOptions['platform'] | undefined {
  if (o.platform) return o.platform;
  if (o.provider === 'gcp' || m.gkeNodeSelector) return 'gke';
  return o.provider === 'aws' ? 'eks' : undefined;
}

function vnodeTarget(o: PlanOptions, vnodes: number, workers: number): number {
  const target = o.whatIfVnodes ?? (vnodes < ALLUXIO_ENTERPRISE_VNODES ? ALLUXIO_ENTERPRISE_VNODES : Math.floor(vnodes / 2));
  if (o.whatIfVnodes !== undefined && target * workers > MAX_RING_POINTS) {
    throw new RingSimError(
      '--what-if-vnodes',
      o.whatIfVnodes,
      `${workers} workers × ${o.whatIfVnodes} is more than ${MAX_RING_POINTS.toLocaleString('en-US')} ring points`,
      `give at most ${Math.floor(MAX_RING_POINTS / workers)}`,
    );
  }
  return target;
}

export function buildPlan(m: AlluxioClusterManifest, o: PlanOptions = {}): PlanReport {
  const edition: Edition = o.edition ?? 'enterprise';
  const settings = readRingSettings(m, edition);
  const planned = expandWorkers(m, o.workers);
  checkRingPoints(m, settings, edition, planned.length);
  const target = vnodeTarget(o, settings.vnodes, planned.length);
  const capacity = workerCapacity(planned, settings.pageSizeBytes, o, edition);
  const c: PlanContext = { manifest: m, options: o, edition, settings, planned, workers: capacity.workers, platform: platformOf(m, o) };
  const defaults = manifestDefaults(m);
  const checks: Check[] = [
    ...placeholderChecks(c),
    ...propertyValueChecks(c),
    ...rejectedSizeChecks(c),
    ...workersFileChecks(c),
    ...workerGroupChecks(c),
    ...pageStoreDirCountChecks(c),
    ...capacity.checks.map(tagCapacityCheck),
    ...workerSchedulingChecks(c),
    ...identityChecks(c),
    ...hostPathChecks(c),
    ...emptyDirChecks(c),
    ...memoryChecks(c),
    ...storageClassChecks(c),
    ...etcdChecks(c),
    ...licenseChecks(c),
    ...ufsChecks(c),
    ...policyChecks(c),
  ];
  const builder = new PlanRingBuilder(settings, capacity.workers, o.seed ?? 1);
  const names = planned.map((w) => w.name);
  const ring = ringBalance(builder, names);
  checks.push(
    ...providerChecks(
      c,
      ring.shares.map((s) => s.share),
    ),
    ...spreadChecks(c, ring),
  );
  let dataset: PlanDataset | null = null;
  if (o.datasetBytes !== undefined) {
    const fit = datasetFit(c, ring.shares, o.datasetBytes);
    dataset = fit.dataset;
    checks.push(...datasetChecks(fit.dataset, fit.overflowingCount));
  }
  const totalCache = capacity.workers.reduce((s, w) => s + w.cacheBytes, 0);
  const ufs = rereadUfs(o, Number(settings.pageSizeBytes));
  const identity = identityReading(m);
  const whatIf = whatIfs({
    builder,
    main: ring.main,
    ids: ring.ids,
    names,
    identityPersisted: identity.persisted,
    identityReason: identity.why,
    pageStoreSurvives: m.groups[0]?.pagestoreType !== 'emptyDir',
    cacheBytes: capacity.workers.map((w) => w.cacheBytes),
    datasetBytes: o.datasetBytes ?? null,
    vnodeTarget: target,
  }).map((w) => (w.applicable && o.datasetBytes !== undefined ? { ...w, ...rereadCost(w.bytesReread, ufs ?? undefined) } : w));
  checks.push(...ringChangeChecks(c, whatIf));
  withRestartCost(
    checks,
    whatIf.find((w) => w.name === 'restart one worker'),
    settings.mode,
  );
  const assumptions = [
    ...defaults.map(defaultAssumption),
    ...settingsAssumptions(settings, edition),
    ...capacity.assumptions,
    ...(capacity.workers.some((w) => (w.dirs?.length ?? 1) > 1) ? [DIRECTORY_CHOICE_ASSUMPTION] : []),
    ...identityAssumptions(m),
    ...contextAssumptions(c),
    memoryAssumption(m.memory),
    cacheModelAssumption(o.datasetBytes !== undefined),
    ...(ufs ? [rereadAssumption(ufs)] : []),
  ];
  return report(c, { checks, assumptions, defaults, ring, dataset, whatIf, ufs, totalCache, model: builder.model(ring.ids) });
}

function contextAssumptions(c: PlanContext): string[] {
  const out: string[] = [];
  if (c.settings.provider === 'CAPACITY')
    out.push("CAPACITY provider: ring-sim models it as virtual nodes proportional to capacity (Alluxio Enterprise's own algorithm is not public)");
  const dirs = Math.max(...c.workers.map((w) => w.dirs?.length ?? 1));
  if (dirs > 1)
    out.push(
      `page store: up to ${dirs} directories a worker, one a pagestore.size entry (the operator's chart names them pagestore-0 …); each directory is planned on a disk of its own${c.options.disk === undefined ? '' : ` (--disk ${c.options.disk} each)`}, with the reservedSize beside it: one reservedSize applies to each directory (the chart sizes each directory's volume as its size entry + reservedSize)`,
    );
  if (c.options.disk === undefined) out.push('no --disk: the page store is not checked against the disk (guide D.4: size about 90 % of the space df shows)');
  if (c.options.nodes === undefined && c.manifest.etcd.enabled && c.manifest.etcd.replicaCount > 1)
    out.push(`no --nodes: the ${c.manifest.etcd.replicaCount} etcd pods need ${c.manifest.etcd.replicaCount} distinct nodes (guide D.2), not checked`);
  if (c.platform === 'gke' && !c.options.platform && c.options.provider !== 'gcp')
    out.push('GKE: the manifest selects GKE node pools (cloud.google.com/gke-*)');
  if (c.platform === 'eks' && !c.options.platform) out.push('EKS: --provider aws and no --platform (guide E, Amazon EKS: the EBS CSI driver check is run)');
  if (c.platform === undefined)
    out.push('platform not given (--platform, or --provider gcp or aws): the GKE /mnt hostPath and EKS EBS CSI driver checks (guide E) are not run');
  return out;
}

interface Parts {
  checks: Check[];
  assumptions: string[];
  defaults: PlanDefault[];
  ring: RingBalance;
  dataset: PlanDataset | null;
  whatIf: PlanWhatIf[];
  ufs: RereadUfs | null;
  totalCache: number;
  model: PlanRingModel;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** A check with its keys in the documented order: id, severity, field, message, fix, source. */
function canonical(x: Check): Check {
  const out: Check = { id: x.id, severity: x.severity, field: x.field, message: x.message, fix: x.fix, source: x.source };
  if (out.id === undefined) delete out.id;
  if (out.source === undefined) delete out.source;
  return out;
}

function report(c: PlanContext, p: Parts): PlanReport {
  const checks = p.checks.map(canonical).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const errors = checks.filter((x) => x.severity === 'error').length;
  const warnings = checks.filter((x) => x.severity === 'warning').length;
  const deployable = !hasErrors(checks);
  const { manifest: m, settings: s } = c;
  const ring = p.ring;
  return {
    format: 'ring-sim/plan',
    version: 1,
    source: m.source,
    cluster: { name: m.name, namespace: m.namespace ?? null, image: m.image ?? null, otherDocuments: m.otherDocuments },
    edition: c.edition,
    verdict: {
      deployable,
      errors,
      warnings,
      summary: deployable
        ? `${c.planned.length} worker${c.planned.length === 1 ? '' : 's'}, ${formatBinary(p.totalCache)} of cache${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
        : `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
    },
    workers: [...c.workers],
    checks,
    ring: {
      policy: s.policy,
      algorithm: s.provider === 'CAPACITY' ? 'ring (capacity-weighted model of CAPACITY)' : 'alluxio-consistent',
      vnodes: s.vnodes,
      mode: s.mode,
      provider: s.provider,
      identities: `random UUIDs (seeded draws, seed ${p.model.seed})`,
      draws: ring.draws,
      maxOverMean: Math.max(...ring.overFair),
      minOverMean: Math.min(...ring.overFair),
      relativeStddev: ring.relativeStddev,
      expectedRelativeStddev: 1 / Math.sqrt(s.vnodes),
      busiest: { worker: c.planned[ring.busiest].name, share: ring.shares[ring.busiest].share, overFair: ring.overFair[ring.busiest] },
      maxOverMeanAcrossDraws: { median: ring.maxes[Math.floor(ring.maxes.length / 2)], worst: ring.maxes[ring.maxes.length - 1] },
      shares: ring.shares,
      arcs: ringArcs(ring.main),
      model: p.model,
    },
    dataset: p.dataset,
    whatIf: p.whatIf,
    ufs: p.ufs,
    assumptions: p.assumptions,
    defaults: p.defaults,
  };
}
