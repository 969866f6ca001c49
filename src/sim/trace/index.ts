/**
 * Opening a trace by format. Every reader streams (constant memory whatever the file size) and reports a
 * malformed record with the file and its byte offset or line.
 */
import { RingSimError } from '../../core/errors.js';
import { readCache2k } from './cache2k.js';
import { readCsv, type CsvOptions } from './csv.js';
import { readOracleGeneral } from './oracle-general.js';
import type { Request, RequestBatch } from './request.js';
import { readTwitter } from './twitter.js';
import { readTxt } from './txt.js';
import type { TraceSource } from './source.js';

export type TraceFormat = 'oracleGeneral' | 'csv' | 'txt' | 'cache2k' | 'twitter';
export const TRACE_FORMATS: readonly TraceFormat[] = ['oracleGeneral', 'csv', 'txt', 'cache2k', 'twitter'];

export interface TraceOptions extends CsvOptions {
  /** Keep zero-size requests (libCacheSim skips them). */
  keepZeroSize?: boolean;
  /** Size of every request in formats without sizes (cache2k); default 1. */
  objectSize?: number;
}

export function parseTraceFormat(name: string): TraceFormat {
  const found = TRACE_FORMATS.find((f) => f.toLowerCase() === String(name).toLowerCase());
  if (!found) throw new RingSimError('--format', name, 'unknown trace format', `use one of ${TRACE_FORMATS.join(', ')}`);
  return found;
}

/** The batches of a trace. */
export function traceBatches(source: TraceSource, format: TraceFormat, options: TraceOptions = {}): AsyncGenerator<RequestBatch> {
  switch (format) {
    case 'oracleGeneral':
      return readOracleGeneral(source, options);
    case 'csv':
      return readCsv(source, options);
    case 'txt':
      return readTxt(source, options);
    case 'cache2k':
      return readCache2k(source, options);
    case 'twitter':
      return readTwitter(source);
  }
}

/** The requests of a trace file, one object each (slower than the batches; for convenience). */
export async function* traceRequests(source: TraceSource, format: TraceFormat, options: TraceOptions = {}): AsyncGenerator<Request> {
  for await (const b of traceBatches(source, format, options)) {
    for (let i = 0; i < b.length; i++) {
      yield { time: b.time[i], key: b.keys?.[i] ?? b.idString(i), bytes: b.size[i] };
    }
  }
}

export { RequestBatch, type Request } from './request.js';
export { bytesTraceSource, type TraceSource } from './source.js';
