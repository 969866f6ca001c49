/**
 * The values a page-store fix names, and the rules they must pass: a fix that names a value gives one that,
 * applied, raises no ERROR or WARNING on its field (issue 23 item 6).
 *
 * The rules (one home; pagestore-plan.ts checks them, this file picks values that pass them):
 * - size + reservedSize (Enterprise) or size (open source) fits the space the file system leaves (an ERROR);
 * - size is at most SIZE_MAX_PERCENT of that space (guide D.4: about 90 % of what df shows; a WARNING);
 * - reservedSize is RESERVED_MIN_PERCENT to RESERVED_MAX_PERCENT of size (Alluxio: about 10 %; a WARNING),
 *   never more than size (an ERROR), never absent (a WARNING);
 * - the cache holds at least one whole page (an ERROR).
 * Values are rounded down to a whole Gi (Mi under 1 GiB, Ki under 1 MiB), so they stay within every bound.
 *
 * Several page-store directories (comma-separated `pagestore.size` entries) share one reservedSize: the operator
 * gives each directory its size entry plus the same reservedSize (`sharedSizes`), so a reservedSize fix names a
 * value that passes beside every entry, or both values, to be written in every entry.
 */
import { formatBinary } from '../core/units.js';

export type Edition = 'enterprise' | 'oss';

/** size over this share of the usable space is a warning (guide D.4). */
export const SIZE_MAX_PERCENT = 90n;
/** reservedSize the fixes give: this share of size. */
export const RESERVED_PERCENT = 10n;
/** reservedSize outside [min, max] % of size is a warning. */
export const RESERVED_MIN_PERCENT = 5;
export const RESERVED_MAX_PERCENT = 20;

/** What a page store's values are checked against. */
export interface StoreLimits {
  edition: Edition;
  pageSizeBytes: bigint;
  /** `alluxio.worker.page.store.overhead` (open source). */
  overhead: number;
  /** Bytes the file system leaves; absent = no disk given. */
  usableBytes?: bigint;
  /** reservedSize as written (Enterprise; 0 when absent or for open source). */
  reservedBytes: bigint;
  /**
   * The sizes of the worker's other page-store directories, which share this reservedSize (one reservedSize
   * applies to each directory); absent or empty for one directory.
   */
  sharedSizes?: readonly bigint[];
}

/** Bytes of page data a store of `sizeBytes` holds: size (Enterprise), floor(size / (1 + overhead)) in Java doubles (open source). */
export function pageDataBytes(edition: Edition, sizeBytes: bigint, overhead: number): bigint {
  return edition === 'oss' ? BigInt(Math.trunc(Number(sizeBytes) / (1 + overhead))) : sizeBytes;
}

/** size over SIZE_MAX_PERCENT of the usable space. */
export function overSizeShare(sizeBytes: bigint, usableBytes: bigint): boolean {
  return sizeBytes * 100n > usableBytes * SIZE_MAX_PERCENT;
}

/** reservedSize as a share of size outside the advised band. */
export function reservedOutOfBand(sizeBytes: bigint, reservedBytes: bigint): boolean {
  const percent = (Number(reservedBytes) / Number(sizeBytes)) * 100;
  return percent < RESERVED_MIN_PERCENT || percent > RESERVED_MAX_PERCENT;
}

function need(l: StoreLimits, sizeBytes: bigint, reservedBytes: bigint): bigint {
  return sizeBytes + (l.edition === 'enterprise' ? reservedBytes : 0n);
}

/** Whether size passes every check on its field, beside the reservedSize as written. */
export function sizePasses(l: StoreLimits, sizeBytes: bigint): boolean {
  if (sizeBytes <= 0n || pageDataBytes(l.edition, sizeBytes, l.overhead) < l.pageSizeBytes) return false;
  if (l.usableBytes === undefined) return true;
  return need(l, sizeBytes, l.reservedBytes) <= l.usableBytes && !overSizeShare(sizeBytes, l.usableBytes);
}

/** Whether reservedSize passes every check on its field beside `sizeBytes` and every directory sharing it (Enterprise). */
export function reservedPasses(l: StoreLimits, sizeBytes: bigint, reservedBytes: bigint): boolean {
  return [sizeBytes, ...(l.sharedSizes ?? [])].every((s) => reservedPassesBeside(l, s, reservedBytes));
}

function reservedPassesBeside(l: StoreLimits, sizeBytes: bigint, reservedBytes: bigint): boolean {
  if (reservedBytes <= 0n || reservedBytes > sizeBytes || reservedOutOfBand(sizeBytes, reservedBytes)) return false;
  return l.usableBytes === undefined || sizeBytes + reservedBytes <= l.usableBytes;
}

/** Whether the directories share a reservedSize (several size entries). */
function shared(l: StoreLimits): boolean {
  return (l.sharedSizes?.length ?? 0) > 0;
}

