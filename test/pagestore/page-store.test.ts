import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageStore } from '../../src/pagestore/page-store.js';

const MiB = 2 ** 20;

describe('PageStore', () => {
  it('reads a file page by page: a miss caches the page, the next read hits', () => {
    const s = new PageStore({ capacityBytes: 64 * MiB });
    expect(s.pageSizeBytes).toBe(MiB);
    expect(s.readFile(7, 2.5 * MiB)).toBe(0);
    expect(s.lastHitBytes).toBe(0);
    expect(s.readFile(7, 2.5 * MiB)).toBe(3);
    expect(s.lastHitBytes).toBe(2.5 * MiB);
    // The last page holds only what is left of the file.
    expect(s.stats()).toMatchObject({ requests: 6, hits: 3, misses: 3, occupiedBytes: 2.5 * MiB, objects: 3 });
  });

  it('keys pages by file and page index', () => {
    const s = new PageStore({ capacityBytes: 8 * MiB, pageSizeBytes: MiB });
    expect(s.access(1, 0)).toBe('miss');
    expect(s.access(1, 0)).toBe('hit');
    expect(s.access(1, 1)).toBe('miss');
    expect(s.access(2, 0)).toBe('miss');
  });

  it('reads a byte range over the pages it touches, caching whole pages', () => {
    const s = new PageStore({ capacityBytes: 16 * MiB, pageSizeBytes: MiB });
    const size = 3 * MiB + 100;
    expect(s.read(1, MiB / 2, MiB, size)).toBe(0); // pages 0 and 1
    expect(s.stats().occupiedBytes).toBe(2 * MiB);
    expect(s.read(1, 0, size, size)).toBe(2 * MiB); // pages 0 and 1 hit, 2 and 3 miss
    expect(s.stats().occupiedBytes).toBe(size);
    expect(s.read(1, 3 * MiB, 1000, size)).toBe(100); // the range stops at the end of the file
  });

  it('evicts least recently used pages past its capacity, and can be resized and cleared', () => {
    const s = new PageStore({ capacityBytes: 2 * MiB, pageSizeBytes: MiB, policy: 'lru' });
    s.access(1, 0);
    s.access(2, 0);
    s.access(1, 0); // file 2 is now least recently used
    s.access(3, 0);
    expect(s.access(1, 0)).toBe('hit');
    expect(s.access(2, 0)).toBe('miss');
    expect(s.stats().evictions).toBe(2);
    s.resize(MiB);
    expect(s.capacityBytes).toBe(MiB);
    expect(s.stats().occupiedBytes).toBeLessThanOrEqual(MiB);
    s.clear();
    expect(s.stats().objects).toBe(0);
  });

  it('refuses a page size that is not a positive whole number of bytes', () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => new PageStore({ capacityBytes: MiB, pageSizeBytes: bad })).toThrow(/^pageSize: a page size must be a positive whole number of bytes/);
  });

  it('a second read of any file that fits hits every byte, and never holds more than its capacity (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 * 1024 }),
        fc.integer({ min: 512, max: 8192 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }),
        (fileSize, pageSize, others) => {
          const capacity = 64 * 1024 + pageSize;
          const s = new PageStore({ capacityBytes: capacity, pageSizeBytes: pageSize });
          for (const f of others) s.readFile(100 + f, 3000);
          expect(s.stats().occupiedBytes).toBeLessThanOrEqual(capacity);
          s.readFile(1, fileSize);
          expect(s.readFile(1, fileSize)).toBe(Math.ceil(fileSize / pageSize));
          expect(s.lastHitBytes).toBe(fileSize);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe('PageStore: Alluxio eviction retries (a put evicts at most retries + 1 pages, one an attempt)', () => {
  const KiB = 1024;
  /** A 1 MiB store full of sixteen 64 KiB files (each a one-page file whose page is its last, short page). */
  function fullOfSmallPages(evictionRetries?: number): PageStore {
    const s = new PageStore({ capacityBytes: MiB, pageSizeBytes: MiB, policy: 'lru', evictionRetries });
    for (let f = 0; f < 16; f++) s.readFile(f, 64 * KiB);
    expect(s.stats()).toMatchObject({ occupiedBytes: MiB, objects: 16, evictions: 0 });
    return s;
  }

  it('gives up after 11 evictions with the default 10 retries: the page is not cached, the evicted pages stay evicted', () => {
    const s = fullOfSmallPages(10);
    // A 1 MiB page needs all 16 small pages out; 11 attempts evict 11 (704 KiB), then the put fails.
    expect(s.readFile(100, MiB)).toBe(0);
    expect(s.stats()).toMatchObject({ evictions: 11, evictedBytes: 11 * 64 * KiB, occupiedBytes: 5 * 64 * KiB, objects: 5 });
    expect(s.cache.failedInserts).toBe(1);
    // The next read of it misses again and now fits after the 5 left are evicted.
    expect(s.readFile(100, MiB)).toBe(0);
    expect(s.stats()).toMatchObject({ evictions: 16, occupiedBytes: MiB, objects: 1 });
    expect(s.readFile(100, MiB)).toBe(1);
    expect(s.cache.failedInserts).toBe(1);
  });

  it('evicts until the page fits without retries given (libCacheSim), and with 0 retries evicts one page a put', () => {
    const unbounded = fullOfSmallPages();
    expect(unbounded.readFile(100, MiB)).toBe(0);
    expect(unbounded.stats()).toMatchObject({ evictions: 16, occupiedBytes: MiB, objects: 1 });
    const once = fullOfSmallPages(0);
    once.readFile(100, MiB);
    expect(once.stats()).toMatchObject({ evictions: 1, objects: 15 });
    // A full page evicting full pages needs one eviction: retries change nothing there.
    const full = new PageStore({ capacityBytes: 2 * MiB, pageSizeBytes: MiB, policy: 'lru', evictionRetries: 0 });
    for (let f = 0; f < 5; f++) full.readFile(f, MiB);
    expect(full.stats()).toMatchObject({ evictions: 3, objects: 2 });
  });

  it('a page larger than the store evicts up to retries + 1 pages, then is refused (Alluxio finds no more victims or gives up)', () => {
    const s = new PageStore({ capacityBytes: 3 * MiB, pageSizeBytes: 4 * MiB, policy: 'lru', evictionRetries: 1 });
    for (let f = 0; f < 3; f++) s.readFile(f, MiB);
    expect(s.readFile(9, 4 * MiB)).toBe(0);
    expect(s.stats()).toMatchObject({ evictions: 2, objects: 1 });
    const lib = new PageStore({ capacityBytes: 3 * MiB, pageSizeBytes: 4 * MiB, policy: 'lru' });
    for (let f = 0; f < 3; f++) lib.readFile(f, MiB);
    expect(lib.readFile(9, 4 * MiB)).toBe(0);
    expect(lib.stats()).toMatchObject({ evictions: 0, objects: 3 });
  });

  it('reformat drops every page and reads in the new page size', () => {
    const s = new PageStore({ capacityBytes: 16 * MiB, pageSizeBytes: MiB });
    s.readFile(1, 4 * MiB);
    s.reformat(4 * MiB);
    expect(s.pageSizeBytes).toBe(4 * MiB);
    expect(s.stats().objects).toBe(0);
    expect(s.readFile(1, 4 * MiB)).toBe(0);
    expect(s.stats().objects).toBe(1);
    expect(() => s.reformat(0)).toThrow(/^pageSize: /);
    expect(() => new PageStore({ capacityBytes: MiB, evictionRetries: -1 })).toThrow(/^evictionRetries: /);
  });
});
