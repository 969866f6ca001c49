/**
 * Cache sizes on the command line, read as libCacheSim's CLI reads them: a number with an optional binary
 * unit, case-insensitive (`k`/`kb`/`kib`, `m`/`mb`/`mib`, `g`/`gb`/`gib`, `t`/`tb`/`tib` are all powers of 1024);
 * a number <= 1 is a fraction of the working set. Output always prints MiB/GiB.
 */
import { InvalidArgumentError } from 'commander';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, kb: 2 ** 10, kib: 2 ** 10, m: 2 ** 20, mb: 2 ** 20, mib: 2 ** 20, g: 2 ** 30, gb: 2 ** 30, gib: 2 ** 30, t: 2 ** 40, tb: 2 ** 40, tib: 2 ** 40 };

export function parseCacheSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new InvalidArgumentError(`cache size ${JSON.stringify(text)} is not a size: write e.g. 128MiB, 1GiB, 4096 (bytes or objects) or 0.1 (a fraction of the working set).`);
  }
  const n = Number(m[1]);
  if (m[2] === '' && n <= 1) return n;
  // libCacheSim uses only the integer part of the number.
  const bytes = Math.trunc(n) * unit;
  if (bytes <= 0 || !Number.isSafeInteger(bytes)) throw new InvalidArgumentError(`cache size ${JSON.stringify(text)} must be at least 1 byte.`);
  return bytes;
}

export function parseCacheSizes(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new InvalidArgumentError('give at least one cache size, e.g. 128MiB,256MiB.');
  return parts.map(parseCacheSize);
}
