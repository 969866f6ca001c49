/**
 * The plan's workers: the manifest's groups expanded one worker a pod (or a `--workers` list), and each
 * worker's page-store capacity, directory by directory (worker-dirs.ts; identical workers share one plan).
 */
import type { Check } from '../core/check.js';
import type { Edition } from '../capacity/pagestore-plan.js';
import type { AlluxioClusterManifest, ManifestWorkerGroup } from './manifest.js';
import type { PlanDir, PlanOptions, PlanWorker } from './model.js';
import { planWorkerDirs, type PlannedDir, type WorkerDirsPlan } from './worker-dirs.js';

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
    for (let i = 0; i < g.count; i++)
      out.push({
        name: m.groups.length > 1 ? `${g.name}-${i}` : `worker-${i}`,
        group: g.name,
        size: g.size,
        reserved: g.reservedSize,
        path: g.path,
        groupRef: g,
      });
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
  const plans = new Map<string, WorkerDirsPlan>();
  const planned = workers.map((w) => {
    const key = `${w.path}|${w.size}|${w.reserved}`;
    let p = plans.get(key);
    if (!p) {
      p = planWorkerDirs(
        { path: w.path, size: w.size, reserved: w.reserved, hostPath: w.groupRef.pagestoreType === 'hostPath' ? w.groupRef.hostPath : undefined },
        pageSizeBytes,
        o,
        edition,
      );
      plans.set(key, p);
      for (const c of p.checks) if (!checks.some((x) => x.field === c.field && x.message === c.message)) checks.push(c);
      for (const a of p.assumptions) if (!assumptions.includes(a)) assumptions.push(a);
    }
    return toPlanWorker(w, p);
  });
  return { workers: planned, checks, assumptions };
}

const num = (b: bigint): number => Number(b);

function toPlanDir(d: PlannedDir): PlanDir {
  const p = d.plan;
  return {
    index: d.index,
    hostPath: d.hostPath,
    sizeBytes: num(p.sizeBytes),
    reservedBytes: num(p.reservedBytes),
    cacheBytes: num(p.cacheBytes),
    pages: num(p.pages),
    usableDiskBytes: p.fileSystem ? num(p.fileSystem.usableBytes) : null,
    headroomBytes: p.headroomBytes === undefined ? null : num(p.headroomBytes),
  };
}

/** The worker's figures: its directories' sums (one disk a directory), and each directory's. */
function toPlanWorker(w: PlannedWorker, p: WorkerDirsPlan): PlanWorker {
  const dirs = p.dirs.map(toPlanDir);
  const sum = (f: (d: PlanDir) => number | null): number | null => (dirs.some((d) => f(d) === null) ? null : dirs.reduce((s, d) => s + f(d)!, 0));
  return {
    name: w.name,
    group: w.group,
    sizeBytes: sum((d) => d.sizeBytes)!,
    reservedBytes: sum((d) => d.reservedBytes)!,
    cacheBytes: sum((d) => d.cacheBytes)!,
    pages: sum((d) => d.pages)!,
    pageSizeBytes: num(p.dirs[0].plan.pageSizeBytes),
    usableDiskBytes: sum((d) => d.usableDiskBytes),
    headroomBytes: sum((d) => d.headroomBytes),
    pagestoreType: w.groupRef.pagestoreType,
    dirs,
  };
}
