/**
 * A trace as a workload: each distinct trace key becomes a file (numbered in order of first appearance) whose
 * path is the path template with `{key}` and whose size is its first request's size (or `objectSize`).
 * Memory grows with the distinct keys, not with the trace.
 */
import { KeyIndex } from '../../pagestore/key-index.js';
import type { WorkloadSpec } from '../scenario.js';
import { traceBatches } from '../trace/index.js';
import type { TraceSource } from '../trace/source.js';
import { formatPath } from './catalog.js';
import { READ_BATCH, ReadBatch, type FileCatalog, type Workload } from './workload.js';
import { grown } from '../../core/typed-arrays.js';

type TraceSpec = Extract<WorkloadSpec, { type: 'trace' }>;

class TraceCatalog implements FileCatalog {
  count = 0;
  hi = new Uint32Array(1024);
  lo = new Uint32Array(1024);
  sizes = new Float64Array(1024);
  keys: string[] = [];
  readonly index = new KeyIndex(this.hi, this.lo, 1024);

  constructor(private readonly template: string) {}

  size(file: number): number {
    return this.sizes[file];
  }

  path(file: number): string {
    return formatPath(this.template, file, this.keys[file]);
  }

  /** Adds a file for a key not seen before; returns its number. */
  add(hi: number, lo: number, size: number, key: string): number {
    if (this.count === this.hi.length) {
      const n = this.count * 2;
      this.hi = grown(this.hi, n);
      this.lo = grown(this.lo, n);
      this.sizes = grown(this.sizes, n);
      this.index.rebind(this.hi, this.lo);
    }
    const f = this.count++;
    this.hi[f] = hi;
    this.lo[f] = lo;
    this.sizes[f] = size;
    this.keys.push(key);
    this.index.insert(f);
    return f;
  }
}

export function traceWorkload(spec: TraceSpec, pathTemplate: string, source: TraceSource): Workload {
  const catalog = new TraceCatalog(pathTemplate);
  async function* batches(): AsyncGenerator<ReadBatch> {
    const out = new ReadBatch(READ_BATCH);
    let first = Number.NaN;
    let emitted = 0;
    const limit = spec.requests ?? Number.POSITIVE_INFINITY;
    for await (const b of traceBatches(source, spec.format, { ...spec.csv, objectSize: spec.objectSize })) {
      for (let i = 0; i < b.length && emitted < limit; i++) {
        const known = catalog.index.find(b.idHi[i], b.idLo[i]);
        out.file[out.length] =
          known !== -1 ? known : catalog.add(b.idHi[i], b.idLo[i], Math.max(1, spec.objectSize ?? b.size[i]), b.keys?.[i] ?? b.idString(i));
        if (Number.isNaN(first)) first = b.time[i];
        out.time[out.length] = b.time[i] - first;
        out.length++;
        emitted++;
        if (out.length === out.capacity) {
          yield out;
          out.length = 0;
        }
      }
      if (emitted >= limit) break;
    }
    if (out.length > 0) yield out;
  }
  return { catalog, totalRequests: spec.requests, batches };
}
