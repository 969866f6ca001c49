/**
 * libCacheSim `oracleGeneral` binary traces (reference traces.md §2): 24-byte little-endian records
 * `uint32 time, uint64 id, uint32 size, int64 next_access_vtime`, no header. Zero-size records are skipped
 * (libCacheSim's `ignore_size_zero_req`) unless `keepZeroSize` is set.
 */
import { LITTLE_ENDIAN } from '../../hash/endian.js';
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
  for await (const { view, start, count } of fixedRecords(source.name, source.chunks(), ORACLE_GENERAL_RECORD, 'oracleGeneral')) {
    // Records whose first byte is 4-aligned are read as uint32 words (a plain file's chunks always are); others
    // (a gzip or xz chunk can end anywhere) through the DataView.
    const aligned = LITTLE_ENDIAN && (view.byteOffset + start) % 4 === 0;
    const words = aligned ? new Uint32Array(view.buffer, view.byteOffset + start, count * WORDS) : null;
    let r = 0;
    while (r < count) {
      const n = Math.min(count - r, batch.capacity - batch.length);
      const added = words ? fromWords(words, r, n, batch, keepZero) : fromView(view, start + r * ORACLE_GENERAL_RECORD, n, batch, keepZero);
      batch.length += added;
      r += n;
      if (batch.length === batch.capacity) {
        yield batch;
        batch.length = 0;
      }
    }
  }
  if (batch.length > 0) yield batch;
}

const WORDS = ORACLE_GENERAL_RECORD / 4;

/** Appends records `from` … `from + n - 1` of `words` to `batch` (which has room); returns how many it kept. */
function fromWords(words: Uint32Array, from: number, n: number, batch: RequestBatch, keepZero: boolean): number {
  const { time, idLo, idHi, size } = batch;
  let i = batch.length;
  const first = i;
  for (let w = from * WORDS, end = (from + n) * WORDS; w < end; w += WORDS) {
    const bytes = words[w + 3];
    if (bytes === 0 && !keepZero) continue;
    time[i] = words[w];
    idLo[i] = words[w + 1];
    idHi[i] = words[w + 2];
    size[i] = bytes;
    i++;
  }
  return i - first;
}

/** The same through a DataView, from byte `at`. */
function fromView(view: DataView, at: number, n: number, batch: RequestBatch, keepZero: boolean): number {
  const { time, idLo, idHi, size } = batch;
  let i = batch.length;
  const first = i;
  for (let o = at, end = at + n * ORACLE_GENERAL_RECORD; o < end; o += ORACLE_GENERAL_RECORD) {
    const bytes = view.getUint32(o + 12, true);
    if (bytes === 0 && !keepZero) continue;
    time[i] = view.getUint32(o, true);
    idLo[i] = view.getUint32(o + 4, true);
    idHi[i] = view.getUint32(o + 8, true);
    size[i] = bytes;
    i++;
  }
  return i - first;
}

/** Reads the next-access field too (1-based index of the next request of the same object, -1 for never). */
export async function* readOracleGeneralNextAccess(source: TraceSource): AsyncGenerator<{ id: bigint; next: bigint }> {
  for await (const { view, start, count } of fixedRecords(source.name, source.chunks(), ORACLE_GENERAL_RECORD, 'oracleGeneral')) {
    for (let r = 0; r < count; r++) {
      const o = start + r * ORACLE_GENERAL_RECORD;
      yield { id: view.getBigUint64(o + 4, true), next: view.getBigInt64(o + 16, true) };
    }
  }
}
