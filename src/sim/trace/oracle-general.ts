/**
 * libCacheSim `oracleGeneral` binary traces (reference traces.md §2): 24-byte little-endian records
 * `uint32 time, uint64 id, uint32 size, int64 next_access_vtime`, no header. Zero-size records are skipped
 * (libCacheSim's `ignore_size_zero_req`) unless `keepZeroSize` is set.
 */
import { fixedRecords } from './binary.js';
import { BATCH_SIZE, RequestBatch } from './request.js';
import type { TraceSource } from './source.js';

export interface OracleGeneralOptions {
  keepZeroSize?: boolean;
}

export const ORACLE_GENERAL_RECORD = 24;

export async function* readOracleGeneral(source: TraceSource, options: OracleGeneralOptions = {}): AsyncGenerator<RequestBatch> {
  const batch = new RequestBatch(BATCH_SIZE);
  const keepZero = options.keepZeroSize ?? false;
  for await (const { view, offsets, count } of fixedRecords(source.name, source.chunks(), ORACLE_GENERAL_RECORD, 'oracleGeneral')) {
    for (let r = 0; r < count; r++) {
      const o = offsets[r];
      const size = view.getUint32(o + 12, true);
      if (size === 0 && !keepZero) continue;
      const i = batch.length++;
      batch.time[i] = view.getUint32(o, true);
      batch.idLo[i] = view.getUint32(o + 4, true);
      batch.idHi[i] = view.getUint32(o + 8, true);
      batch.size[i] = size;
      if (batch.length === batch.capacity) {
        yield batch;
        batch.length = 0;
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Reads the next-access field too (1-based index of the next request of the same object, -1 for never). */
export async function* readOracleGeneralNextAccess(source: TraceSource): AsyncGenerator<{ id: bigint; next: bigint }> {
  for await (const { view, offsets, count } of fixedRecords(source.name, source.chunks(), ORACLE_GENERAL_RECORD, 'oracleGeneral')) {
    for (let r = 0; r < count; r++) {
      const o = offsets[r];
      yield { id: view.getBigUint64(o + 4, true), next: view.getBigInt64(o + 16, true) };
    }
  }
}
