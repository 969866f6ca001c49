import { describe, expect, it } from 'vitest';
import { LfuPolicy } from '../../../src/pagestore/eviction/lfu.js';
import { drain } from './order.js';

describe('LfuPolicy', () => {
  it('evicts the least frequently used; equal frequencies in the order they reached it', () => {
    const p = new LfuPolicy(4);
    for (const s of [0, 1, 2, 3]) p.inserted(s);
    p.hit(0); // 0: 2
    p.hit(2); // 2: 2
    p.hit(0); // 0: 3
    expect(drain(p, 4)).toEqual([1, 3, 2, 0]);
  });

  it('counts past its first 64 frequency lists, and forgets a frequency on eviction', () => {
    const p = new LfuPolicy(2);
    p.inserted(0);
    for (let i = 0; i < 100; i++) p.hit(0);
    p.inserted(1);
    expect(p.evict()).toBe(1);
    p.inserted(1);
    p.hit(1);
    expect(drain(p, 2)).toEqual([1, 0]);
  });

  it('removes a slot from its frequency list', () => {
    const p = new LfuPolicy(3);
    for (const s of [0, 1, 2]) p.inserted(s);
    p.removed(0);
    p.grow(6);
    p.inserted(5);
    expect(drain(p, 3)).toEqual([1, 2, 5]);
  });
});
