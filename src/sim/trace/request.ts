/**
 * The request model every trace reader produces (reference traces.md §1), in two forms:
 * - `RequestBatch`: columns in typed arrays, reused from batch to batch: the fast path for simulators;
 * - `Request`: one plain object a request, for callers that want convenience over speed.
 */

export interface Request {
  /** Seconds (integer), or 0 when the trace has no time. */
  time: number;
  /** The object's key: its decimal id for numeric traces, its original string for string ids. */
  key: string;
  bytes: number;
}

/** A batch of requests in columns. Valid until the reader produces the next batch. */
export class RequestBatch {
  length = 0;
  readonly time: Float64Array;
  /** The 64-bit object id as two uint32 halves. */
  readonly idHi: Uint32Array;
  readonly idLo: Uint32Array;
  readonly size: Float64Array;
  /** The original string id of each request, for string-keyed traces (else undefined). */
  readonly keys: (string | undefined)[] | undefined;

  constructor(capacity: number, withKeys = false) {
    this.time = new Float64Array(capacity);
    this.idHi = new Uint32Array(capacity);
    this.idLo = new Uint32Array(capacity);
    this.size = new Float64Array(capacity);
    this.keys = withKeys ? new Array<string | undefined>(capacity) : undefined;
  }

  get capacity(): number {
    return this.time.length;
  }

  /** The decimal form of request i's 64-bit id. */
  idString(i: number): string {
    const hi = this.idHi[i];
    const lo = this.idLo[i];
    if (hi < 0x200000) return String(hi * 4294967296 + lo);
    return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
  }
}

export const BATCH_SIZE = 65536;
