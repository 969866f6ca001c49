/**
 * Opening input files safely: each path is stat'ed before it is read, so a directory, a FIFO (which would block
 * until a writer comes), a device (`/dev/zero` never ends) or a socket is refused up front with one line, and a
 * regular file larger than the input's limit is refused before a byte is read.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { RingSimError } from '../core/errors.js';
import { formatBinary } from '../core/units.js';

/** Largest manifest or scenario file: far above any real one, small enough that YAML parsing stays quick. */
export const MAX_DOCUMENT_BYTES = 4 * 2 ** 20;
/** Largest workers file (`--workers`). */
export const MAX_WORKERS_FILE_BYTES = 64 * 2 ** 20;
/** Largest keys file (`--keys`, `--keys-file`). */
export const MAX_KEYS_FILE_BYTES = 256 * 2 ** 20;

function kindOf(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Stats `path` and refuses anything but a regular file; returns its size in bytes. */
export function checkInputFile(path: string, field: string, what = 'file'): number {
  if (path === '') throw new RingSimError(field, path, `empty path`, `give the path of a ${what}`);
  let s: Stats;
  try {
    s = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new RingSimError(field, path, `cannot read the ${what} (${code})`, `give the path of a readable ${what}`);
  }
  const kind = kindOf(s);
  if (kind) throw new RingSimError(field, field === path ? undefined : path, `is ${kind}, not a regular file`, `give the path of a ${what}`);
  return s.size;
}

/** The text of a regular file of at most `maxBytes` bytes (UTF-8). */
export function readTextFile(path: string, field: string, maxBytes: number = MAX_DOCUMENT_BYTES): string {
  const size = checkInputFile(path, field);
  const tooLarge = (n: number): never => {
    throw new RingSimError(
      field,
      path,
      `the file is ${n.toLocaleString('en-US')} B, more than the ${formatBinary(maxBytes)} limit for ${field}`,
      'give a smaller file',
    );
  };
  if (size > maxBytes) tooLarge(size);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new RingSimError(field, path, `cannot read the file (${code})`, 'give the path of a readable file');
  }
  try {
    // The file may have changed since the stat: check the open file, then read no more than the limit.
    const s = fstatSync(fd);
    if (!s.isFile()) throw new RingSimError(field, path, 'is not a regular file', 'give the path of a file');
    const buf = Buffer.alloc(Math.min(s.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === buf.length) break;
    }
    if (n > maxBytes) tooLarge(n);
    return buf.toString('utf8', 0, n);
  } catch (e) {
    if (e instanceof RingSimError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new RingSimError(field, path, `cannot read the file (${code})`, 'give the path of a readable file');
  } finally {
    closeSync(fd);
  }
}