/**
 * The reservedSize to advise beside `sizeBytes` and every directory sharing it: RESERVED_PERCENT of this size,
 * else of another entry's, that passes beside all of them; undefined when none does (or a size fails its own checks).
 */
function passingReserved(l: StoreLimits, sizeBytes: bigint): { size: string; sizeBytes: bigint } | undefined {
  const sizes = [sizeBytes, ...(l.sharedSizes ?? [])];
  if (!sizes.every((s) => sizePasses({ ...l, reservedBytes: 0n }, s))) return undefined;
  const tenth = sizes.map((s) => floorQuantity((s * RESERVED_PERCENT) / 100n));
  // Else the band every entry allows: from RESERVED_MIN_PERCENT of the largest to RESERVED_MAX_PERCENT of the smallest.
  const low = ceilQuantity((maxOf(sizes) * BigInt(RESERVED_MIN_PERCENT) + 99n) / 100n);
  const high = floorQuantity((minOf(sizes) * BigInt(RESERVED_MAX_PERCENT)) / 100n);
  return [...tenth, floorQuantity((low.sizeBytes + high.sizeBytes) / 2n), low, high].find((r) => reservedPasses(l, sizeBytes, r.sizeBytes));
}

function maxOf(xs: readonly bigint[]): bigint {
  return xs.reduce((a, b) => (b > a ? b : a));
}

function minOf(xs: readonly bigint[]): bigint {
  return xs.reduce((a, b) => (b < a ? b : a));
}

/** The largest size the disk takes as a Kubernetes quantity rounded down, with the reservedSize to give beside it. */
export function diskCeiling(l: StoreLimits & { usableBytes: bigint }): { size: string; sizeBytes: bigint; reserved: string } {
  const size = floorQuantity((l.usableBytes * SIZE_MAX_PERCENT) / 100n);
  return { ...size, reserved: floorQuantity((size.sizeBytes * RESERVED_PERCENT) / 100n).size };
}

/** The fix of a page store too large for its disk: both values, each passing its checks. */
export function diskFix(l: StoreLimits & { usableBytes: bigint }): string {
  const c = diskCeiling(l);
  if (!sizePasses({ ...l, reservedBytes: 0n }, c.sizeBytes))
    return `use a larger disk: ${formatBinary(l.usableBytes)} holds no page store of one ${formatBinary(l.pageSizeBytes)} page within ${SIZE_MAX_PERCENT} %`;
  return l.edition === 'enterprise'
    ? `set size to at most ${c.size} with reservedSize ${c.reserved}, or use a larger disk`
    : `set size to at most ${c.size}, or use a larger disk`;
}

/** The smallest size whose cache holds one whole page, rounded up to a quantity. */
export function onePageSize(l: StoreLimits): { size: string; sizeBytes: bigint } {
  let bytes = l.pageSizeBytes;
  if (l.edition === 'oss') bytes = BigInt(Math.ceil(Number(bytes) * (1 + l.overhead)));
  while (pageDataBytes(l.edition, bytes, l.overhead) < l.pageSizeBytes) bytes += 1n;
  return ceilQuantity(bytes);
}

/**
 * For a size the operator probably meant (`text`, `bytes`): undefined when it passes every check on size,
 * else the fix to give instead, naming values that do.
 */
export function sizeInstead(l: StoreLimits, bytes: bigint, text: string): string | undefined {
  if (sizePasses(l, bytes)) return undefined;
  if (l.usableBytes === undefined || pageDataBytes(l.edition, bytes, l.overhead) < l.pageSizeBytes) {
    const one = onePageSize(l);
    if (!sizePasses(l, one.sizeBytes)) return pairFix(l);
    return `write at least ${one.size}: ${text} holds no whole page of ${formatBinary(l.pageSizeBytes)}`;
  }
  const roomBeside = l.usableBytes - need(l, 0n, l.reservedBytes);
  const limit = floorQuantity(min((l.usableBytes * SIZE_MAX_PERCENT) / 100n, roomBeside));
  if (roomBeside > 0n && sizePasses(l, limit.sizeBytes)) {
    return `write ${limit.size}: ${text} (${formatBinary(bytes)}) does not fit within ${SIZE_MAX_PERCENT} % of the ${formatBinary(l.usableBytes)} the disk leaves`;
  }
  return diskFix({ ...l, usableBytes: l.usableBytes });
}

/** A size to give as an example: one that passes every check on size (with the reservedSize to give beside it when the one written leaves no room). */
export function exampleSize(l: StoreLimits): string {
  const hundred = 100n << 30n;
  if (sizePasses(l, hundred)) return '100Gi';
  if (l.usableBytes === undefined) return onePageSize(l).size;
  const limit = floorQuantity(min((l.usableBytes * SIZE_MAX_PERCENT) / 100n, l.usableBytes - need(l, 0n, l.reservedBytes)));
  if (sizePasses(l, limit.sizeBytes)) return limit.size;
  const c = diskCeiling({ ...l, usableBytes: l.usableBytes });
  return l.edition === 'enterprise' ? `${c.size} with reservedSize ${c.reserved}` : c.size;
}

