import { describe, expect, it } from 'vitest';
import { createEvictionPolicy, EVICTION_POLICIES } from '../../../src/pagestore/eviction/index.js';

describe('the eviction policy table', () => {
  it('builds every listed policy by name (any case) and rejects others naming the choices', () => {
    for (const name of EVICTION_POLICIES) expect(createEvictionPolicy(name.toUpperCase(), 4).name).toBe(name);
    expect(() => createEvictionPolicy('arc', 4)).toThrow(/policy: unknown eviction policy.*use one of lru, fifo, lfu, sieve/);
  });
});
