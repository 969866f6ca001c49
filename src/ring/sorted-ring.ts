/**
 * A hash ring in typed arrays: sorted 32-bit points, the worker index owning each point, and a bucket index
 * over the top bits of the hash so that a lookup is a short binary search in a few cache lines.
 *
 * Points are unsigned 32-bit values compared as unsigned. Rings whose reference orders points as signed int32
 * (Alluxio's `TreeMap<Integer, …>`) store `point ^ 0x80000000`, which keeps the order and the arc lengths.
 *
 * Memory: 8 bytes a point (the point and its owner side by side, so a lookup reads one cache line for both)
 * + a bucket index of at most 1 byte a point.
 */

/** What happens to points with equal values: the first one in build order keeps it, or the last one. */
export type TieRule = 'first' | 'last';

export const HASH_SPACE = 4_294_967_296;

export class SortedRing {
  /** Sorted distinct points interleaved with their owners: [point0, owner0, point1, owner1, …]. */
  private readonly entries: Uint32Array;
  readonly length: number;
  /** Number of workers the owner indices refer to. */
  readonly workerCount: number;
  private readonly shift: number;
  private readonly buckets: Uint32Array;
  private readonly stamps: Uint32Array;
  private stamp = 0;

  /**
   * Builds a ring from unsorted points; `owners[i]` owns `points[i]`. The arrays are used as scratch space
   * (sorted in place). Equal points are resolved by `tie` in the order given.
   */
  constructor(points: Uint32Array, owners: Uint32Array, workerCount: number, tie: TieRule) {
    if (points.length !== owners.length) throw new Error('points and owners differ in length');
    sortByPointStable(points, owners);
    const total = points.length;
    // Collapse runs of equal points to one entry, keeping the first or the last in build order.
    let n = 0;
    for (let r = 0; r < total; r++) {
      if (n > 0 && points[n - 1] === points[r]) {
        if (tie === 'last') owners[n - 1] = owners[r];
        continue;
      }
      points[n] = points[r];
      owners[n] = owners[r];
      n++;
    }
    const entries = new Uint32Array(n * 2);
    for (let i = 0; i < n; i++) {
      entries[2 * i] = points[i];
      entries[2 * i + 1] = owners[i];
    }
    this.entries = entries;
    this.length = n;
    this.workerCount = workerCount;
    // About four points a bucket: the search after the bucket lookup touches one or two cache lines.
    let bits = 0;
    while (bits < 20 && 2 ** (bits + 3) <= n) bits++;
    this.shift = 32 - bits;
    const bucketCount = 2 ** bits;
    const buckets = new Uint32Array(bucketCount + 1);
    let p = 0;
    for (let b = 0; b < bucketCount; b++) {
      const start = bits === 0 ? 0 : b * 2 ** this.shift;
      while (p < n && entries[2 * p] < start) p++;
      buckets[b] = p;
    }
    buckets[bucketCount] = n;
    this.buckets = buckets;
    this.stamps = new Uint32Array(workerCount);
  }

  /** The i-th point in ascending order. */
  pointAt(i: number): number {
    return this.entries[2 * i];
  }

  /** The worker index owning the i-th point. */
  ownerAt(i: number): number {
    return this.entries[2 * i + 1];
  }

  /** Index of the first point >= `hash` (unsigned), wrapping to 0 past the last point. */
  indexOf(hash: number): number {
    const entries = this.entries;
    const b = this.shift === 32 ? 0 : hash >>> this.shift;
    let lo = this.buckets[b];
    let hi = this.buckets[b + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entries[2 * mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.length ? 0 : lo;
  }

  /** The worker index owning `hash`. */
  ownerOf(hash: number): number {
    return this.entries[2 * this.indexOf(hash) + 1];
  }

  /**
   * Walks clockwise from `hash`, writing up to `count` distinct owners into `out`; returns how many it found
   * (fewer only when the ring has fewer distinct owners).
   */
  distinctFrom(hash: number, count: number, out: Uint32Array): number {
    const stamp = this.nextStamp();
    const stamps = this.stamps;
    const entries = this.entries;
    let i = this.indexOf(hash);
    let found = 0;
    for (let step = 0; step < this.length && found < count; step++) {
      const owner = entries[2 * i + 1];
      if (stamps[owner] !== stamp) {
        stamps[owner] = stamp;
        out[found++] = owner;
      }
      i = i + 1 === this.length ? 0 : i + 1;
    }
    return found;
  }

  /** A fresh marker for "seen" sets over worker indices (no allocation per lookup). */
  nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** Marks `owner` with `stamp`; returns false if it was marked already. */
  mark(owner: number, stamp: number): boolean {
    if (this.stamps[owner] === stamp) return false;
    this.stamps[owner] = stamp;
    return true;
  }

  /** Exact hash-space owned by each worker, in hash values (out of 2^32): the arc ending at each point. */
  ownedHashes(): Float64Array {
    const owned = new Float64Array(this.workerCount);
    const n = this.length;
    if (n === 0) return owned;
    const e = this.entries;
    owned[e[1]] += e[0] + (HASH_SPACE - e[2 * (n - 1)]);
    for (let i = 1; i < n; i++) owned[e[2 * i + 1]] += e[2 * i] - e[2 * i - 2];
    return owned;
  }

  /** Bytes held by the lookup arrays of this ring (entries and bucket index). */
  byteSize(): number {
    return this.entries.byteLength + this.buckets.byteLength;
  }
}

/** Stable LSD radix sort of (point, owner) pairs by point: two 16-bit passes. */
export function sortByPointStable(points: Uint32Array, owners: Uint32Array): void {
  const n = points.length;
  if (n < 2) return;
  if (n < 64) {
    // Insertion sort: stable and fast for tiny rings.
    for (let i = 1; i < n; i++) {
      const p = points[i];
      const o = owners[i];
      let j = i - 1;
      while (j >= 0 && points[j] > p) {
        points[j + 1] = points[j];
        owners[j + 1] = owners[j];
        j--;
      }
      points[j + 1] = p;
      owners[j + 1] = o;
    }
    return;
  }
  const tmpPoints = new Uint32Array(n);
  const tmpOwners = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  radixPass(points, owners, tmpPoints, tmpOwners, counts, 0);
  counts.fill(0);
  radixPass(tmpPoints, tmpOwners, points, owners, counts, 16);
}

function radixPass(
  srcP: Uint32Array,
  srcO: Uint32Array,
  dstP: Uint32Array,
  dstO: Uint32Array,
  counts: Uint32Array,
  shift: number,
): void {
  const n = srcP.length;
  for (let i = 0; i < n; i++) counts[((srcP[i] >>> shift) & 0xffff) + 1]++;
  for (let d = 1; d <= 65536; d++) counts[d] += counts[d - 1];
  for (let i = 0; i < n; i++) {
    const d = (srcP[i] >>> shift) & 0xffff;
    const at = counts[d]++;
    dstP[at] = srcP[i];
    dstO[at] = srcO[i];
  }
}
