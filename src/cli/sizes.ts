/**
 * Cache sizes on the command line: libCacheSim's CLI grammar (`conv_cache_sizes`) and Kubernetes quantities, the
 * grammar of scenarios and `plan`. A value WITH a dot and no unit is a fraction of the working set (`0.1`, `1.0`,
 * `2.5`). A number with one of libCacheSim's binary units, case-insensitive (`k`/`kb`/`kib`, `m`/`mb`/`mib`,
 * `g`/`gb`/`gib`, `t`/`tb`/`tib` are all powers of 1024), is absolute: `1` is one byte (one object with
 * --ignore-obj-size), `128MB` is 128 MiB. Anything else is read as a Kubernetes quantity (`1Gi`, `1.5Gi`, `512Ki`,
 * `1G` = 10^9 is NOT one: libCacheSim's `1G` = 1 GiB wins, as documented). libCacheSim would read `1.5GB` as 1.5
 * working sets; ring-sim refuses it (write `1.5Gi`). Output always prints MiB/GiB.
 */
import { InvalidArgumentError } from 'commander';
import { parseQuantity } from '../capacity/quantity.js';
import type { CacheSize } from '../sim/cachesim.js';

const UNITS = new Map<string, number>([
  ['', 1],
  ['b', 1],
  ['k', 2 ** 10],
  ['kb', 2 ** 10],
  ['kib', 2 ** 10],
  ['m', 2 ** 20],
  ['mb', 2 ** 20],
  ['mib', 2 ** 20],
  ['g', 2 ** 30],
  ['gb', 2 ** 30],
  ['gib', 2 ** 30],
  ['t', 2 ** 40],
  ['tb', 2 ** 40],
  ['tib', 2 ** 40],
]);

/** A Kubernetes quantity as whole bytes (Kubernetes' ceiling `Value()`), or undefined when `text` is not one. */
function quantityBytes(text: string): number | undefined {
  try {
    const q = parseQuantity(text);
    // milli/micro/nano are fractions: `1m` is read above as libCacheSim's MiB, so only `1u`/`1n` get here.
    if (q.sign <= 0 || ['m', 'u', 'n'].includes(q.suffix)) return undefined;
    if (q.scale > 0 && q.unscaled % 10n ** BigInt(q.scale) !== 0n) return undefined; // not a whole number of bytes
    return Number(q.bytes);
  } catch {
    return undefined; // not a quantity, or one too large to count in bytes
  }
}

/** An absolute size in bytes, or undefined when `text` is not one: libCacheSim's binary forms, else a quantity. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = m ? UNITS.get(m[2].toLowerCase()) : undefined;
  if (m && unit !== undefined) return Number(m[1]) * unit;
  return quantityBytes(text.trim());
}

/** Whether a size was written with a unit (so it is bytes, never a number of objects). */
export function hasUnit(text: string): boolean {
  return !/^\s*[\d.]+(e[+-]?\d+)?\s*$/i.test(text);
}

export function parseCacheSize(text: string): CacheSize {
  const fraction = /^\s*(\d*\.\d*)\s*$/.exec(text);
  if (fraction && fraction[1] !== '.') {
    const f = Number(fraction[1]);
    if (!(f > 0) || !Number.isFinite(f)) throw new InvalidArgumentError(`cache size ${JSON.stringify(text)}: a fraction of the working set must be above 0.`);
    return { fraction: f };
  }
  const bytes = parseByteSize(text);
  if (bytes === undefined) {
    throw new InvalidArgumentError(
      `cache size ${JSON.stringify(text.slice(0, 40))} is not a size: write e.g. 128MiB, 1Gi, 4096 (bytes or objects) or 0.1 (a fraction of the working set; a value with a dot and no unit is a fraction).`,
    );
  }
  if (bytes < 1 || !Number.isSafeInteger(bytes))
    throw new InvalidArgumentError(`cache size ${JSON.stringify(text.slice(0, 40))} must be from 1 byte to 8 PiB.`);
  return bytes;
}

export function parseCacheSizes(text: string): CacheSize[] {
  return cacheSizeTexts(text).map(parseCacheSize);
}

/** The comma-separated parts of a --sizes list, trimmed, empty parts dropped. */
export function cacheSizeTexts(text: string): string[] {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0) throw new InvalidArgumentError('give at least one cache size, e.g. 128MiB,256MiB.');
  return parts;
}

/** `--object-size`: a whole number of bytes, with libCacheSim's binary units or as a Kubernetes quantity (`4MiB`, `4Mi`). */
export function parseObjectSize(text: string): number {
  const bytes = parseByteSize(text);
  if (bytes === undefined || bytes < 1 || !Number.isSafeInteger(bytes))
    throw new InvalidArgumentError(`--object-size ${JSON.stringify(text.slice(0, 40))} is not a size: write e.g. 4096, 4MiB or 4Mi.`);
  return bytes;
}
