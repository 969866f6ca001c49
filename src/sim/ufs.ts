/**
 * The under-storage (UFS) in time and money: a scenario's `ufs:` block and ring-sim's model of what the
 * cache's misses cost there. Model, not measurement:
 * - one UFS GET a missed page (Alluxio's worker fills its page store page by page from the under-storage), so
 *   requests = page requests − page hits, and bytes = the bytes those pages hold;
 * - seconds = max(bytes × 8 / bandwidth in bits a second, requests / maxRequestsPerSecond): the transfer is
 *   bound by whichever limit it reaches first, requests overlapping (a limit not given does not bound it);
 * - costUSD = requests / 1000 × pricePer1000Requests + bytes / 2³⁰ × pricePerGiB (a price not given is 0).
 * Without a bandwidth or a request cap the seconds are null; without a price the cost is null.
 */
import { parseBandwidth, type Bandwidth } from '../core/bandwidth.js';
import type { FieldReader } from '../core/field-reader.js';

export const UFS_PRESETS = ['s3-standard', 'gcs-standard', 'none'] as const;
export type UfsPreset = (typeof UFS_PRESETS)[number];

/** A scenario's under-storage: its limits and prices (null: not given), after the preset and the fields. */
export interface UfsModel {
  preset: UfsPreset;
  /** Aggregate read rate of the under-storage as seen by the cluster. */
  bandwidth: Bandwidth | null;
  /** Request-rate cap (GET a second). */
  maxRequestsPerSecond: number | null;
  /** USD per 1000 GET requests. */
  pricePer1000Requests: number | null;
  /** USD per GiB read. */
  pricePerGiB: number | null;
  /** Time to first byte of a GET, in seconds. */
  requestLatency: number | null;
}

/** What the under-storage served over a run or a window, and (with a `ufs:` block) how long and how much. */
export interface UfsUsage {
  bytes: number;
  requests: number;
  seconds: number | null;
  costUSD: number | null;
}

type Figures = Omit<UfsModel, 'preset' | 'bandwidth'>;

/**
 * The presets' figures (sources and dates in docs/scenarios.md): S3 Standard's GET price in us-east-1 and its
 * per-prefix GET rate, GCS Standard's Class B price and a bucket's initial read rate; data transfer to compute
 * in the same region is free on both. Neither publishes an aggregate bandwidth: give `bandwidth` yourself.
 */
export const UFS_PRESET_FIGURES: Record<UfsPreset, Figures> = {
  's3-standard': { maxRequestsPerSecond: 5500, pricePer1000Requests: 0.0004, pricePerGiB: 0, requestLatency: null },
  'gcs-standard': { maxRequestsPerSecond: 5000, pricePer1000Requests: 0.0004, pricePerGiB: 0, requestLatency: null },
  none: { maxRequestsPerSecond: null, pricePer1000Requests: null, pricePerGiB: null, requestLatency: null },
};

const LATENCY = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s)\s*$/;

/** The `ufs:` block (undefined when absent): a preset, then the fields given, each checked. */
export function readUfs(r: FieldReader, value: unknown): UfsModel | undefined {
  if (value === undefined) return undefined;
  const o = r.object(value, 'ufs', ['preset', 'bandwidth', 'maxRequestsPerSecond', 'pricePer1000Requests', 'pricePerGiB', 'requestLatency']);
  const preset = r.choice(o.preset, 'ufs.preset', UFS_PRESETS, 'none');
  const base = UFS_PRESET_FIGURES[preset];
  const optional = <T>(v: unknown, read: (v: unknown) => T, fallback: T | null): T | null => (v === undefined ? fallback : read(v));
  return {
    preset,
    bandwidth: optional(o.bandwidth, (v) => readBandwidth(r, v), null),
    maxRequestsPerSecond: optional(o.maxRequestsPerSecond, (v) => positive(r, v, 'ufs.maxRequestsPerSecond', 'write e.g. maxRequestsPerSecond: 5500'), base.maxRequestsPerSecond),
    pricePer1000Requests: optional(o.pricePer1000Requests, (v) => price(r, v, 'ufs.pricePer1000Requests', 'write USD per 1000 GET requests, e.g. pricePer1000Requests: 0.0004'), base.pricePer1000Requests),
    pricePerGiB: optional(o.pricePerGiB, (v) => price(r, v, 'ufs.pricePerGiB', 'write USD per GiB read, e.g. pricePerGiB: 0.01 (0 within a region on S3)'), base.pricePerGiB),
    requestLatency: optional(o.requestLatency, (v) => readLatency(r, v), base.requestLatency),
  };
}

