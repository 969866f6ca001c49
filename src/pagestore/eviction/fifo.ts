/**
 * FIFO: evict the object inserted first; hits change nothing. It is LRU without the move to the head on a
 * hit. Same order as libCacheSim's `FIFO.c`.
 */
import { LruPolicy } from './lru.js';

export class FifoPolicy extends LruPolicy {
  override readonly name: string = 'fifo';

  override hit(_slot: number): void {}
}
