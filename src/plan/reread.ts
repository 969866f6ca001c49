/**
 * The re-read of a what-if in time and money (`plan --ufs-bandwidth`, `--ufs-price`; `inspect` the same): the
 * bytes a change moves are read again from the under-storage, one GET a page. The formulas are simulate's
 * (src/core/ufs-cost.ts) with a bandwidth and a request price only: rereadSeconds = bytes × 8 ÷ bits a second,
 * rereadRequests = ⌈bytes ÷ page size⌉ (whole pages: the least), or with the mean file size (`--files`, a trace)
 * ⌈bytes ÷ file × ⌈file ÷ page size⌉⌉ (each file's last page partial), rereadUSD = rereadRequests ÷ 1000 × price.
 * `plan`, `plan --against` and `inspect` build their under-storage with {@link rereadUfs}, so the three count alike.
 */
import type { Bandwidth } from '../core/bandwidth.js';
import { meanFileBytes, pageRequests, requestsPerFile, ufsCostUSD, ufsSeconds, type UfsLimits } from '../core/ufs-cost.js';

/** The under-storage a plan or inspect is timed and priced against (each null: not given). */
export interface RereadUfs {
  bandwidth: Bandwidth | null;
  /** USD per 1000 GET requests (--ufs-price). */
  pricePer1000Requests: number | null;
  pageSizeBytes: number;
  /** The data set's mean file size (--files, or a trace's objects), or null: the bytes are then whole pages. */
  fileBytes: number | null;
}

export interface RereadCost {
  /** Seconds at the UFS bandwidth (null without --ufs-bandwidth). */
  rereadSeconds: number | null;
  /** GETs, one a page (null without --ufs-price). */
  rereadRequests: number | null;
  /** USD for those GETs (null without --ufs-price). */
  rereadUSD: number | null;
}

export const NO_REREAD_COST: RereadCost = { rereadSeconds: null, rereadRequests: null, rereadUSD: null };

/** The flags a plan, a plan --against and an inspect time and price the re-read with. */
export interface RereadFlags {
  ufsBandwidth?: Bandwidth;
  ufsPricePer1000Requests?: number;
  datasetBytes?: number;
  /** Files in the data set (--files, or a trace's objects): with datasetBytes, the mean file size. */
  files?: number;
}

/** The under-storage of --ufs-bandwidth and --ufs-price at `pageSizeBytes` (null: neither given). */
export function rereadUfs(o: RereadFlags, pageSizeBytes: number): RereadUfs | null {
  if (o.ufsBandwidth === undefined && o.ufsPricePer1000Requests === undefined) return null;
  return {
    bandwidth: o.ufsBandwidth ?? null,
    pricePer1000Requests: o.ufsPricePer1000Requests ?? null,
    pageSizeBytes,
    fileBytes: meanFileBytes(o.datasetBytes, o.files),
  };
}

/** Time and cost of re-reading `bytes` (null bytes, or no UFS: all null). */
export function rereadCost(bytes: number | null, ufs: RereadUfs | undefined): RereadCost {
  if (bytes === null || !ufs) return NO_REREAD_COST;
  const limits: UfsLimits = { bandwidth: ufs.bandwidth, maxRequestsPerSecond: null, pricePer1000Requests: ufs.pricePer1000Requests, pricePerGiB: null };
  const requests = pageRequests(bytes, ufs.pageSizeBytes, ufs.fileBytes);
  const priced = ufs.pricePer1000Requests !== null;
  return {
    rereadSeconds: ufsSeconds(bytes, requests, limits),
    rereadRequests: priced ? requests : null,
    rereadUSD: priced ? ufsCostUSD(bytes, requests, limits) : null,
  };
}

/** The assumption a plan or inspect lists when it times or prices the re-read. */
export function rereadAssumption(ufs: RereadUfs): string {
  const parts = ['re-read time and cost: model, one UFS GET a page (Alluxio reads the under-storage page by page)'];
  if (ufs.bandwidth)
    parts.push(
      `time = bytes re-read × 8 ÷ ${ufs.bandwidth.bytesPerSecond * 8} bits a second (--ufs-bandwidth ${ufs.bandwidth.text}; no request cap, no latency)`,
    );
  if (ufs.pricePer1000Requests !== null)
    parts.push(`${requestsAssumption(ufs)}; USD = GETs ÷ 1000 × ${ufs.pricePer1000Requests} (requests only: no transfer price)`);
  return parts.join('; ');
}

/** How the GETs are counted: whole pages without a file count, else files of the mean size. */
export function requestsAssumption(ufs: RereadUfs): string {
  return ufs.fileBytes === null
    ? `GETs = ⌈bytes re-read ÷ ${ufs.pageSizeBytes} B page⌉, whole pages, so the least (a file ending in a partial page takes one more; --files gives the file size)`
    : `GETs = ⌈bytes re-read ÷ ${Math.round(ufs.fileBytes)} B mean file × ⌈file ÷ ${ufs.pageSizeBytes} B page⌉⌉ = ${requestsPerFile(ufs.fileBytes, ufs.pageSizeBytes)} a file, its last page partial (files of the mean size)`;
}
