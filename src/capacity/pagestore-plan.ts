/**
 * The page-store plan of one worker: from `size`, `reservedSize`, the page size and the disk, the bytes of
 * page data it can hold, its page count, and the checks an operator needs before deploying.
 *
 * Two capacity rules (reference capacity.md §3–§4):
 * - `enterprise` (Alluxio operator `spec.worker.pagestore.size` / `reservedSize`): the cache holds `size`;
 *   `reservedSize` is extra space for temporary pages and metadata; `size + reservedSize` must fit the disk.
 * - `oss` (`alluxio.worker.page.store.sizes` with `…overhead` 0.1): page data = floor(size / (1 + overhead)),
 *   in Java double arithmetic.
 */
import { RingSimError } from '../core/errors.js';
import { parseAlluxioSize } from './alluxio-size.js';
import { defaultPageSize, pageSizeDefaultAssumption } from '../core/page-size.js';
import type { Check } from '../core/check.js';
import { fileSystemSpace, provisionedDisk, type DiskProvider, type FileSystem, type FileSystemSpace, type ProvisionedDisk } from './disk.js';
import { byteQuantityChecks } from './quantity-checks.js';
import { parseQuantity } from './quantity.js';
import { formatBinary } from '../core/units.js';
import {
  diskCeiling,
  exampleReserved,
  diskFix,
  exampleSize,
  onePageFix,
  overSizeShare,
  pageDataBytes,
  RESERVED_PERCENT,
  reservedFix,
  reservedInstead,
  reservedOutOfBand,
  SIZE_MAX_PERCENT,
  sizeInstead,
  type Edition,
  type StoreLimits,
} from './fix-values.js';

export type { Edition } from './fix-values.js';

export interface PageStorePlanInput {
  /** Kubernetes quantity, e.g. `90Gi`. */
  size: string;
  /** Kubernetes quantity, e.g. `9Gi`; absent = none. */
  reservedSize?: string;
  /** Alluxio size string; default the edition's (`4MB` Enterprise operator, `1MB` open source: src/core/page-size.ts), said as an assumption. */
  pageSize?: string;
  /** The disk as sold, e.g. `100GB`; absent = no disk checks. */
  disk?: string;
  provider?: DiskProvider;
  fs?: FileSystem;
  edition?: Edition;
  /** `alluxio.worker.page.store.overhead` for the oss rule; default 0.1. */
  overhead?: number;
  /**
   * Set when `reservedSize` is not the operator's input but the default it applies in its absence (plan passes
   * the bytes as `reservedSize`): the reservedSize advice checks are skipped and `source` is an assumption.
   */
  reservedSizeDefault?: { source: string };
  /**
   * Bytes of the worker's other page-store directories (several `size` entries), which share this reservedSize:
   * the reservedSize fixes name a value that passes beside each of them too.
   */
  sharedSizes?: readonly bigint[];
  /** Field names to report checks under (defaults are the CLI flags). */
  fields?: Partial<Record<'size' | 'reservedSize' | 'pageSize' | 'disk', string>>;
}

export interface PageStorePlan {
  edition: Edition;
  sizeBytes: bigint;
  reservedBytes: bigint;
  pageSizeBytes: bigint;
  /** Bytes of page data the store holds. */
  cacheBytes: bigint;
  pages: bigint;
  /** Bytes at the end of the cache too small for one more page. */
  tailBytes: bigint;
  disk?: ProvisionedDisk;
  fileSystem?: FileSystemSpace;
  /** usable − (size + reservedSize); negative when it does not fit. */
  headroomBytes?: bigint;
  checks: Check[];
  assumptions: string[];
}

