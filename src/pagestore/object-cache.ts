/**
 * A cache of objects with a capacity in bytes, keyed by a 64-bit id held as two uint32 halves, with a pluggable
 * eviction policy. It follows libCacheSim's `cache_get_base` exactly (reference traces.md §10):
 * - every request counts, with its bytes;
 * - a hit updates the policy and keeps the cached object's size, whatever size this request carries;
 * - a miss counts its bytes; an object larger than the capacity is not inserted; otherwise objects are
 *   evicted while occupied + size > capacity, then the object is inserted.
 * With `maxEvictionsPerInsert` (Alluxio's page store, not libCacheSim) an insert evicts at most that many objects,
 * checking after each whether the object fits, and gives up when it still does not (the evicted objects stay
 * evicted): Alluxio's `LocalCacheManager.putInternal`, whose every put attempt evicts one page
 * (core/client/fs/src/main/java/alluxio/client/file/cache/LocalCacheManager.java). An object larger than the
 * capacity then evicts too (up to the bound, or until the cache is empty) before it is refused.
 * Storage is typed arrays over slot numbers; nothing is allocated per request.
 */
import { RingSimError } from '../core/errors.js';
import { createEvictionPolicy, type EvictionPolicy } from './eviction/index.js';
import { KeyIndex } from './key-index.js';
import { grown } from '../core/typed-arrays.js';

export interface CacheStats {
  requests: number;
  hits: number;
  misses: number;
  requestBytes: number;
  hitBytes: number;
  missBytes: number;
  evictions: number;
  evictedBytes: number;
  /** Bytes cached now. */
  occupiedBytes: number;
  /** Objects cached now. */
  objects: number;
  capacityBytes: number;
}

export interface ObjectCacheOptions {
  /** Expected number of cached objects, to size the arrays up front (they grow when needed). */
  expectedObjects?: number;
  /** Bytes of metadata counted per object (libCacheSim's `obj_md_size`); default 0. */
  objectMetadataBytes?: number;
  /** At most this many evictions an insert (Alluxio: eviction retries + 1); default unbounded (libCacheSim). */
  maxEvictionsPerInsert?: number;
}

export class ObjectCache {
  readonly policy: EvictionPolicy;
  capacityBytes: number;
  private readonly md: number;
  private readonly maxEvictions: number;
  private keyHi: Uint32Array;
  private keyLo: Uint32Array;
  private sizes: Float64Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;
  private readonly index: KeyIndex;
  // Counters (plain numbers: exact up to 2^53).
  requests = 0;
  hits = 0;
  misses = 0;
  requestBytes = 0;
  hitBytes = 0;
  missBytes = 0;
  evictions = 0;
  evictedBytes = 0;
  occupiedBytes = 0;
  /** Inserts refused: the object did not fit after `maxEvictionsPerInsert` evictions (or was larger than the cache). */
  failedInserts = 0;

  constructor(capacityBytes: number, policy: string, options: ObjectCacheOptions = {}) {
    if (!Number.isSafeInteger(capacityBytes) || capacityBytes < 0) {
      throw new RingSimError('capacity', capacityBytes, 'a cache capacity must be a whole number of bytes >= 0', 'give e.g. 134217728 for 128 MiB');
    }
    const initial = Math.max(16, Math.min(options.expectedObjects ?? 1024, 1 << 26));
    this.capacityBytes = capacityBytes;
    this.md = options.objectMetadataBytes ?? 0;
    const max = options.maxEvictionsPerInsert ?? Infinity;
    if (max !== Infinity && (!Number.isSafeInteger(max) || max < 1)) {
      throw new RingSimError('maxEvictionsPerInsert', max, 'must be a whole number of evictions, at least 1', 'give eviction retries + 1 (Alluxio: 11)');
    }
    this.maxEvictions = max;
    this.keyHi = new Uint32Array(initial);
    this.keyLo = new Uint32Array(initial);
    this.sizes = new Float64Array(initial);
    this.free = new Int32Array(initial);
    this.policy = createEvictionPolicy(policy, initial);
    this.index = new KeyIndex(this.keyHi, this.keyLo, initial);
  }

