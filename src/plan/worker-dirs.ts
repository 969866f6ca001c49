/**
 * A worker's page-store directories: one a `pagestore.size` entry. The operator's chart makes a directory
 * `pagestore-<i>` of each comma-separated entry (its volume the i-th `hostPath` entry, or its own PVC) and passes
 * the text on as `alluxio.worker.page.store.sizes`; Alluxio makes one page-store directory of each (dir, size)
 * pair (PageStoreOptions.createForWorkerPageStore). `reservedSize` is one value that applies to each directory:
 * the chart sizes each directory's PVC as its entry plus reservedSize (templates/worker/pageStore-pvc.yaml), and
 * without it the operator's default is min(10 % of the entry, 100Gi), an entry at a time.
 *
 * Each distinct entry is planned once against `--disk` (one disk a directory); the worker's figures are the
 * directories' sums. One entry plans exactly as a single page store.
 */
import type { Check } from '../core/check.js';
import { planPageStore, type Edition, type PageStorePlan } from '../capacity/pagestore-plan.js';
import { parseQuantity } from '../capacity/quantity.js';
import { OPERATOR_RESERVED_SOURCE, operatorReservedBytes } from '../capacity/reserved-default.js';
import type { PlanOptions } from './model.js';

export interface PlannedDir {
  /** The directory's index, as the chart names it (`pagestore-<index>`). */
  index: number;
  /** Its hostPath entry (hostPath page stores), else null. */
  hostPath: string | null;
  plan: PageStorePlan;
}

/** What a worker's directories are planned from: its manifest path and page-store fields as written. */
export interface DirsInput {
  /** The manifest path of the worker's fields (`spec.worker`), for the checks' fields. */
  path: string;
  /** `pagestore.size`: one entry, or several separated by commas. */
  size: string;
  reserved?: string;
  /** `pagestore.hostPath` of a hostPath page store (entries separated by commas), else undefined. */
  hostPath?: string;
}

export interface WorkerDirsPlan {
  dirs: PlannedDir[];
  checks: Check[];
  assumptions: string[];
}

/** The size entries of a worker's `pagestore.size` text (one, or several separated by commas). */
export function sizeEntries(size: string): string[] {
  return size.includes(',') ? size.split(',').map((s) => s.trim()) : [size];
}

function entryBytes(size: string): bigint {
  try {
    const q = parseQuantity(size);
    return q.sign > 0 ? q.bytes : 0n;
  } catch {
    return 0n; // planPageStore reports the size itself
  }
}

/** Plans each directory of `w` (each distinct entry once), with its checks named by directory when there are several. */
export function planWorkerDirs(w: DirsInput, pageSizeBytes: bigint, o: PlanOptions, edition: Edition): WorkerDirsPlan {
  const sizes = sizeEntries(w.size);
  const paths = w.hostPath === undefined ? [] : w.hostPath.split(',').map((p) => p.trim());
  const bytes = sizes.map(entryBytes);
  const plans = new Map<string, PageStorePlan>();
  const checks: Check[] = [];
  const assumptions: string[] = [];
  const dirs = sizes.map((size, index) => {
    let plan = plans.get(size);
    if (!plan) {
      plan = planDir(
        w,
        size,
        bytes.filter((_, j) => j !== index),
        pageSizeBytes,
        o,
        edition,
      );
      plans.set(size, plan);
      const named = sizes.length === 1 ? '' : `${dirNames(sizes, size)} (${size}): `;
      for (const c of plan.checks) {
        const check = { ...c, message: `${named}${c.message}` };
        if (!checks.some((x) => x.field === check.field && x.message === check.message)) checks.push(check);
      }
      for (const a of plan.assumptions) if (!assumptions.includes(a)) assumptions.push(a);
    }
    return { index, hostPath: paths[index] ?? null, plan };
  });
  return { dirs, checks, assumptions };
}

/** The chart's names of the directories whose entry is `size`: `pagestore-0, pagestore-2`. */
function dirNames(sizes: readonly string[], size: string): string {
  return sizes.flatMap((s, i) => (s === size ? [`pagestore-${i}`] : [])).join(', ');
}

function planDir(w: DirsInput, size: string, sharedSizes: bigint[], pageSizeBytes: bigint, o: PlanOptions, edition: Edition): PageStorePlan {
  const reserved = reservedFor(size, w.reserved, edition);
  return planPageStore({
    size,
    reservedSize: reserved.text,
    reservedSizeDefault: reserved.defaulted ? { source: OPERATOR_RESERVED_SOURCE } : undefined,
    pageSize: String(pageSizeBytes),
    disk: o.disk,
    provider: o.provider,
    fs: o.fs,
    edition,
    sharedSizes: sharedSizes.length ? sharedSizes : undefined,
    fields: {
      size: `${w.path}.pagestore.size`,
      reservedSize: `${w.path}.pagestore.reservedSize`,
      pageSize: 'spec.properties.alluxio.worker.page.store.page.size',
      disk: '--disk',
    },
  });
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
