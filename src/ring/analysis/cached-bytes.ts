/**
 * What each worker caches, and so how many bytes a ring change re-reads from the under-storage. A model:
 * the data set is taken as spread uniformly over the hash space (as keys are), so worker w holds
 * `share_w × dataset` of it, and caches `min(share_w × dataset, pageData_w)`: a worker cannot hold more than
 * its page store. Without a data set every worker's cache is taken as full (`pageData_w`).
 *
 * Keys leaving w carry, per fraction of the hash space, what w caches per fraction of its range
 * (`cached_w / share_w`): a flow of fraction f from w re-reads `f × cached_w / share_w` bytes. When the data set
 * fits every worker this is `f × dataset`, the uncapped figure, exactly.
 *
 * @example
 * const m = cacheModel([0.5, 0.5], [100, 100], 1000); // each would hold 500 B; caches 100 B
 * flowBytes(m, 0, 0.25); // 50: half of worker 0's range, half of what it caches
 */

export interface CacheModel {
  /** The data set, or null when none was given (every cache full). */
  datasetBytes: number | null;
  /** Bytes each worker caches (aligned with the shares given). */
  cached: Float64Array;
  /** 1 where the page store caps what the worker would hold of the data set (always 1 without a data set). */
  capped: Uint8Array;
  /** Bytes a worker caches per fraction of the hash space it owns: `cached_w / share_w`. */
  density: Float64Array;
}

/** The bytes each worker caches, given its share of the hash space and its page data (bytes). */
export function cacheModel(shares: ArrayLike<number>, pageDataBytes: ArrayLike<number>, datasetBytes: number | null): CacheModel {
  const n = shares.length;
  const cached = new Float64Array(n);
  const capped = new Uint8Array(n);
  const density = new Float64Array(n);
  for (let w = 0; w < n; w++) {
    const held = datasetBytes === null ? Infinity : shares[w] * datasetBytes;
    capped[w] = held > pageDataBytes[w] ? 1 : 0;
    cached[w] = capped[w] ? pageDataBytes[w] : held;
    density[w] = capped[w] ? (shares[w] > 0 ? cached[w] / shares[w] : 0) : datasetBytes!;
  }
  return { datasetBytes, cached, capped, density };
}

/** Bytes cached on `fraction` (of all keys) of worker `from`'s range: what a flow of that fraction from it re-reads. */
export function flowBytes(m: CacheModel, from: number, fraction: number): number {
  return Math.round(fraction * m.density[from]);
}

/**
 * Bytes re-read for the keys leaving each worker (`movedFrom`, fractions of all keys, `moved` in all), and the
 * basis: "cache" when the page store caps what some worker that hands keys over holds, else "dataset".
 * With no capped worker the figure is `moved × dataset`, the same number as before the cap was modelled.
 */
export function movedBytes(m: CacheModel, moved: number, movedFrom: ArrayLike<number>): { bytes: number; basis: 'dataset' | 'cache' } {
  let extra = 0;
  let capBinds = false;
  const uncapped = m.datasetBytes ?? 0;
  for (let w = 0; w < movedFrom.length; w++) {
    if (!m.capped[w] || movedFrom[w] <= 0) continue;
    capBinds = true;
    extra += movedFrom[w] * (m.density[w] - uncapped);
  }
  if (moved <= 0) capBinds = m.datasetBytes === null || m.capped.some((c) => c === 1);
  return { bytes: Math.max(0, Math.round(moved * uncapped + extra)), basis: capBinds ? 'cache' : 'dataset' };
}

/** What a what-if's bytes are of, in the operator's words. */
export function bytesBasisText(basis: 'dataset' | 'cache', datasetGiven: boolean): string {
  if (basis === 'dataset') return 'of the data set';
  return datasetGiven ? 'capped by what the workers cache' : 'of the cache, taken as full';
}

/** The model behind every what-if's bytes, as an assumption line. */
export function cacheModelAssumption(datasetGiven: boolean): string {
  return datasetGiven
    ? 'what-if bytes (model): the data set spread uniformly over the hash space; worker w caches min(share_w × data set, its page data); keys leaving w carry the moved part of its range × what w caches'
    : "what-if bytes (model): no --dataset, so every worker's cache is taken as full; keys leaving w carry the moved part of its range × its page data";
}