/** The reservedSize to advise beside `sizeBytes` (Enterprise): RESERVED_PERCENT of it, rounded down. */
export function advisedReserved(sizeBytes: bigint): string {
  return floorQuantity((sizeBytes * RESERVED_PERCENT) / 100n).size;
}

/**
 * Both values, for a reservedSize that cannot pass beside the size as written (a size that fails its own checks,
 * or leaves the disk too little room): the disk's ceiling, or an example size with its reservedSize.
 */
export function pairFix(l: StoreLimits): string {
  const every = shared(l) ? ' (the same size in every entry)' : '';
  if (l.usableBytes !== undefined) return `${diskFix({ ...l, usableBytes: l.usableBytes })}${every}`;
  const size = exampleSize({ ...l, reservedBytes: 0n, sharedSizes: undefined });
  return `set size to ${size} with reservedSize ${advisedReserved(parseBinary(size))}${every}`;
}

/** The fix that sets reservedSize: its value, or both values when it cannot pass beside size (and every entry sharing it). */
export function reservedFix(l: StoreLimits, sizeBytes: bigint, why = ''): string {
  const r = passingReserved(l, sizeBytes);
  if (!r) return pairFix(l);
  if (shared(l)) return `set reservedSize to ${r.size} (${RESERVED_MIN_PERCENT}–${RESERVED_MAX_PERCENT} % of every size entry, one reserve a directory${why})`;
  return `set reservedSize to ${r.size} (about ${RESERVED_PERCENT} % of size${why})`;
}

/** For a reservedSize the operator probably meant: undefined when it passes, else the fix to give instead. */
export function reservedInstead(l: StoreLimits, sizeBytes: bigint, bytes: bigint, text: string): string | undefined {
  if (reservedPasses(l, sizeBytes, bytes)) return undefined;
  return reservedFix(l, sizeBytes, `; ${text} is not`);
}

/** An example reservedSize: 10 % of size when size passes, else one with the size to give beside it. */
export function exampleReserved(l: StoreLimits, sizeBytes: bigint): string {
  if (shared(l)) {
    const r = passingReserved(l, sizeBytes);
    if (r) return r.size;
    const size =
      l.usableBytes === undefined ? exampleSize({ ...l, reservedBytes: 0n, sharedSizes: undefined }) : diskCeiling({ ...l, usableBytes: l.usableBytes }).size;
    return `${advisedReserved(parseBinary(size))} with size ${size} in every entry`;
  }
  if (
    sizePasses({ ...l, reservedBytes: 0n }, sizeBytes) &&
    (l.usableBytes === undefined || sizeBytes + parseBinary(advisedReserved(sizeBytes)) <= l.usableBytes)
  )
    return advisedReserved(sizeBytes);
  const size = l.usableBytes === undefined ? exampleSize({ ...l, reservedBytes: 0n }) : diskCeiling({ ...l, usableBytes: l.usableBytes }).size;
  return `${advisedReserved(parseBinary(size))} with size ${size}`;
}

/** Bytes of a quantity this file wrote ("83Gi", "512Ki", "17"). */
function parseBinary(q: string): bigint {
  const unit = UNITS.find(([, suffix]) => suffix !== '' && q.endsWith(suffix));
  return unit ? BigInt(q.slice(0, -2)) * unit[0] : BigInt(q);
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

const UNITS: Array<[bigint, string]> = [
  [1n << 30n, 'Gi'],
  [1n << 20n, 'Mi'],
  [1n << 10n, 'Ki'],
  [1n, ''],
];

/** Bytes as a Kubernetes quantity rounded down to whole Gi ("83Gi"), or Mi under 1 GiB, Ki under 1 MiB. */
export function floorQuantity(bytes: bigint): { size: string; sizeBytes: bigint } {
  const [unit, suffix] = UNITS.find(([u]) => bytes >= u) ?? UNITS[UNITS.length - 1];
  const n = bytes / unit;
  return { size: `${n}${suffix}`, sizeBytes: n * unit };
}

/** Bytes as a Kubernetes quantity rounded up, in the unit floorQuantity would use. */
export function ceilQuantity(bytes: bigint): { size: string; sizeBytes: bigint } {
  const [unit, suffix] = UNITS.find(([u]) => bytes >= u) ?? UNITS[UNITS.length - 1];
  const n = (bytes + unit - 1n) / unit;
  return { size: `${n}${suffix}`, sizeBytes: n * unit };
}

/** The fix of a cache that holds no whole page: the size that holds one, if it passes beside reservedSize. */
export function onePageFix(l: StoreLimits, pageField: string): string {
  const one = onePageSize(l);
  return sizePasses(l, one.sizeBytes) ? `make the cache at least one page: size ${one.size}, or lower ${pageField}` : pairFix(l);
}
