/**
 * A trace file as a TraceSource: a stream of byte chunks, decompressed when the file is gzip (by its magic bytes, with
 * node:zlib) or xz (with the `xz-decompress` WebAssembly decoder). Constant memory whatever the file size.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { createHash } from 'node:crypto';
import { RingSimError } from '../core/errors.js';
import type { TraceSource } from '../sim/trace/source.js';
import { checkInputFile } from './input-file.js';

/**
 * xz-decompress is a CommonJS (webpack UMD) package: Node's ESM import puts its exports under `default`, a
 * bundler's interop (vite, vitest) at the top level. `require` gives the same object everywhere.
 */
const require = createRequire(import.meta.url);
type XzStreamClass = new (s: WebReadableStream<Uint8Array>) => WebReadableStream<Uint8Array>;
function xzReadableStream(): XzStreamClass {
  return (require('xz-decompress') as { XzReadableStream: XzStreamClass }).XzReadableStream;
}

export type Compression = 'none' | 'gzip' | 'xz';

export async function detectCompression(path: string): Promise<Compression> {
  checkInputFile(path, path, 'trace file');
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new RingSimError(path, undefined, `cannot read the trace file (${code})`, 'give the path of a readable trace file');
  }
  try {
    const head = Buffer.alloc(6);
    const { bytesRead } = await handle.read(head, 0, 6, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (bytesRead >= 6 && head.equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
    return 'none';
  } finally {
    await handle.close();
  }
}

const CHUNK_BYTES = 1 << 20;

function unreadable(path: string, e: unknown): RingSimError {
  const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
  return new RingSimError(path, undefined, `cannot read the trace file (${code})`, 'give the path of a readable trace file');
}

/**
 * A plain file's bytes, read synchronously into one reused buffer: each chunk is valid until the next is asked
 * for (the trace readers copy what they keep). No buffer a chunk to collect, no wait on the thread pool: a
 * simulator that only reads the trace has nothing else to do meanwhile.
 */
function* plainChunks(path: string): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (e) {
        throw unreadable(path, e);
      }
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** The decompressed bytes of `path`, chunk by chunk; a chunk is valid until the next is asked for. */
export async function* byteChunks(path: string): AsyncGenerator<Uint8Array> {
  const compression = await detectCompression(path);
  if (compression === 'none') {
    yield* plainChunks(path);
    return;
  }
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (compression === 'gzip') {
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    file.on('error', (e) => gunzip.destroy(e));
    file.pipe(gunzip);
    try {
      yield* gunzip as AsyncIterable<Buffer>;
    } catch (e) {
      throw new RingSimError(path, undefined, `not a valid gzip file (${(e as Error).message})`, 'check the file, or decompress it first');
    }
    return;
  }
  const XzReadableStream = xzReadableStream();
  const web = Readable.toWeb(file) as unknown as WebReadableStream<Uint8Array>;
  const reader = new XzReadableStream(web).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } catch (e) {
    throw new RingSimError(path, undefined, `not a valid xz file (${(e as Error).message})`, 'check the file, or decompress it first with xz -d');
  }
}

/** A trace file as a source the library's readers take. */
export function fileTraceSource(path: string): TraceSource {
  return { name: path, chunks: () => byteChunks(path) };
}

/**
 * `sha256:` and the hex SHA-256 of the trace file's bytes as stored (compressed or not), read in chunks: what a
 * shard's part records so that parts of runs over different trace bytes do not merge.
 */
export function traceFileDigest(path: string): string {
  const hash = createHash('sha256');
  for (const chunk of plainChunks(path)) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}
