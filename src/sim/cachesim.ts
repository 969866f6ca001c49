/**
 * `cacheSim`: the miss-ratio curve of one cache over a trace, libCacheSim-compatible by default (reference
 * traces.md §10): each size is a fresh cache fed the whole trace; sizes in bytes (or in objects with
 * `ignoreObjectSize`); a size <= 1 is a fraction of the working set. The trace is read once for all sizes and
 * policies.
 */
import { RingSimError } from '../core/errors.js';
import { KeyIndex } from '../pagestore/key-index.js';
import { ObjectCache } from '../pagestore/object-cache.js';
import { EVICTION_POLICIES } from '../pagestore/eviction/index.js';
import { traceBatches, type RequestBatch, type TraceFormat, type TraceOptions } from './trace/index.js';
import type { TraceSource } from './trace/source.js';
import { SpatialSample } from './sample.js';
import { grown } from '../core/typed-arrays.js';

export interface CacheSimOptions {
  /** The trace's bytes (a file through the CLI's fileTraceSource, or bytesTraceSource). */
  trace: TraceSource;
  format: TraceFormat;
  traceOptions?: TraceOptions;
  policies: readonly string[];
  /**
   * Cache sizes: a whole number is bytes (or objects with `ignoreObjectSize`); `{ fraction }` is a fraction of the
   * working set (libCacheSim's CLI reads a size with a dot so: `0.1`, `1.0`); a number strictly between 0 and 1
   * is read as a fraction too.
   */
  sizes: readonly CacheSize[];
  /** Count every object as size 1 (libCacheSim `--ignore-obj-size`). */
  ignoreObjectSize?: boolean;
  /** Metadata bytes counted per cached object (libCacheSim `obj_md_size`); default 0. */
  objectMetadataBytes?: number;
  /** Called after each batch with the requests read so far. */
  onProgress?: (requests: number) => void;
  /**
   * Replay only the objects whose id hashes into this fraction (SHARDS spatial sampling), with every cache
   * scaled to it; miss ratios are SHARDS_adj estimates of the full trace's, counts are the sample's.
   */
  sample?: number;
}

export interface CacheSimResult {
  policy: string;
  /** Capacity in bytes, or objects with ignoreObjectSize. */
  cacheSize: number;
  requests: number;
  hits: number;
  misses: number;
  missRatio: number;
  requestBytes: number;
  missBytes: number;
  byteMissRatio: number;
  evictions: number;
}

export interface CacheSimReport {
  trace: string;
  format: TraceFormat;
  unit: 'bytes' | 'objects';
  requests: number;
  requestBytes: number;
  /** Unique objects of the whole trace and their bytes (first-seen sizes; objects with ignoreObjectSize). */
  workingSet: { objects: number; bytes: number };
  /** Present when sampled: the rate and the requests replayed (each result's counts are of those). */
  sample?: { rate: number; requests: number; method: string };
  results: CacheSimResult[];
  /** One sentence for each cache size below one (mean) object of the trace: such a cache holds nothing. */
  warnings: string[];
  /** What the run took where the trace is silent: object sizes it does not give (cache2k), or sizes counted as 1. */
  assumptions: string[];
}

/** The sizes the run took where the trace gives none, in words (empty when the trace gives every size). */
function sizeAssumptions(o: CacheSimOptions, unit: CacheSimReport['unit']): string[] {
  const objectSize = o.traceOptions?.objectSize;
  if (o.ignoreObjectSize) return ['every object counted as size 1 (--ignore-obj-size): cache sizes, misses and the working set are numbers of objects'];
  if (o.format === 'cache2k') {
    return [
      objectSize !== undefined
        ? `cache2k traces carry no object sizes: every request taken as ${objectSize.toLocaleString('en-US')} B (--object-size)`
        : 'cache2k traces carry no object sizes: every request taken as one object (size 1), so cache sizes and misses are numbers of objects; pass --object-size SIZE (e.g. 4MiB) to count bytes',
    ];
  }
  return unit === 'objects' ? [`every request of this ${o.format} trace has size 1 (it gives no sizes): cache sizes and misses are numbers of objects`] : [];
}

