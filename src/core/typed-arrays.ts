/** Growing the typed arrays that hot paths keep (pages, keys, links): one home for copy-into-a-larger-array. */

/** The typed arrays ring-sim grows. */
export type GrowableArray = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/**
 * A new array of the same type and `length`, holding `a`'s elements first; the rest is 0, or `fill`.
 * `length` must be at least `a.length`.
 */
export function grown<T extends GrowableArray>(a: T, length: number, fill = 0): T {
  const Ctor = a.constructor as new (length: number) => T;
  const b = new Ctor(length);
  if (fill !== 0) b.fill(fill, a.length);
  (b as Uint32Array).set(a);
  return b;
}

/** The capacity to grow to: doubling `current` until it holds `needed` (at least `minimum`). */
export function grownCapacity(current: number, needed: number, minimum = 1): number {
  let size = Math.max(current, minimum, 1);
  while (size < needed) size *= 2;
  return size;
}
