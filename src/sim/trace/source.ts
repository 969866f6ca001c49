/**
 * Where a trace's bytes come from. The readers take a source, not a path: the library opens no file, so it runs
 * in a browser too. The CLI's `fileTraceSource` (src/cli/trace-file.ts) opens a file and decompresses gzip or xz;
 * `bytesTraceSource` serves bytes already in memory.
 */
export interface TraceSource {
  /** Names the trace in errors and reports (the file's path, for a file). */
  readonly name: string;
  /**
   * The decompressed bytes from the start, chunk by chunk; each call starts a new pass. A chunk may be a view of a
   * reused buffer, valid until the next chunk is asked for: a reader copies what it keeps.
   */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * A trace held in memory.
 *
 * @example traceBatches(bytesTraceSource('t.txt', new TextEncoder().encode('1\n2\n1\n')), 'txt')
 */
export function bytesTraceSource(name: string, bytes: Uint8Array): TraceSource {
  return {
    name,
    async *chunks() {
      yield bytes;
    },
  };
}