/** The sizes (bytes) below the working set's mean object size: a cache that small admits almost nothing. */
function smallSizeWarnings(r: CacheSimReport): string[] {
  if (r.unit !== 'bytes' || r.workingSet.objects === 0) return [];
  const mean = r.workingSet.bytes / r.workingSet.objects;
  const small = [...new Set(r.results.map((x) => x.cacheSize))].filter((size) => size < mean);
  return small.map(
    (size) =>
      `cache size ${size} B is below one object of this trace (the mean object is ${Math.round(mean).toLocaleString('en-US')} B): it can hold almost nothing; give a larger size`,
  );
}

/** Unique objects of a trace and their bytes (first-seen sizes): the data set a cache would need to hold it all. */
export async function traceWorkingSet(trace: TraceSource, format: TraceFormat, traceOptions?: TraceOptions): Promise<{ objects: number; bytes: number }> {
  return workingSet({ trace, format, traceOptions, policies: [], sizes: [] });
}

async function workingSet(o: CacheSimOptions): Promise<{ objects: number; bytes: number }> {
  const ws = new WorkingSet(o.ignoreObjectSize ?? false);
  for await (const b of traceBatches(o.trace, o.format, o.traceOptions)) ws.add(b);
  return ws.result();
}

/** The unique objects seen so far and their bytes (first-seen sizes), in typed arrays grown by doubling. */
class WorkingSet {
  private hi = new Uint32Array(1 << 16);
  private lo = new Uint32Array(1 << 16);
  private readonly index = new KeyIndex(this.hi, this.lo, 1 << 16);
  private n = 0;
  private bytes = 0;

  constructor(private readonly ignoreObjectSize: boolean) {}

  add(b: RequestBatch): void {
    for (let i = 0; i < b.length; i++) {
      if (this.index.find(b.idHi[i], b.idLo[i]) !== -1) continue;
      if (this.n === this.hi.length) {
        this.hi = grown(this.hi, this.n * 2);
        this.lo = grown(this.lo, this.n * 2);
        this.index.rebind(this.hi, this.lo);
      }
      this.hi[this.n] = b.idHi[i];
      this.lo[this.n] = b.idLo[i];
      this.index.insert(this.n++);
      this.bytes += this.ignoreObjectSize ? 1 : b.size[i];
    }
  }

  result(): { objects: number; bytes: number } {
    return { objects: this.n, bytes: this.bytes };
  }
}

/** A cache size: a whole number of bytes (or objects), or a fraction of the trace's working set. */
export type CacheSize = number | { fraction: number };

/** The fraction a size asks for, or undefined for an absolute size; throws on a size that is neither. */
function fractionOf(s: CacheSize): number | undefined {
  if (typeof s === 'object' && s !== null) {
    if (Number.isFinite(s.fraction) && s.fraction > 0) return s.fraction;
  } else if (typeof s === 'number') {
    if (Number.isSafeInteger(s) && s >= 1) return undefined;
    if (s > 0 && s < 1) return s;
  }
  throw new RingSimError(
    '--sizes',
    s,
    'a cache size is a whole number of bytes (or objects), or a fraction of the working set',
    'write e.g. 128MiB, 4096 or 0.1',
  );
}