export function planPageStore(input: PageStorePlanInput): PageStorePlan {
  const edition = input.edition ?? 'enterprise';
  if (edition !== 'enterprise' && edition !== 'oss') {
    throw new RingSimError('edition', edition, 'unknown Alluxio edition', 'use enterprise or oss');
  }
  const f: Fields = { size: '--size', reservedSize: '--reserved', pageSize: '--page-size', disk: '--disk', ...input.fields };
  const assumptions: string[] = [];
  const pageSizeBytes = readPageSize(input.pageSize ?? defaultPageSize(edition).text, f.pageSize);
  if (input.pageSize === undefined) assumptions.push(pageSizeDefaultAssumption(edition));
  const overhead = input.overhead ?? 0.1;
  const space = input.disk === undefined ? undefined : diskSpace(input);
  const written = { size: positiveBytes(input.size), reserved: input.reservedSize === undefined ? 0n : positiveBytes(input.reservedSize) };
  const limits: StoreLimits = {
    edition,
    pageSizeBytes,
    overhead,
    usableBytes: space?.fileSystem.usableBytes,
    reservedBytes: edition === 'enterprise' ? written.reserved : 0n,
    sharedSizes: input.sharedSizes,
  };
  const size = byteQuantityChecks(input.size, f.size, { example: exampleSize(limits), instead: (b, t) => sizeInstead(limits, b, t) });
  const checks: Check[] = [...size.checks];
  let reservedBytes = 0n;
  if (input.reservedSize !== undefined) {
    const reservedValues = {
      example: exampleReserved(limits, written.size),
      instead: (b: bigint, t: string) => (edition === 'enterprise' ? reservedInstead(limits, written.size, b, t) : undefined),
    };
    const r = byteQuantityChecks(input.reservedSize, f.reservedSize, reservedValues);
    checks.push(...r.checks);
    if (r.quantity && r.quantity.sign >= 0) reservedBytes = r.quantity.bytes;
  }
  const sizeBytes = size.quantity && size.quantity.sign > 0 ? size.quantity.bytes : 0n;
  const cacheBytes = pageData(edition, sizeBytes, overhead, assumptions);
  const pages = cacheBytes / pageSizeBytes;
  const tailBytes = cacheBytes - pages * pageSizeBytes;
  if (sizeBytes > 0n) checks.push(...pageChecks(limits, { cacheBytes, pages, tailBytes }, f));
  if (input.reservedSizeDefault) assumptions.push(`reservedSize not set: ${formatBinary(reservedBytes)}, ${input.reservedSizeDefault.source}`);
  else if (sizeBytes > 0n && edition === 'enterprise')
    checks.push(...reservedSizeChecks(limits, sizeBytes, input.reservedSize === undefined ? undefined : reservedBytes, f));
  const plan: PageStorePlan = { edition, sizeBytes, reservedBytes, pageSizeBytes, cacheBytes, pages, tailBytes, checks, assumptions };
  if (space) addDisk(plan, input, space, limits, f);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  checks.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return plan;
}

/** Bytes of a positive quantity, else 0 (the checks say what is wrong with it). */
function positiveBytes(text: string): bigint {
  try {
    const q = parseQuantity(text);
    return q.sign > 0 ? q.bytes : 0n;
  } catch {
    return 0n;
  }
}

function diskSpace(input: PageStorePlanInput): { disk: ProvisionedDisk; fileSystem: FileSystemSpace } {
  const disk = provisionedDisk(input.disk!, input.provider ?? 'plain');
  return { disk, fileSystem: fileSystemSpace(disk.rawBytes, input.fs ?? 'ext4') };
}

/** The cache against the page size: no whole page (an error), or a tail that holds none (info). */
function pageChecks(l: StoreLimits, c: { cacheBytes: bigint; pages: bigint; tailBytes: bigint }, f: Fields): Check[] {
  const page = formatBinary(l.pageSizeBytes);
  if (c.pages === 0n) {
    return [
      {
        severity: 'error',
        field: f.size,
        message: `the cache (${formatBinary(c.cacheBytes)}) holds no whole page of ${page}: the worker can cache nothing`,
        fix: onePageFix(l, f.pageSize),
      },
    ];
  }
  if (c.tailBytes === 0n) return [];
  const whole = c.pages * l.pageSizeBytes;
  return [
    {
      severity: 'info',
      field: f.size,
      message: `the page size (${page}) does not divide the cache: the last ${c.tailBytes.toLocaleString('en-US')} B hold no full page`,
      fix:
        l.edition === 'enterprise'
          ? `make the cache a multiple of ${page}, e.g. size ${whole % (1n << 20n) === 0n ? `${whole >> 20n}Mi` : String(whole)}`
          : `make the page data (size / (1 + ${l.overhead})) a multiple of ${page}`,
    },
  ];
}

/** The names the checks give the inputs (CLI flags by default, manifest paths for `plan`). */
type Fields = Required<NonNullable<PageStorePlanInput['fields']>>;