  /**
   * A request for `bytes` of object (hi, lo); returns true on a hit. On a miss the object is inserted with
   * `objectSize` bytes (default `bytes`) when it fits.
   */
  request(hi: number, lo: number, bytes: number, objectSize: number = bytes): boolean {
    this.requests++;
    this.requestBytes += bytes;
    const slot = this.index.find(hi, lo);
    if (slot !== -1) {
      this.hits++;
      this.hitBytes += bytes;
      this.policy.hit(slot);
      return true;
    }
    this.misses++;
    this.missBytes += bytes;
    this.admit(hi, lo, objectSize);
    return false;
  }

  /** Whether (hi, lo) is cached (no statistics, no policy update). */
  contains(hi: number, lo: number): boolean {
    return this.index.find(hi, lo) !== -1;
  }

  /** Inserts (hi, lo) without counting a request, evicting as needed; false when it cannot fit. */
  admit(hi: number, lo: number, size: number): boolean {
    const need = size + this.md;
    if (need > this.capacityBytes && this.maxEvictions === Infinity) return this.refuse();
    for (let evicted = 0; this.occupiedBytes + need > this.capacityBytes; evicted++) {
      if (evicted === this.maxEvictions || this.index.size === 0) return this.refuse();
      this.evictOne();
    }
    const slot = this.allocate();
    this.keyHi[slot] = hi;
    this.keyLo[slot] = lo;
    this.sizes[slot] = size;
    this.index.insert(slot);
    this.policy.inserted(slot);
    this.occupiedBytes += need;
    return true;
  }

  private refuse(): false {
    this.failedInserts++;
    return false;
  }

  /** Removes (hi, lo) if cached; returns whether it was. */
  remove(hi: number, lo: number): boolean {
    const slot = this.index.find(hi, lo);
    if (slot === -1) return false;
    this.policy.removed(slot);
    this.release(slot);
    return true;
  }

  /** Changes the capacity, evicting down to it. */
  resize(capacityBytes: number): void {
    if (!Number.isSafeInteger(capacityBytes) || capacityBytes < 0) {
      throw new RingSimError('capacity', capacityBytes, 'a cache capacity must be a whole number of bytes >= 0', 'give a byte count');
    }
    this.capacityBytes = capacityBytes;
    while (this.occupiedBytes > this.capacityBytes && this.index.size > 0) this.evictOne();
  }

  /** Drops every cached object (a restart without a persisted page store). Statistics are kept. */
  clear(): void {
    this.index.clear();
    this.policy.clear();
    this.used = 0;
    this.freeCount = 0;
    this.occupiedBytes = 0;
  }

  /** Calls `fn(hi, lo, size)` for every cached object (order unspecified). */
  forEach(fn: (hi: number, lo: number, size: number) => void): void {
    this.index.forEachSlot((slot) => fn(this.keyHi[slot], this.keyLo[slot], this.sizes[slot]));
  }

  get objects(): number {
    return this.index.size;
  }

  stats(): CacheStats {
    return {
      requests: this.requests,
      hits: this.hits,
      misses: this.misses,
      requestBytes: this.requestBytes,
      hitBytes: this.hitBytes,
      missBytes: this.missBytes,
      evictions: this.evictions,
      evictedBytes: this.evictedBytes,
      occupiedBytes: this.occupiedBytes,
      objects: this.objects,
      capacityBytes: this.capacityBytes,
    };
  }

  /** Bytes of every typed array this cache holds. */
  byteSize(): number {
    return this.keyHi.byteLength + this.keyLo.byteLength + this.sizes.byteLength + this.free.byteLength + this.index.byteSize() + this.policy.byteSize();
  }

  private evictOne(): void {
    const slot = this.policy.evict();
    this.evictions++;
    this.evictedBytes += this.sizes[slot];
    this.release(slot);
  }

  private release(slot: number): void {
    this.index.remove(slot);
    this.occupiedBytes -= this.sizes[slot] + this.md;
    this.free[this.freeCount++] = slot;
  }

  private allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount];
    if (this.used === this.keyHi.length) this.grow(this.keyHi.length * 2);
    return this.used++;
  }

  private grow(capacity: number): void {
    this.keyHi = grown(this.keyHi, capacity);
    this.keyLo = grown(this.keyLo, capacity);
    this.sizes = grown(this.sizes, capacity);
    this.free = grown(this.free, capacity);
    this.index.rebind(this.keyHi, this.keyLo);
    this.policy.grow(capacity);
  }
}