export async function cacheSim(o: CacheSimOptions): Promise<CacheSimReport> {
  if (o.policies.length === 0) throw new RingSimError('--policy', '', 'no eviction policy given', `use one of ${EVICTION_POLICIES.join(', ')}`);
  if (o.sizes.length === 0) throw new RingSimError('--sizes', '', 'no cache sizes given', 'pass e.g. --sizes 128MiB,256MiB');
  const fractions = o.sizes.map(fractionOf);
  const ws = fractions.some((f) => f !== undefined) ? await workingSet(o) : undefined;
  // Rows come in size order for each policy, whatever order the sizes were given in.
  const given = o.sizes.map((s, i) => (fractions[i] !== undefined ? Math.floor(fractions[i]! * ws!.bytes) : (s as number)));
  if (given.some((s) => s < 1))
    throw new RingSimError(
      '--sizes',
      o.sizes.find((_, i) => given[i] < 1),
      `is less than one ${o.ignoreObjectSize ? 'object' : 'byte'} of this trace's working set`,
      'give a larger fraction or an absolute size',
    );
  const sizes = [...given].sort((a, b) => a - b);
  const sample = o.sample === undefined || o.sample === 1 ? null : new SpatialSample(o.sample, 'sample');
  const caches: Array<{ policy: string; size: number; cache: ObjectCache }> = [];
  for (const policy of o.policies) {
    for (const size of sizes)
      caches.push({ policy, size, cache: new ObjectCache(sample ? sample.scale(size) : size, policy, { objectMetadataBytes: o.objectMetadataBytes }) });
  }
  const kept = sample ? new SampledBatch() : null;
  let sampledRequests = 0;
  const unit = o.ignoreObjectSize ? 1 : 0;
  let requests = 0;
  let requestBytes = 0;
  // A trace without sizes (cache2k, txt, csv without a size column) gives every request size 1: its cache sizes
  // and miss "bytes" are object counts, and are reported so.
  let everySizeOne = true;
  const seen = ws ? null : new WorkingSet(o.ignoreObjectSize ?? false);
  for await (const b of traceBatches(o.trace, o.format, o.traceOptions)) {
    seen?.add(b);
    const n = kept ? kept.filter(b, sample!) : b.length;
    const hi = kept ? kept.idHi : b.idHi;
    const lo = kept ? kept.idLo : b.idLo;
    const size = kept ? kept.size : b.size;
    sampledRequests += n;
    for (const { cache } of caches) {
      if (unit) for (let i = 0; i < n; i++) cache.request(hi[i], lo[i], 1);
      else for (let i = 0; i < n; i++) cache.request(hi[i], lo[i], size[i]);
    }
    requests += b.length;
    if (unit) requestBytes += b.length;
    else {
      for (let i = 0; i < b.length; i++) {
        requestBytes += b.size[i];
        if (b.size[i] !== 1) everySizeOne = false;
      }
    }
    o.onProgress?.(requests);
  }
  // SHARDS_adj (Waldspurger et al. §3.3): the sample's shortfall (or excess) against rate × requests counts as
  // hits of the miss ratio; the byte miss ratio is the sample's own (a few large objects would skew an adjustment).
  const extra = sample ? sample.rate * requests - sampledRequests : 0;
  const results = caches.map(({ policy, size, cache }): CacheSimResult => {
    const reqs = cache.requests + extra;
    return {
      policy,
      cacheSize: size,
      requests: cache.requests,
      hits: cache.hits,
      misses: cache.misses,
      missRatio: reqs > 0 ? Math.min(1, cache.misses / reqs) : 0,
      requestBytes: cache.requestBytes,
      missBytes: cache.missBytes,
      byteMissRatio: cache.requestBytes ? cache.missBytes / cache.requestBytes : 0,
      evictions: cache.evictions,
    };
  });
  const report: CacheSimReport = {
    trace: o.trace.name,
    format: o.format,
    unit: o.ignoreObjectSize || (everySizeOne && requests > 0 && !o.objectMetadataBytes) ? 'objects' : 'bytes',
    requests,
    requestBytes,
    workingSet: { objects: 0, bytes: 0 },
    results,
    warnings: [],
    assumptions: [],
  };
  report.workingSet = ws ?? seen!.result();
  report.warnings = smallSizeWarnings(report);
  report.assumptions = sizeAssumptions(o, report.unit);
  if (sample)
    report.sample = {
      rate: sample.rate,
      requests: sampledRequests,
      method: "spatial (SHARDS): objects whose id hashes below the rate; caches scaled by the rate; miss ratio SHARDS_adj, byte miss ratio the sample's",
    };
  return report;
}

/** The sampled requests of a batch, in reused arrays. */
class SampledBatch {
  idHi = new Uint32Array(0);
  idLo = new Uint32Array(0);
  size = new Float64Array(0);

  /** Copies the requests of `b` whose object is in `sample`; returns how many. */
  filter(b: { length: number; idHi: Uint32Array; idLo: Uint32Array; size: Float64Array | Uint32Array | ArrayLike<number> }, sample: SpatialSample): number {
    if (this.idHi.length < b.length) {
      this.idHi = new Uint32Array(b.length);
      this.idLo = new Uint32Array(b.length);
      this.size = new Float64Array(b.length);
    }
    let n = 0;
    for (let i = 0; i < b.length; i++) {
      if (!sample.keepId(b.idHi[i], b.idLo[i])) continue;
      this.idHi[n] = b.idHi[i];
      this.idLo[n] = b.idLo[i];
      this.size[n] = b.size[i];
      n++;
    }
    return n;
  }
}
