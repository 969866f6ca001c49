import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingSimError } from '../../src/core/errors.js';
import { pageStoreDirIndex } from '../../src/pagestore/hash-allocator.js';
import { PageStore } from '../../src/pagestore/page-store.js';
import { PageStoreDirs } from '../../src/pagestore/page-store-dirs.js';

const MiB = 2 ** 20;

describe('PageStoreDirs', () => {
  it('with one directory behaves exactly as PageStore (every access, every counter), for every policy', () => {
    for (const policy of ['lru', 'fifo', 'lfu', 'sieve']) {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 5 * MiB })), { maxLength: 200 }),
          fc.integer({ min: 0, max: 12 }),
          (reads, pages) => {
            const pooled = new PageStore({ capacityBytes: pages * MiB, policy });
            const dirs = new PageStoreDirs({ dirs: [{ capacityBytes: pages * MiB }], policy });
            for (const [file, size] of reads) {
              expect(dirs.dirOf(`s3://b/f${file}`)).toBe(0);
              expect(dirs.readFile(0, file, size)).toBe(pooled.readFile(file, size));
              expect(dirs.lastHitBytes).toBe(pooled.lastHitBytes);
              expect(dirs.access(0, file, 0)).toBe(pooled.access(file, 0));
            }
            expect(dirs.dirStats()).toEqual([pooled.stats()]);
          },
        ),
        { seed: 30, numRuns: 40 },
      );
    }
  });

  it('evicts per directory: a hand-computed replay where two 2-page LRU directories miss more than one pooled 4-page LRU', () => {
    // Directory indices from the Java vectors (test/pagestore/hash-allocator.test.ts): with 2 directories,
    // /local/path, file:///tmp/cache and relative/dir go to directory 0, s3://bucket/data/part-0.parquet to 1.
    const paths = ['/local/path', 'file:///tmp/cache', 'relative/dir', 's3://bucket/data/part-0.parquet'];
    expect(paths.map((p) => pageStoreDirIndex(p, 2))).toEqual([0, 0, 0, 1]);
    const dirs = new PageStoreDirs({ dirs: [{ capacityBytes: 2 * MiB }, { capacityBytes: 2 * MiB }], policy: 'lru' });
    const pooled = new PageStore({ capacityBytes: 4 * MiB, policy: 'lru' });
    const dirOf = paths.map((p) => dirs.dirOf(p)); // one hash per file, not per page
    // One-page files A B C A D. Directory 0 holds 2 pages: A, B, then C evicts A, then A evicts B: 4 misses, then D
    // misses in directory 1 (which had room all along). Pooled: A B C miss, A hits, D misses.
    const trace = [0, 1, 2, 0, 3];
    const perDir = trace.map((f) => dirs.access(dirOf[f], f, 0));
    const pool = trace.map((f) => pooled.access(f, 0));
    expect(perDir).toEqual(['miss', 'miss', 'miss', 'miss', 'miss']);
    expect(pool).toEqual(['miss', 'miss', 'miss', 'hit', 'miss']);
    const [d0, d1] = dirs.dirStats();
    expect([d0.misses, d0.evictions, d0.occupiedBytes, d0.objects]).toEqual([4, 2, 2 * MiB, 2]);
    expect([d1.misses, d1.evictions, d1.occupiedBytes, d1.objects]).toEqual([1, 0, MiB, 1]);
    expect(pooled.stats().evictions).toBe(0);
    expect(dirs.capacityBytes).toBe(4 * MiB);
    dirs.clear();
    expect(dirs.dirStats().map((s) => s.objects)).toEqual([0, 0]);
  });

  it('rejects bad directories with a RingSimError naming the field', () => {
    expect(() => new PageStoreDirs({ dirs: [] })).toThrowError(/^pagestore\.dirs: /);
    expect(() => new PageStoreDirs({ dirs: [{ capacityBytes: MiB }, { capacityBytes: -1 }] })).toThrowError(/^pagestore\.dirs\[1\]\.size: /);
    expect(() => new PageStoreDirs({ dirs: [{ capacityBytes: 1.5 }] })).toThrowError(RingSimError);
    const dirs = new PageStoreDirs({ dirs: [{ capacityBytes: MiB }] });
    expect(() => dirs.access(1, 0, 0)).toThrowError(/^dir: /);
  });
});
