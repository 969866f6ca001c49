/**
 * `buildPlan`: what an operator needs to know before `kubectl apply`: will the cluster deploy, how full each
 * worker gets, how evenly the ring spreads data, and what scaling or restarting will cost. Returns the plain
 * report model (model.ts) that the text printer, `--json` and the HTML page all render.
 *
 * manifest → settings (settings.ts) → workers and capacity (workers.ts) → checks (checks/, one file a family)
 * → the ring (ring-model.ts) → what-ifs (what-if.ts) → the report.
 */
import type { Check } from '../core/check.js';
import { hasErrors } from '../core/check.js';
import type { Edition } from '../capacity/pagestore-plan.js';
import { formatBinary } from '../core/units.js';
import type { AlluxioClusterManifest } from './manifest.js';
import type { PlanDataset, PlanOptions, PlanReport, PlanWhatIf } from './model.js';
import type { PlanContext } from './context.js';
import { checkRingPoints, readRingSettings, settingsAssumptions } from './settings.js';
import { expandWorkers, workerCapacity } from './workers.js';
import { PlanRingBuilder, ringBalance, type RingBalance } from './ring-balance.js';
import { whatIfs } from './what-if.js';
import type { PlanRingModel } from './ring-model.js';
import { ringArcs } from './arcs.js';
import { datasetChecks, datasetFit, workersFileChecks } from './checks/capacity.js';
import { hostPathChecks, workerSchedulingChecks } from './checks/platform.js';
import { identityChecks, identityPersisted, withRestartCost } from './checks/identity.js';
import { etcdChecks } from './checks/etcd.js';
import { licenseChecks } from './checks/license.js';
import { policyChecks, providerChecks, ringSettingsInfo, spreadChecks } from './checks/ring.js';

export type { PlanOptions, PlanReport, PlanWhatIf, PlanShare, PlanWorker, PlanFlow, PlanRing, PlanDataset } from './model.js';

export function buildPlan(m: AlluxioClusterManifest, o: PlanOptions = {}): PlanReport {
  const edition: Edition = o.edition ?? 'enterprise';
  const settings = readRingSettings(m, edition);
  const planned = expandWorkers(m, o.workers);
  checkRingPoints(m, settings, edition, planned.length);
  const capacity = workerCapacity(planned, settings.pageSizeBytes, o, edition);
  const c: PlanContext = { manifest: m, options: o, edition, settings, planned, workers: capacity.workers, platform: o.platform ?? (o.provider === 'gcp' ? 'gke' : undefined) };
  const assumptions = [...settingsAssumptions(settings, edition), ...capacity.assumptions];
  if (settings.provider === 'CAPACITY') assumptions.push('CAPACITY provider: ring-sim models it as virtual nodes proportional to capacity (Alluxio Enterprise\'s own algorithm is not public)');
  const checks: Check[] = [
    ...workersFileChecks(c),
    ...capacity.checks,
    ...workerSchedulingChecks(c),
    ...identityChecks(c),
    ...hostPathChecks(c),
    ...etcdChecks(c),
    ...policyChecks(c),
    ...providerChecks(c),
    ...ringSettingsInfo(c),
    ...licenseChecks(c),
  ];
  const seed = o.seed ?? 1;
  const builder = new PlanRingBuilder(settings, capacity.workers, seed);
  const names = planned.map((w) => w.name);
  const ring = ringBalance(builder, names);
  checks.push(...spreadChecks(c, ring));
  let dataset: PlanDataset | null = null;
  if (o.datasetBytes !== undefined) {
    const fit = datasetFit(c, ring.shares, o.datasetBytes);
    dataset = fit.dataset;
    checks.push(...datasetChecks(fit.dataset, fit.overflowingCount));
  }
  const totalCache = capacity.workers.reduce((s, w) => s + w.cacheBytes, 0);
  const whatIf = whatIfs({
    builder,
    main: ring.main,
    ids: ring.ids,
    names,
    identityPersisted: m.groups.every(identityPersisted),
    basis: o.datasetBytes !== undefined ? 'dataset' : 'cache',
    basisBytes: o.datasetBytes ?? totalCache,
    vnodeTarget: o.whatIfVnodes ?? (settings.vnodes < 2000 ? 2000 : Math.floor(settings.vnodes / 2)),
  });
  withRestartCost(checks, whatIf.find((w) => w.name === 'restart one worker'), settings.mode);
  return report(c, { checks, assumptions, ring, dataset, whatIf, seed, totalCache, model: builder.model(ring.ids) });
}

interface Parts {
  checks: Check[];
  assumptions: string[];
  ring: RingBalance;
  dataset: PlanDataset | null;
  whatIf: PlanWhatIf[];
  seed: number;
  totalCache: number;
  model: PlanRingModel;
}

function report(c: PlanContext, p: Parts): PlanReport {
  const { checks, ring } = p;
  const errors = checks.filter((x) => x.severity === 'error').length;
  const warnings = checks.filter((x) => x.severity === 'warning').length;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  checks.sort((a, b) => rank[a.severity] - rank[b.severity]);
  const deployable = !hasErrors(checks);
  const m = c.manifest;
  const s = c.settings;
  const total = c.planned.length;
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
        ? `${total} workers, ${formatBinary(p.totalCache)} of cache${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
        : `${errors} error${errors === 1 ? '' : 's'}`,
    },
    workers: [...c.workers],
    checks,
    ring: {
      policy: s.policy,
      algorithm: s.provider === 'CAPACITY' ? 'ring (capacity-weighted model of CAPACITY)' : 'alluxio-consistent',
      vnodes: s.vnodes,
      mode: s.mode,
      provider: s.provider,
      identities: `random UUIDs (seeded draws, seed ${p.seed})`,
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
    assumptions: p.assumptions,
  };
}
