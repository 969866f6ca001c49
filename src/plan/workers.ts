/**
 * The plan's workers: the manifest's groups expanded one worker a pod (or a `--workers` list), and each
 * worker's page-store capacity (identical workers share one capacity plan).
 */
import type { Check } from '../core/check.js';
import { planPageStore, type Edition, type PageStorePlan } from '../capacity/pagestore-plan.js';
import { parseQuantity } from '../capacity/quantity.js';
import { OPERATOR_RESERVED_SOURCE, operatorReservedBytes } from '../capacity/reserved-default.js';
import type { AlluxioClusterManifest, ManifestWorkerGroup } from './manifest.js';
import type { PlanOptions, PlanWorker } from './model.js';

export interface PlannedWorker {
  name: string;
  group: string;
  size: string;
  reserved?: string;
  /** The manifest path of the worker's fields (`spec.worker`), or `--workers`. */
  path: string;
  groupRef: ManifestWorkerGroup;
}

export function expandWorkers(m: AlluxioClusterManifest, listed: PlanOptions['workers']): PlannedWorker[] {
  if (listed && listed.length) {
    const g0 = m.groups[0];
    return listed.map((w) => ({ name: w.name, group: 'workers-file', size: w.size, reserved: g0.reservedSize, path: '--workers', groupRef: g0 }));
  }
  const out: PlannedWorker[] = [];
  for (const g of m.groups) {
    for (let i = 0; i < g.count; i++) out.push({ name: m.groups.length > 1 ? `${g.name}-${i}` : `worker-${i}`, group: g.name, size: g.size, reserved: g.reservedSize, path: g.path, groupRef: g });
  }
  return out;
}

export interface WorkerCapacity {
  workers: PlanWorker[];
  checks: Check[];
  assumptions: string[];
}

export function workerCapacity(workers: readonly PlannedWorker[], pageSizeBytes: bigint, o: PlanOptions, edition: Edition): WorkerCapacity {
  const checks: Check[] = [];
  const assumptions: string[] = [];
  const plans = new Map<string, PageStorePlan>();
  const planned = workers.map((w) => {
    const key = `${w.path}|${w.size}|${w.reserved}`;
    let p = plans.get(key);
    if (!p) {
      const reserved = reservedFor(w.size, w.reserved, edition);
      p = planPageStore({
        size: w.size,
        reservedSize: reserved.text,
        reservedSizeDefault: reserved.defaulted ? { source: OPERATOR_RESERVED_SOURCE } : undefined,
        pageSize: String(pageSizeBytes),
        disk: o.disk,
        provider: o.provider,
        fs: o.fs,
        edition,
        fields: { size: `${w.path}.pagestore.size`, reservedSize: `${w.path}.pagestore.reservedSize`, pageSize: 'spec.properties.alluxio.worker.page.store.page.size', disk: '--disk' },
      });
      plans.set(key, p);
      for (const c of p.checks) if (!checks.some((x) => x.field === c.field && x.message === c.message)) checks.push(c);
      for (const a of p.assumptions) if (!assumptions.includes(a)) assumptions.push(a);
    }
    return toPlanWorker(w, p);
  });
  return { workers: planned, checks, assumptions };
}

/** The manifest's reservedSize, or (Enterprise, none given) the operator's default for a directory of `size`. */
function reservedFor(size: string, given: string | undefined, edition: Edition): { text?: string; defaulted: boolean } {
  if (given !== undefined || edition !== 'enterprise') return { text: given, defaulted: false };
  let sizeBytes: bigint;
  try {
    sizeBytes = parseQuantity(size).bytes;
  } catch {
    return { text: undefined, defaulted: false }; // planPageStore reports the size itself
  }
  return { text: String(operatorReservedBytes(sizeBytes)), defaulted: true };
}

function toPlanWorker(w: PlannedWorker, p: PageStorePlan): PlanWorker {
  const num = (b: bigint): number => Number(b);
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
    pagestoreType: w.groupRef.pagestoreType,
  };
}
