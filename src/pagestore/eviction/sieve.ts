/**
 * SIEVE (Yazhuo Zhang, Juncheng Yang, Yao Yue, Ymir Vigfusson, K. V. Rashmi, "SIEVE is Simpler than LRU: an
 * Efficient Turn-Key Eviction Algorithm for Web Caches", NSDI 2024).
 *
 * New objects enter at the head with their visited bit clear; a hit sets the bit. A hand moves from the tail
 * toward the head: a visited object has its bit cleared and is passed over, the first unvisited one is
 * evicted, and the hand stays at the object before it (wrapping to the tail past the head). Same steps as
 * libCacheSim's `Sieve.c`.
 */
import { IndexList } from './index-list.js';
import type { EvictionPolicy } from './policy.js';
import { grown } from '../../core/typed-arrays.js';

export class SievePolicy implements EvictionPolicy {
  readonly name = 'sieve';
  private readonly list: IndexList;
  private visited: Uint8Array;
  private hand = -1;

  constructor(capacity: number) {
    this.list = new IndexList(capacity);
    this.visited = new Uint8Array(capacity);
  }

  inserted(slot: number): void {
    this.list.pushHead(slot);
    this.visited[slot] = 0;
  }

  hit(slot: number): void {
    this.visited[slot] = 1;
  }

  evict(): number {
    const { prev } = this.list;
    let slot = this.hand === -1 ? this.list.tail : this.hand;
    while (this.visited[slot] !== 0) {
      this.visited[slot] = 0;
      slot = prev[slot] === -1 ? this.list.tail : prev[slot];
    }
    this.hand = prev[slot];
    this.list.remove(slot);
    return slot;
  }

  removed(slot: number): void {
    if (slot === this.hand) this.hand = this.list.prev[slot];
    this.list.remove(slot);
  }

  grow(capacity: number): void {
    this.list.grow(capacity);
    this.visited = grown(this.visited, capacity);
  }

  clear(): void {
    this.list.clear();
    this.hand = -1;
  }

  byteSize(): number {
    return this.list.byteSize() + this.visited.byteLength;
  }
}
