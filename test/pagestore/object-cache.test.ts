import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectCache } from '../../src/pagestore/object-cache.js';
import { PageStore } from '../../src/pagestore/page-store.js';
import { naiveCache } from './reference-policies.js';

const POLICIES = ['lru', 'fifo', 'lfu', 'sieve'] as const;

describe('ObjectCache against naive reference caches', () => {
  it.each(POLICIES)('%s: same hits and misses on random traces with random sizes', (policy) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        (trace, capacity) => {
          // An object keeps one size (as in oracleGeneral traces); the first size seen is its size.
          const sizeOf = new Map<number, number>();
          const cache = new ObjectCache(capacity, policy);
          const ref = naiveCache(policy, capacity);
          for (const [id, s] of trace) {
            if (!sizeOf.has(id)) sizeOf.set(id, s);
            const size = sizeOf.get(id)!;
            expect(cache.request(0, id, size)).toBe(ref.request(id, size));
          }
          expect(cache.misses).toBe(ref.misses);
          expect(cache.missBytes).toBe(ref.missBytes);
          expect(cache.occupiedBytes).toBeLessThanOrEqual(capacity);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the cached size on a hit, refuses objects larger than the cache, and fits one exactly as large', () => {
    const c = new ObjectCache(10, 'lru');
    expect(c.request(0, 1, 4)).toBe(false);
    expect(c.request(0, 1, 9)).toBe(true);
    expect(c.occupiedBytes).toBe(4);
    expect(c.request(0, 2, 11)).toBe(false);
    expect(c.contains(0, 2)).toBe(false);
    expect(c.occupiedBytes).toBe(4);
    expect(c.request(0, 3, 10)).toBe(false);
    expect(c.contains(0, 3)).toBe(true);
    expect(c.contains(0, 1)).toBe(false);
    expect(c.stats()).toMatchObject({ requests: 4, hits: 1, misses: 3, requestBytes: 34, hitBytes: 9, missBytes: 25, evictions: 1, objects: 1 });
  });

  it('tells 64-bit ids apart by both halves and survives heavy churn (index deletions)', () => {
    const c = new ObjectCache(1000, 'fifo', { expectedObjects: 4 });
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 2000; i++) c.request(i % 7, (i * 2654435761) >>> 0, 1);
    }
    expect(c.objects).toBe(1000);
    let present = 0;
    for (let i = 0; i < 2000; i++) if (c.contains(i % 7, (i * 2654435761) >>> 0)) present++;
    expect(present).toBe(1000);
    expect(c.contains(99, (1 * 2654435761) >>> 0)).toBe(false);
  });

  it('resize evicts down; clear empties and keeps statistics', () => {
    const c = new ObjectCache(100, 'lru');
    for (let i = 0; i < 10; i++) c.request(0, i, 10);
    c.resize(35);
    expect(c.objects).toBe(3);
    expect(c.occupiedBytes).toBe(30);
    c.clear();
    expect(c.objects).toBe(0);
    expect(c.requests).toBe(10);
    expect(c.request(0, 9, 10)).toBe(false);
  });
});

describe('PageStore', () => {
  it('splits reads into pages and caches the last page at its real length', () => {
    const ps = new PageStore({ capacityBytes: 10 * 1024 * 1024, pageSizeBytes: 1024 * 1024, policy: 'lru' });
    const size = 2.5 * 1024 * 1024;
    expect(ps.read(7, 0, size, size)).toBe(0);
    expect(ps.stats().objects).toBe(3);
    expect(ps.stats().occupiedBytes).toBe(size);
    expect(ps.read(7, 0, size, size)).toBe(size);
    expect(ps.access(7, 1)).toBe('hit');
    expect(ps.access(8, 0)).toBe('miss');
  });

  it('uses at most 64 bytes of memory per cached page, for every policy', () => {
    for (const policy of POLICIES) {
      const pages = 100_000;
      const ps = new PageStore({ capacityBytes: pages * 4096, pageSizeBytes: 4096, policy });
      for (let i = 0; i < pages * 2; i++) ps.access(i % 1000, Math.floor(i / 1000));
      expect(ps.stats().objects).toBe(pages);
      expect(ps.cache.byteSize() / pages).toBeLessThanOrEqual(64);
    }
  });
});
