/**
 * Cache sizes on the command line, read as libCacheSim's CLI reads them (`conv_cache_sizes`): a value WITH a dot
 * is a fraction of the working set (`0.1`, `1.0`, `2.5`); a value without one is absolute, a number with an
 * optional binary unit, case-insensitive (`k`/`kb`/`kib`, `m`/`mb`/`mib`, `g`/`gb`/`gib`, `t`/`tb`/`tib` are all
 * powers of 1024): `1` is one byte (one object with --ignore-obj-size). libCacheSim would read `1.5GB` as 1.5
 * working sets; ring-sim refuses a dot with a unit instead. Output always prints MiB/GiB.
 */
import { InvalidArgumentError } from 'commander';
import type { CacheSize } from '../sim/cachesim.js';

const UNITS = new Map<string, number>([['', 1], ['b', 1], ['k', 2 ** 10], ['kb', 2 ** 10], ['kib', 2 ** 10], ['m', 2 ** 20], ['mb', 2 ** 20], ['mib', 2 ** 20], ['g', 2 ** 30], ['gb', 2 ** 30], ['gib', 2 ** 30], ['t', 2 ** 40], ['tb', 2 ** 40], ['tib', 2 ** 40]]);

export function parseCacheSize(text: string): CacheSize {
  const fraction = /^\s*(\d*\.\d*)\s*$/.exec(text);
  if (fraction && fraction[1] !== '.') {
    const f = Number(fraction[1]);
    if (!(f > 0) || !Number.isFinite(f)) throw new InvalidArgumentError(`cache size ${JSON.stringify(text)}: a fraction of the working set must be above 0.`);
    return { fraction: f };
  }
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = m ? UNITS.get(m[2].toLowerCase()) : undefined;
  if (!m || unit === undefined) {
    throw new InvalidArgumentError(`cache size ${JSON.stringify(text.slice(0, 40))} is not a size: write e.g. 128MiB, 1GiB, 4096 (bytes or objects) or 0.1 (a fraction of the working set; a value with a dot is a fraction).`);
  }
  const bytes = Number(m[1]) * unit;
  if (bytes < 1 || !Number.isSafeInteger(bytes)) throw new InvalidArgumentError(`cache size ${JSON.stringify(text.slice(0, 40))} must be from 1 byte to 8 PiB.`);
  return bytes;
}

export function parseCacheSizes(text: string): CacheSize[] {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new InvalidArgumentError('give at least one cache size, e.g. 128MiB,256MiB.');
  return parts.map(parseCacheSize);
}
