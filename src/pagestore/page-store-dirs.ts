/**
 * A worker's page store as Alluxio runs it with several directories (`alluxio.worker.page.store.dirs`, one per
 * `pagestore.size` entry): not pooled. Each directory is a `PageStore` with its own capacity and its own evictor;
 * every page of a file goes to the directory `HashAllocator` picks for the file (`pageStoreDirIndex`), and a page
 * that does not fit its directory evicts from that directory only. With one directory it is today's `PageStore`
 * exactly (the same cache, the same calls).
 *
 * The directory is chosen once per file (`dirOf`: one SHA-256 and one murmur3 of the path), never per page: the
 * caller keeps the index and passes it to `access` / `readFile`.
 *
 * Sources: core/client/fs/src/main/java/alluxio/client/file/cache/allocator/HashAllocator.java (the choice);
 * each directory has its own evictor (`PageStoreDir.getEvictor()`, "the evictor of this dir",
 * core/client/fs/src/main/java/alluxio/client/file/cache/store/PageStoreDir.java). With `evictionRetries`
 * (`alluxio.worker.page.store.eviction.retries`) a put evicts at most retries + 1 pages of its own directory, one
 * a put attempt, and the page is not cached when it still does not fit (`LocalCacheManager.putInternal` and
 * `putAttempt`, core/client/fs/src/main/java/alluxio/client/file/cache/LocalCacheManager.java): in a
 * sequential replay this matters when the directory's coldest pages are small (the last pages of small files),
 * so that 11 of them free less than the page needs. Restore on restart is the cluster's (src/sim/cluster.ts).
 *
 * @example
 *   const store = new PageStoreDirs({ dirs: [{ capacityBytes: 10 * 2 ** 20 }, { capacityBytes: 10 * 2 ** 20 }] });
 *   const dir = store.dirOf('s3://bucket/data/part-0.parquet'); // 1
 *   store.readFile(dir, 7, 3 * 2 ** 20); // pages of file 7 read through directory 1
 */
import { RingSimError } from '../core/errors.js';
import type { CacheStats } from './object-cache.js';
import { pageStoreDirIndex } from './hash-allocator.js';
import { PageStore, type PageAccess } from './page-store.js';

export interface PageStoreDirsOptions {
  /** The directories, in configuration order (the order `HashAllocator` indexes). */
  dirs: readonly { capacityBytes: number }[];
  pageSizeBytes?: number;
  policy?: string;
  /** Alluxio's eviction retries (see `PageStoreOptions.evictionRetries`); absent: evict until the page fits. */
  evictionRetries?: number;
}

export class PageStoreDirs {
  readonly dirs: readonly PageStore[];

  constructor(options: PageStoreDirsOptions) {
    if (!Array.isArray(options.dirs) || options.dirs.length === 0) {
      throw new RingSimError('pagestore.dirs', options.dirs, 'needs at least one directory', 'give one { size } per page-store directory');
    }
    this.dirs = options.dirs.map((dir, i) => {
      if (!Number.isSafeInteger(dir?.capacityBytes) || dir.capacityBytes < 0) {
        throw new RingSimError(
          `pagestore.dirs[${i}].size`,
          dir?.capacityBytes,
          'is not a whole number of bytes',
          "give the directory's page-store size, e.g. 10Gi",
        );
      }
      return new PageStore({
        capacityBytes: dir.capacityBytes,
        pageSizeBytes: options.pageSizeBytes,
        policy: options.policy,
        evictionRetries: options.evictionRetries,
      });
    });
  }

  /** The page size every directory caches in. */
  get pageSizeBytes(): number {
    return this.dirs[0].pageSizeBytes;
  }

  /** The directory (0-based) Alluxio puts the file's pages in; one directory needs no hash. */
  dirOf(ufsPath: string): number {
    return this.dirs.length === 1 ? 0 : pageStoreDirIndex(ufsPath, this.dirs.length);
  }

  /** Reads page `pageIndex` of file `fileId` in directory `dir`. */
  access(dir: number, fileId: number, pageIndex: number, bytes?: number): PageAccess {
    return this.dir(dir).access(fileId, pageIndex, bytes);
  }

  /** Reads a whole file through directory `dir`; returns the pages that hit (`lastHitBytes`: their bytes). */
  readFile(dir: number, fileId: number, fileSize: number): number {
    const store = this.dir(dir);
    const hits = store.readFile(fileId, fileSize);
    this.lastHitBytes = store.lastHitBytes;
    return hits;
  }

  /** Bytes that hit in the last `readFile`. */
  lastHitBytes = 0;

  /** The capacity of all directories together. */
  get capacityBytes(): number {
    return this.dirs.reduce((sum, d) => sum + d.capacityBytes, 0);
  }

  /** Each directory's counters (occupancy, evictions), in directory order. */
  dirStats(): CacheStats[] {
    return this.dirs.map((d) => d.stats());
  }

  /** Loses every cached page of every directory. */
  clear(): void {
    for (const d of this.dirs) d.clear();
  }

  /** Drops every page of every directory and caches in pages of `pageSizeBytes` from now on (`PageStore.reformat`). */
  reformat(pageSizeBytes: number): void {
    for (const d of this.dirs) d.reformat(pageSizeBytes);
  }

  /** Bytes cached in all directories. */
  get occupiedBytes(): number {
    let c = 0;
    for (const d of this.dirs) c += d.cache.occupiedBytes;
    return c;
  }

  private dir(index: number): PageStore {
    const store = this.dirs[index];
    if (store === undefined) throw new RingSimError('dir', index, `is not a directory index (0-${this.dirs.length - 1})`, 'use the index dirOf gives');
    return store;
  }
}
