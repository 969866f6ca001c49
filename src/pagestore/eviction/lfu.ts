/**
 * LFU: evict the least frequently used object; among equally frequent ones, the one that reached that
 * frequency first (FIFO within a frequency), as libCacheSim's `LFU.c` does. Frequencies start at 1 on insert
 * and are forgotten on eviction. O(1) per hit and insert: one list a frequency, a running minimum that only
 * scans upward when its list empties.
 */
import { IndexList } from './index-list.js';
import type { EvictionPolicy } from './policy.js';
import { grown, grownCapacity } from '../../core/typed-arrays.js';

export class LfuPolicy implements EvictionPolicy {
  readonly name = 'lfu';
  /** prev/next links shared by all frequency lists. */
  private readonly links: IndexList;
  private freq: Uint32Array;
  private heads = new Int32Array(64).fill(-1);
  private tails = new Int32Array(64).fill(-1);
  private counts = new Uint32Array(64);
  private minFreq = 1;
  private maxFreq = 1;

  constructor(capacity: number) {
    this.links = new IndexList(capacity);
    this.freq = new Uint32Array(capacity);
  }

  private append(slot: number, f: number): void {
    if (f >= this.heads.length) this.growFreq(f);
    const { prev, next } = this.links;
    prev[slot] = this.tails[f];
    next[slot] = -1;
    if (this.tails[f] !== -1) next[this.tails[f]] = slot;
    else this.heads[f] = slot;
    this.tails[f] = slot;
    this.counts[f]++;
  }

  private unlink(slot: number, f: number): void {
    const { prev, next } = this.links;
    const p = prev[slot];
    const n = next[slot];
    if (p !== -1) next[p] = n;
    else this.heads[f] = n;
    if (n !== -1) prev[n] = p;
    else this.tails[f] = p;
    this.counts[f]--;
  }

  private updateMinFreq(): void {
    for (let f = this.minFreq + 1; f <= this.maxFreq; f++) {
      if (f < this.counts.length && this.counts[f] > 0) {
        this.minFreq = f;
        return;
      }
    }
  }

  inserted(slot: number): void {
    this.minFreq = 1;
    this.freq[slot] = 1;
    this.append(slot, 1);
  }

  hit(slot: number): void {
    const old = this.freq[slot];
    const f = old + 1;
    this.freq[slot] = f;
    if (f > this.maxFreq) this.maxFreq = f;
    this.unlink(slot, old);
    this.append(slot, f);
    if (this.minFreq === old && this.counts[old] === 0) this.updateMinFreq();
  }

  evict(): number {
    const f = this.minFreq;
    const slot = this.heads[f];
    this.unlink(slot, f);
    if (this.counts[f] === 0) this.updateMinFreq();
    return slot;
  }

  removed(slot: number): void {
    const f = this.freq[slot];
    this.unlink(slot, f);
    if (f === this.minFreq && this.counts[f] === 0) this.updateMinFreq();
  }

  grow(capacity: number): void {
    this.links.grow(capacity);
    this.freq = grown(this.freq, capacity);
  }

  private growFreq(f: number): void {
    const size = grownCapacity(this.heads.length, f + 1);
    this.heads = grown(this.heads, size, -1);
    this.tails = grown(this.tails, size, -1);
    this.counts = grown(this.counts, size);
  }

  clear(): void {
    this.heads.fill(-1);
    this.tails.fill(-1);
    this.counts.fill(0);
    this.minFreq = 1;
    this.maxFreq = 1;
  }

  byteSize(): number {
    return this.links.byteSize() + this.freq.byteLength + this.heads.byteLength + this.tails.byteLength + this.counts.byteLength;
  }
}