function readPageSize(text: string, field: string): bigint {
  let bytes: bigint;
  try {
    bytes = parseAlluxioSize(text);
  } catch {
    throw new RingSimError(field, text, 'not an Alluxio size', 'write e.g. 1MB or 4MiB (binary)');
  }
  if (bytes <= 0n) throw new RingSimError(field, text, 'the page size must be positive', 'write e.g. 1MB');
  return bytes;
}

/** Bytes of page data the store holds, with the rule as an assumption. */
function pageData(edition: Edition, sizeBytes: bigint, overhead: number, assumptions: string[]): bigint {
  if (!Number.isFinite(overhead) || overhead < 0) throw new RingSimError('overhead', overhead, 'must be a number >= 0', 'Alluxio defaults to 0.1');
  assumptions.push(
    edition === 'oss'
      ? `open-source page store: page data = floor(size / (1 + ${overhead})) (alluxio.worker.page.store.overhead)`
      : 'Enterprise operator: the cache holds size; reservedSize is extra space beside it',
  );
  return pageDataBytes(edition, sizeBytes, overhead);
}

/** Enterprise's reservedSize beside size: missing, far from 10 %, or larger than size. */
function reservedSizeChecks(l: StoreLimits, sizeBytes: bigint, reservedBytes: bigint | undefined, f: Fields): Check[] {
  if (reservedBytes === undefined || reservedBytes === 0n) {
    return [
      {
        severity: 'warning',
        field: f.reservedSize,
        message: 'no reservedSize: temporary page writes and metadata have no space of their own',
        fix: reservedFix(l, sizeBytes),
      },
    ];
  }
  const checks: Check[] = [];
  if (reservedOutOfBand(sizeBytes, reservedBytes)) {
    const ratio = Number(reservedBytes) / Number(sizeBytes);
    checks.push({
      severity: 'warning',
      field: f.reservedSize,
      message: `reservedSize is ${(ratio * 100).toFixed(1)} % of size; Alluxio advises about ${RESERVED_PERCENT} % (typically 10–100 GiB)`,
      fix: reservedFix(l, sizeBytes),
    });
  }
  if (reservedBytes > sizeBytes) {
    checks.push({
      severity: 'error',
      field: f.reservedSize,
      message: `reservedSize (${formatBinary(reservedBytes)}) is larger than size (${formatBinary(sizeBytes)})`,
      fix: reservedFix(l, sizeBytes, ': the small extra space beside the cache'),
    });
  }
  return checks;
}

/** The disk and its file system: usable space, headroom, and whether size (+ reservedSize) fits. */
function addDisk(
  plan: PageStorePlan,
  input: PageStorePlanInput,
  space: { disk: ProvisionedDisk; fileSystem: FileSystemSpace },
  l: StoreLimits,
  f: Fields,
): void {
  const { edition, sizeBytes, reservedBytes, checks } = plan;
  const fsSpace = space.fileSystem;
  const usable = { ...l, usableBytes: fsSpace.usableBytes };
  plan.disk = space.disk;
  plan.fileSystem = fsSpace;
  plan.assumptions.push(...space.disk.assumptions, ...fsSpace.assumptions);
  const need = sizeBytes + (edition === 'enterprise' ? reservedBytes : 0n);
  plan.headroomBytes = fsSpace.usableBytes - need;
  const what = edition === 'enterprise' ? 'size + reservedSize' : 'size';
  if (sizeBytes > 0n && need > fsSpace.usableBytes) {
    checks.push({
      severity: 'error',
      field: f.size,
      message: `${what} = ${formatBinary(need)} exceeds the ${formatBinary(fsSpace.usableBytes)} the ${fsSpace.fs} file system leaves on this ${input.disk} disk: the worker fails with "quota (${need}) exceeds the total disk space"`,
      fix: diskFix(usable),
    });
  } else if (sizeBytes > 0n && overSizeShare(sizeBytes, fsSpace.usableBytes)) {
    checks.push({
      severity: 'warning',
      field: f.size,
      message: `size is ${formatBinary(sizeBytes)}, over ${SIZE_MAX_PERCENT} % of the ${formatBinary(fsSpace.usableBytes)} the file system leaves; Alluxio advises about 90 % of the space df shows`,
      fix: `set size to at most ${diskCeiling(usable).size}`,
    });
  }
}
