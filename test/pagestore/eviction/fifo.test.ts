import { describe, expect, it } from 'vitest';
import { FifoPolicy } from '../../../src/pagestore/eviction/fifo.js';
import { drain } from './order.js';

describe('FifoPolicy', () => {
  it('evicts in insertion order; hits change nothing', () => {
    const p = new FifoPolicy(4);
    for (const s of [2, 0, 3, 1]) p.inserted(s);
    p.hit(2);
    p.hit(0);
    expect(drain(p, 4)).toEqual([2, 0, 3, 1]);
  });
});
