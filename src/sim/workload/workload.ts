/** What a workload gives the simulator: the files it reads, and the reads in batches. */

export interface FileCatalog {
  /** Files known so far (a trace discovers them as it goes). */
  readonly count: number;
  /** Bytes of file `file`. */
  size(file: number): number;
  /** The UFS path of file `file`: the key the placement hashes. */
  path(file: number): string;
}

/** Reads of whole files, in columns; valid until the next batch. */
export class ReadBatch {
  length = 0;
  readonly file: Int32Array;
  /** Seconds since the workload's start (NaN when the workload has no clock). */
  readonly time: Float64Array;

  constructor(capacity: number) {
    this.file = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
  }

  get capacity(): number {
    return this.file.length;
  }
}

export interface Workload {
  readonly catalog: FileCatalog;
  /** Total reads, when known in advance (for progress). */
  readonly totalRequests: number | undefined;
  batches(): AsyncGenerator<ReadBatch>;
}

export const READ_BATCH = 4096;
