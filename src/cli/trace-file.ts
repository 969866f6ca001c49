/**
 * A trace file as a TraceSource: a stream of byte chunks, decompressed when the file is gzip (by its magic bytes, with
 * node:zlib) or xz (with the `xz-decompress` WebAssembly decoder). Constant memory whatever the file size.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
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

/** The decompressed bytes of `path`, chunk by chunk. */
export async function* byteChunks(path: string): AsyncGenerator<Uint8Array> {
  const compression = await detectCompression(path);
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  if (compression === 'none') {
    try {
      yield* file as AsyncIterable<Buffer>;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new RingSimError(path, undefined, `cannot read the trace file (${code})`, 'give the path of a readable trace file');
    }
    return;
  }
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
