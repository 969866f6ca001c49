import { describe, expect, it } from 'vitest';
import { SievePolicy } from '../../../src/pagestore/eviction/sieve.js';
import { drain } from './order.js';

describe('SievePolicy', () => {
  it('passes over a visited slot once (clearing its bit) and evicts the first unvisited from the tail', () => {
    const p = new SievePolicy(4);
    for (const s of [0, 1, 2]) p.inserted(s);
    p.hit(0);
    expect(p.evict()).toBe(1);
    // The hand stays where it stopped: 2 is next, then 0 (its bit was cleared on the first pass).
    expect(drain(p, 2)).toEqual([2, 0]);
  });

  it('moves the hand off a removed slot; a new slot enters unvisited', () => {
    const p = new SievePolicy(2);
    p.inserted(0);
    p.inserted(1);
    p.hit(0);
    p.hit(1);
    p.grow(4);
    p.inserted(3);
    p.removed(3);
    expect(drain(p, 2)).toEqual([0, 1]);
    expect(p.byteSize()).toBe(2 * 4 * 4 + 4);
  });
});
