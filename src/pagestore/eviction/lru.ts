/**
 * LRU: evict the least recently used object. A hit moves the object to the head; eviction takes the tail.
 * Same order as libCacheSim's `LRU.c`.
 */
import { IndexList } from './index-list.js';
import type { EvictionPolicy } from './policy.js';

export class LruPolicy implements EvictionPolicy {
  readonly name: string = 'lru';
  private readonly list: IndexList;

  constructor(capacity: number) {
    this.list = new IndexList(capacity);
  }

  inserted(slot: number): void {
    this.list.pushHead(slot);
  }

  hit(slot: number): void {
    if (this.list.head === slot) return;
    this.list.remove(slot);
    this.list.pushHead(slot);
  }

  evict(): number {
    const slot = this.list.tail;
    this.list.remove(slot);
    return slot;
  }

  removed(slot: number): void {
    this.list.remove(slot);
  }

  grow(capacity: number): void {
    this.list.grow(capacity);
  }

  clear(): void {
    this.list.clear();
  }

  byteSize(): number {
    return this.list.byteSize();
  }
}
