/**
 * The one home of ring-sim's under-storage (UFS) time and cost formulas, used by `simulate` (a scenario's `ufs:`
 * block, src/sim/ufs.ts), `plan` and `inspect` (`--ufs-bandwidth`, `--ufs-price`). Model, not measurement:
 * - one UFS GET a page read from the under-storage (Alluxio's worker fills its page store page by page);
 * - seconds = max(bytes × 8 / bandwidth in bits a second, requests / maxRequestsPerSecond): bound by whichever
 *   limit it reaches first, requests overlapping (a limit not given does not bound it);
 * - costUSD = requests / 1000 × pricePer1000Requests + bytes / 2³⁰ × pricePerGiB (a price not given is 0).
 * Without a bandwidth or a request cap the seconds are null; without a price the cost is null.
 */
import type { Bandwidth } from './bandwidth.js';

/** The under-storage's limits and prices (null: not given). */
export interface UfsLimits {
  /** Aggregate read rate of the under-storage as seen by the cluster. */
  bandwidth: Bandwidth | null;
  /** Request-rate cap (GET a second). */
  maxRequestsPerSecond: number | null;
  /** USD per 1000 GET requests. */
  pricePer1000Requests: number | null;
  /** USD per GiB read. */
  pricePerGiB: number | null;
}

/** What the under-storage served, and (with limits and prices) how long and how much. */
export interface UfsUsage {
  bytes: number;
  requests: number;
  seconds: number | null;
  costUSD: number | null;
}

/** Seconds the under-storage takes to serve `bytes` in `requests` GETs (null: no limit given). */
export function ufsSeconds(bytes: number, requests: number, limits: UfsLimits | undefined): number | null {
  if (!limits || (limits.bandwidth === null && limits.maxRequestsPerSecond === null)) return null;
  const byBandwidth = limits.bandwidth === null ? 0 : (bytes * 8) / (limits.bandwidth.bytesPerSecond * 8);
  const byRequests = limits.maxRequestsPerSecond === null ? 0 : requests / limits.maxRequestsPerSecond;
  return Math.max(byBandwidth, byRequests);
}

/** USD for `bytes` in `requests` GETs (null: no price given; a price not given is 0). */
export function ufsCostUSD(bytes: number, requests: number, limits: UfsLimits | undefined): number | null {
  if (!limits || (limits.pricePer1000Requests === null && limits.pricePerGiB === null)) return null;
  return (requests / 1000) * (limits.pricePer1000Requests ?? 0) + (bytes / 2 ** 30) * (limits.pricePerGiB ?? 0);
}

export function ufsUsage(bytes: number, requests: number, limits: UfsLimits | undefined): UfsUsage {
  return { bytes, requests, seconds: ufsSeconds(bytes, requests, limits), costUSD: ufsCostUSD(bytes, requests, limits) };
}

/** Which limit binds `u`'s seconds: 'bandwidth', 'requests', or null (no seconds, or nothing read). */
export function ufsBound(u: UfsUsage, limits: UfsLimits | undefined): 'bandwidth' | 'requests' | null {
  if (u.seconds === null || u.seconds === 0 || !limits) return null;
  const byRequests = limits.maxRequestsPerSecond === null ? 0 : u.requests / limits.maxRequestsPerSecond;
  return byRequests >= u.seconds ? 'requests' : 'bandwidth';
}

/**
 * GETs to re-read `bytes` when only their total is known (a what-if's bytes moved), one a page. Without a file
 * size the bytes are taken as whole pages, ⌈bytes ÷ page size⌉: the least, as each file ending in a partial page
 * takes one GET more. With the mean file size the bytes are files of that size, each ⌈file ÷ page size⌉ GETs
 * (its last page partial): ⌈bytes ÷ file × ⌈file ÷ page size⌉⌉.
 */
export function pageRequests(bytes: number, pageSizeBytes: number, fileBytes?: number | null): number {
  if (bytes <= 0) return 0;
  if (!fileBytes || fileBytes <= 0) return Math.ceil(bytes / pageSizeBytes);
  return Math.ceil((bytes / fileBytes) * requestsPerFile(fileBytes, pageSizeBytes));
}

/** GETs to read one file of `fileBytes` (its last page partial, a file below a page one GET): ⌈file ÷ page size⌉. */
export function requestsPerFile(fileBytes: number, pageSizeBytes: number): number {
  return Math.ceil(fileBytes / pageSizeBytes);
}

/**
 * The mean file size of a data set of `datasetBytes` in `files` files (`--files`, a trace's objects), which
 * {@link pageRequests} takes; null without both (the bytes are then whole pages).
 */
export function meanFileBytes(datasetBytes: number | null | undefined, files: number | null | undefined): number | null {
  if (datasetBytes === null || datasetBytes === undefined || files === null || files === undefined || !(files > 0)) return null;
  return datasetBytes / files;
}
