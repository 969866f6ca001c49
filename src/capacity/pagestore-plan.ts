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
import { ALLUXIO_PAGE_SIZE } from '../core/page-size.js';
import type { Check } from '../core/check.js';
import { fileSystemSpace, provisionedDisk, type DiskProvider, type FileSystem, type FileSystemSpace, type ProvisionedDisk } from './disk.js';
import { byteQuantityChecks } from './quantity-checks.js';
import { formatBinary, formatIn } from '../core/units.js';

export type Edition = 'enterprise' | 'oss';

export interface PageStorePlanInput {
  /** Kubernetes quantity, e.g. `90Gi`. */
  size: string;
  /** Kubernetes quantity, e.g. `9Gi`; absent = none. */
  reservedSize?: string;
  /** Alluxio size string; default `1MB` (1 MiB, `alluxio.worker.page.store.page.size`). */
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
  const checks: Check[] = [];
  const assumptions: string[] = [];
  const size = byteQuantityChecks(input.size, f.size);
  checks.push(...size.checks);
  let reservedBytes = 0n;
  if (input.reservedSize !== undefined) {
    const r = byteQuantityChecks(input.reservedSize, f.reservedSize);
    checks.push(...r.checks);
    if (r.quantity && r.quantity.sign >= 0) reservedBytes = r.quantity.bytes;
  }
  const sizeBytes = size.quantity && size.quantity.sign > 0 ? size.quantity.bytes : 0n;
  const pageSizeBytes = readPageSize(input.pageSize, f.pageSize);
  const cacheBytes = pageData(edition, sizeBytes, input.overhead ?? 0.1, assumptions);
  const pages = cacheBytes / pageSizeBytes;
  const tailBytes = cacheBytes - pages * pageSizeBytes;
  if (sizeBytes > 0n && pages === 0n) {
    checks.push({
      severity: 'error',
      field: f.size,
      message: `the cache (${formatBinary(cacheBytes)}) holds no whole page of ${formatBinary(pageSizeBytes)}: the worker can cache nothing`,
      fix: `make the cache at least one page (${formatBinary(pageSizeBytes)}), or lower ${f.pageSize}`,
    });
  } else if (sizeBytes > 0n && tailBytes > 0n) {
    checks.push({
      severity: 'info',
      field: f.size,
      message: `the page size (${formatBinary(pageSizeBytes)}) does not divide the cache: the last ${tailBytes.toLocaleString('en-US')} B hold no full page`,
      fix: `make the cache a multiple of ${formatBinary(pageSizeBytes)}, e.g. ${formatIn(pages * pageSizeBytes, 'MiB', 0).replace(/,/g, '').replace(' MiB', 'Mi')}`,
    });
  }
  if (input.reservedSizeDefault) assumptions.push(`reservedSize not set: ${formatBinary(reservedBytes)}, ${input.reservedSizeDefault.source}`);
  else if (sizeBytes > 0n && edition === 'enterprise') checks.push(...reservedSizeChecks(sizeBytes, input.reservedSize === undefined ? undefined : reservedBytes, f));
  const plan: PageStorePlan = { edition, sizeBytes, reservedBytes, pageSizeBytes, cacheBytes, pages, tailBytes, checks, assumptions };
  if (input.disk !== undefined) addDisk(plan, input, f);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  checks.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return plan;
}

/** The names the checks give the inputs (CLI flags by default, manifest paths for `plan`). */
type Fields = Required<NonNullable<PageStorePlanInput['fields']>>;

function readPageSize(text: string | undefined, field: string): bigint {
  let bytes: bigint;
  try {
    bytes = parseAlluxioSize(text ?? ALLUXIO_PAGE_SIZE);
  } catch {
    throw new RingSimError(field, text, 'not an Alluxio size', 'write e.g. 1MB or 4MiB (binary)');
  }
  if (bytes <= 0n) throw new RingSimError(field, text, 'the page size must be positive', 'write e.g. 1MB');
  return bytes;
}

/** Bytes of page data the store holds: size (Enterprise), or size / (1 + overhead) (open source). */
function pageData(edition: Edition, sizeBytes: bigint, overhead: number, assumptions: string[]): bigint {
  if (!Number.isFinite(overhead) || overhead < 0) throw new RingSimError('overhead', overhead, 'must be a number >= 0', 'Alluxio defaults to 0.1');
  if (edition === 'oss') {
    assumptions.push(`open-source page store: page data = floor(size / (1 + ${overhead})) (alluxio.worker.page.store.overhead)`);
    return BigInt(Math.trunc(Number(sizeBytes) / (1 + overhead)));
  }
  assumptions.push('Enterprise operator: the cache holds size; reservedSize is extra space beside it');
  return sizeBytes;
}

