/**
 * cache2k key traces (shared/traces, reference traces.md §8): a flat sequence of big-endian signed int32 keys,
 * no header, no time, no size; plain, gzip or xz. Each key becomes the 64-bit id of its sign-extended value;
 * every request has `objectSize` bytes (default 1).
 */
import { fixedRecords } from './binary.js';
import { BATCH_SIZE, RequestBatch } from './request.js';
import type { TraceSource } from './source.js';

export interface Cache2kOptions {
  objectSize?: number;
}

export async function* readCache2k(source: TraceSource, options: Cache2kOptions = {}): AsyncGenerator<RequestBatch> {
  const batch = new RequestBatch(BATCH_SIZE);
  const size = options.objectSize ?? 1;
  for await (const { view, start, count } of fixedRecords(source.name, source.chunks(), 4, 'cache2k int32')) {
    for (let r = 0; r < count; r++) {
      const key = view.getInt32(start + 4 * r, false);
      const i = batch.length++;
      batch.time[i] = 0;
      batch.idLo[i] = key >>> 0;
      batch.idHi[i] = key < 0 ? 0xffffffff : 0;
      batch.size[i] = size;
      if (batch.length === batch.capacity) {
        yield batch;
        batch.length = 0;
      }
    }
  }
  if (batch.length > 0) yield batch;
}
