import { describe, expect, it } from 'vitest';
import { LruPolicy } from '../../../src/pagestore/eviction/lru.js';
import { drain } from './order.js';

describe('LruPolicy', () => {
  it('evicts the least recently used: a hit moves a slot to the head', () => {
    const p = new LruPolicy(4);
    for (const s of [0, 1, 2]) p.inserted(s);
    p.hit(0);
    expect(drain(p, 3)).toEqual([1, 2, 0]);
  });

  it('forgets a removed slot, and keeps its order across grow', () => {
    const p = new LruPolicy(2);
    p.inserted(0);
    p.inserted(1);
    p.grow(8);
    p.inserted(7);
    p.removed(0);
    p.hit(1);
    expect(drain(p, 2)).toEqual([7, 1]);
    expect(p.byteSize()).toBe(2 * 8 * 4);
  });
});
