/**
 * The under-storage (UFS) in time and money: a scenario's `ufs:` block, read and checked, with its presets.
 * Model, not measurement: one UFS GET a missed page (Alluxio's worker fills its page store page by page from the
 * under-storage), so requests = page requests − page hits, and bytes = the bytes those pages hold; seconds and
 * cost follow the formulas of src/core/ufs-cost.ts (re-exported here).
 */
import { parseBandwidth, type Bandwidth } from '../core/bandwidth.js';
import type { FieldReader } from '../core/field-reader.js';
import type { UfsLimits } from '../core/ufs-cost.js';

// The formulas live in core (one home for simulate, plan and inspect).
export { ufsBound, ufsCostUSD, ufsSeconds, ufsUsage, type UfsUsage } from '../core/ufs-cost.js';

export const UFS_PRESETS = ['s3-standard', 'gcs-standard', 'none'] as const;
export type UfsPreset = (typeof UFS_PRESETS)[number];

/** A scenario's under-storage: its limits and prices (null: not given), after the preset and the fields. */
export interface UfsModel extends UfsLimits {
  preset: UfsPreset;
  /** Time to first byte of a GET, in seconds. */
  requestLatency: number | null;
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
    maxRequestsPerSecond: optional(
      o.maxRequestsPerSecond,
      (v) => positive(r, v, 'ufs.maxRequestsPerSecond', 'write e.g. maxRequestsPerSecond: 5500'),
      base.maxRequestsPerSecond,
    ),
    pricePer1000Requests: optional(
      o.pricePer1000Requests,
      (v) => price(r, v, 'ufs.pricePer1000Requests', 'write USD per 1000 GET requests, e.g. pricePer1000Requests: 0.0004'),
      base.pricePer1000Requests,
    ),
    pricePerGiB: optional(
      o.pricePerGiB,
      (v) => price(r, v, 'ufs.pricePerGiB', 'write USD per GiB read, e.g. pricePerGiB: 0.01 (0 within a region on S3)'),
      base.pricePerGiB,
    ),
    requestLatency: optional(o.requestLatency, (v) => readLatency(r, v), base.requestLatency),
  };
}

function readBandwidth(r: FieldReader, v: unknown): Bandwidth {
  if (typeof v !== 'string') r.fail('ufs.bandwidth', v, 'must be a transfer rate with its unit', 'write e.g. bandwidth: 10Gbps or 1.2GB/s or 1GiB/s');
  try {
    return parseBandwidth(v, 'ufs.bandwidth');
  } catch {
    return r.fail(
      'ufs.bandwidth',
      v,
      'not a transfer rate (more than 0) with a unit',
      'write e.g. bandwidth: 10Gbps (bits a second) or 1.2GB/s or 1GiB/s (bytes a second)',
    );
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