function readBandwidth(r: FieldReader, v: unknown): Bandwidth {
  if (typeof v !== 'string') r.fail('ufs.bandwidth', v, 'must be a transfer rate with its unit', 'write e.g. bandwidth: 10Gbps or 1.2GB/s or 1GiB/s');
  try {
    return parseBandwidth(v, 'ufs.bandwidth');
  } catch {
    return r.fail('ufs.bandwidth', v, 'not a transfer rate (more than 0) with a unit', 'write e.g. bandwidth: 10Gbps (bits a second) or 1.2GB/s or 1GiB/s (bytes a second)');
  }
}

function positive(r: FieldReader, v: unknown, path: string, fix: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) r.fail(path, v, 'must be a number more than 0', fix);
  return v;
}

function price(r: FieldReader, v: unknown, path: string, fix: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e6) r.fail(path, v, 'must be a price in USD, 0 or more', fix);
  return v;
}

/** Seconds, from a number of seconds or `100ms` / `0.1s`. */
function readLatency(r: FieldReader, v: unknown): number {
  const fix = 'write e.g. requestLatency: 100ms (or 0.1, in seconds)';
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0 || v > 3600) r.fail('ufs.requestLatency', v, 'must be 0 to 3600 seconds', fix);
    return v;
  }
  const m = typeof v === 'string' ? LATENCY.exec(v) : null;
  if (!m) r.fail('ufs.requestLatency', v, 'not a duration', fix);
  const seconds = Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
  if (seconds > 3600) r.fail('ufs.requestLatency', v, 'must be at most 3600 seconds', fix);
  return seconds;
}

/** Seconds the under-storage takes to serve `bytes` in `requests` GETs (null: no limit given). */
export function ufsSeconds(bytes: number, requests: number, model: UfsModel | undefined): number | null {
  if (!model || (model.bandwidth === null && model.maxRequestsPerSecond === null)) return null;
  const byBandwidth = model.bandwidth === null ? 0 : (bytes * 8) / (model.bandwidth.bytesPerSecond * 8);
  const byRequests = model.maxRequestsPerSecond === null ? 0 : requests / model.maxRequestsPerSecond;
  return Math.max(byBandwidth, byRequests);
}

/** USD for `bytes` in `requests` GETs (null: no price given; a price not given is 0). */
export function ufsCostUSD(bytes: number, requests: number, model: UfsModel | undefined): number | null {
  if (!model || (model.pricePer1000Requests === null && model.pricePerGiB === null)) return null;
  return (requests / 1000) * (model.pricePer1000Requests ?? 0) + (bytes / 2 ** 30) * (model.pricePerGiB ?? 0);
}

export function ufsUsage(bytes: number, requests: number, model: UfsModel | undefined): UfsUsage {
  return { bytes, requests, seconds: ufsSeconds(bytes, requests, model), costUSD: ufsCostUSD(bytes, requests, model) };
}

/** Which limit binds `u`'s seconds: 'bandwidth', 'requests', or null (no seconds, or nothing read). */
export function ufsBound(u: UfsUsage, model: UfsModel | undefined): 'bandwidth' | 'requests' | null {
  if (u.seconds === null || u.seconds === 0 || !model) return null;
  const byRequests = model.maxRequestsPerSecond === null ? 0 : u.requests / model.maxRequestsPerSecond;
  return byRequests >= u.seconds ? 'requests' : 'bandwidth';
}