/** Enterprise's reservedSize beside size: missing, far from 10 %, or larger than size. */
function reservedSizeChecks(sizeBytes: bigint, reservedBytes: bigint | undefined, f: Fields): Check[] {
  if (reservedBytes === undefined || reservedBytes === 0n) {
    return [{
      severity: 'warning',
      field: f.reservedSize,
      message: 'no reservedSize: temporary page writes and metadata have no space of their own',
      fix: `set reservedSize to about 10 % of size: ${roundGi(sizeBytes / 10n)}`,
    }];
  }
  const checks: Check[] = [];
  const ratio = Number(reservedBytes) / Number(sizeBytes);
  if (ratio < 0.05 || ratio > 0.2) {
    checks.push({
      severity: 'warning',
      field: f.reservedSize,
      message: `reservedSize is ${(ratio * 100).toFixed(1)} % of size; Alluxio advises about 10 % (typically 10–100 GiB)`,
      fix: `set reservedSize near ${roundGi(sizeBytes / 10n)}`,
    });
  }
  if (reservedBytes > sizeBytes) {
    checks.push({
      severity: 'error',
      field: f.reservedSize,
      message: `reservedSize (${formatBinary(reservedBytes)}) is larger than size (${formatBinary(sizeBytes)})`,
      fix: 'reservedSize is the small extra space beside the cache: about 10 % of size',
    });
  }
  return checks;
}

/** The disk and its file system: usable space, headroom, and whether size (+ reservedSize) fits. */
function addDisk(plan: PageStorePlan, input: PageStorePlanInput, f: Fields): void {
  const { edition, sizeBytes, reservedBytes, checks } = plan;
  const disk = provisionedDisk(input.disk!, input.provider ?? 'plain');
  const fsSpace = fileSystemSpace(disk.rawBytes, input.fs ?? 'ext4');
  plan.disk = disk;
  plan.fileSystem = fsSpace;
  plan.assumptions.push(...disk.assumptions, ...fsSpace.assumptions);
  const need = sizeBytes + (edition === 'enterprise' ? reservedBytes : 0n);
  plan.headroomBytes = fsSpace.usableBytes - need;
  const what = edition === 'enterprise' ? 'size + reservedSize' : 'size';
  if (sizeBytes > 0n && need > fsSpace.usableBytes) {
    const maxSize = edition === 'enterprise' ? (fsSpace.usableBytes * 10n) / 11n : fsSpace.usableBytes;
    checks.push({
      severity: 'error',
      field: f.size,
      message: `${what} = ${formatBinary(need)} exceeds the ${formatBinary(fsSpace.usableBytes)} the ${fsSpace.fs} file system leaves on this ${input.disk} disk: the worker fails with "quota (${need}) exceeds the total disk space"`,
      fix: edition === 'enterprise'
        ? `set size to at most ${floorGi(maxSize)} with reservedSize ${floorGi(maxSize / 10n)}, or use a larger disk`
        : `set size to at most ${floorGi(maxSize)}, or use a larger disk`,
    });
  } else if (sizeBytes > 0n && sizeBytes * 10n > fsSpace.usableBytes * 9n) {
    checks.push({
      severity: 'warning',
      field: f.size,
      message: `size is ${formatBinary(sizeBytes)}, over 90 % of the ${formatBinary(fsSpace.usableBytes)} the file system leaves; Alluxio advises about 90 % of the space df shows`,
      fix: `set size to at most ${floorGi((fsSpace.usableBytes * 9n) / 10n)}`,
    });
  }
}

/** A size as a Kubernetes quantity rounded down to whole GiB ("83Gi"), or MiB when under 1 GiB. */
function floorGi(bytes: bigint): string {
  if (bytes >= 1n << 30n) return `${bytes >> 30n}Gi`;
  return `${bytes >> 20n}Mi`;
}

function roundGi(bytes: bigint): string {
  if (bytes >= 1n << 30n) return `${(bytes + (1n << 29n)) >> 30n}Gi`;
  return `${(bytes + (1n << 19n)) >> 20n}Mi`;
}
