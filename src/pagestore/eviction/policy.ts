/**
 * The contract between a cache and its eviction policy. The cache owns slots (numbered 0 … capacity-1) and
 * tells the policy what happens to them; the policy keeps its own order in typed arrays over slot numbers.
 * One file a policy in this folder (libCacheSim's layout).
 */
export interface EvictionPolicy {
  readonly name: string;
  /** A slot was filled with a new object. */
  inserted(slot: number): void;
  /** The object in `slot` was requested again. */
  hit(slot: number): void;
  /** Chooses the slot to evict and forgets it. Only called when at least one object is cached. */
  evict(): number;
  /** The object in `slot` is removed by the cache (not an eviction). */
  removed(slot: number): void;
  /** Slot numbers may now go up to `capacity - 1`. */
  grow(capacity: number): void;
  clear(): void;
  /** Bytes of the policy's arrays. */
  byteSize(): number;
}

export type EvictionPolicyName = 'lru' | 'fifo' | 'lfu' | 'sieve';
