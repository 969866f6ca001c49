/**
 * Writing a command's outputs (`--html FILE`, `--json FILE`, …), the one way every command does it:
 * - every output of a run is checked before any is written (an empty path, a missing or unwritable directory,
 *   a directory at the path, two outputs to one path or two to stdout are refused, and nothing is written);
 * - `-` means stdout;
 * - a file is written atomically: to a temporary file in the same directory, then renamed over the path, so a
 *   failed write (a full disk) leaves the old file as it was, and a symlink at the path is replaced by the new
 *   file, never followed (its target is left alone).
 */
import { accessSync, closeSync, constants, fsyncSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RingSimError } from '../core/errors.js';
import type { Io } from './io.js';

export interface Output {
  /** The flag that names it, for errors (`--html`). */
  flag: string;
  /** A file path, or `-` for stdout. */
  path: string;
  /** The content, rendered only after every output has been checked. */
  render(): string;
}

/** Whether `path` means stdout. */
export const isStdout = (path: string | undefined): boolean => path === '-';

function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'error';
}

/** Refuses an output path that cannot be written, before anything is written. */
export function checkOutputPath(flag: string, path: string): void {
  if (path === '') throw new RingSimError(flag, path, 'empty path', `give a file name, or - for stdout`);
  if (isStdout(path)) return;
  const dir = dirname(path);
  let d;
  try {
    d = statSync(dir);
  } catch (e) {
    throw new RingSimError(flag, path, `its directory cannot be used (${errno(e)})`, 'give a path in an existing directory');
  }
  if (!d.isDirectory()) throw new RingSimError(flag, path, `${dir} is not a directory`, 'give a path in an existing directory');
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new RingSimError(flag, path, `its directory is not writable (${errno(e)})`, 'give a path in a writable directory');
  }
  let existing;
  try {
    existing = lstatSync(path);
  } catch {
    return; // a new file
  }
  if (existing.isDirectory()) throw new RingSimError(flag, path, 'is a directory', 'give a file name');
  if (!existing.isFile() && !existing.isSymbolicLink())
    throw new RingSimError(flag, path, 'is not a regular file (a device, FIFO or socket)', 'give a file name');
}

/** Checks every output, then renders and writes each (atomically for files, in order for stdout). */
export function writeOutputs(outputs: readonly Output[], io: Io): void {
  const seen = new Map<string, string>();
  for (const o of outputs) {
    checkOutputPath(o.flag, o.path);
    const key = isStdout(o.path) ? '-' : join(dirname(o.path), basename(o.path));
    const other = seen.get(key);
    if (other) {
      throw new RingSimError(
        o.flag,
        o.path,
        `${other} writes there too`,
        isStdout(o.path) ? 'send at most one output to stdout (-)' : 'give each output its own file',
      );
    }
    seen.set(key, o.flag);
  }
  const rendered = outputs.map((o) => ({ ...o, text: o.render() }));
  for (const o of rendered) {
    if (isStdout(o.path)) io.out(o.text);
    else writeFileAtomic(o.flag, o.path, o.text);
  }
}

/** Writes `text` to a temporary file beside `path`, then renames it over `path` (a symlink there is replaced). */
export function writeFileAtomic(flag: string, path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the write error is the one to report
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // nothing was created
    }
    throw new RingSimError(flag, path, `cannot write the file (${errno(e)}); the old file, if any, is unchanged`, 'give a writable path with free space');
  }
}

/**
 * A run's outputs: the files asked for, and the report on stdout unless a file output already goes to stdout
 * (`--html -`). A report asked for explicitly (`--json`) always claims stdout, so `--json --html -` is refused.
 */
export function withReport(files: ReadonlyArray<Output | undefined>, report: Output & { explicit?: boolean }): Output[] {
  const outputs = files.filter((o): o is Output => o !== undefined);
  if (!report.explicit && outputs.some((o) => isStdout(o.path))) return outputs;
  return [...outputs, report];
}

/** An output for an optional flag: undefined when the flag was not given. */
export function optionalOutput(flag: string, path: string | undefined, render: () => string): Output | undefined {
  return path === undefined ? undefined : { flag, path, render };
}
