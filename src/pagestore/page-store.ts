/**
 * One worker's page store: files are cached in pages of a fixed size (Alluxio's
 * `alluxio.worker.page.store.page.size`, 1 MiB by default), each page an object of the underlying cache keyed by
 * (file number, page index). The last page of a file holds only the file's remaining bytes.
 */
import { RingSimError } from '../core/errors.js';
import { ALLUXIO_EVICTION_RETRIES, ALLUXIO_PAGE_SIZE_BYTES } from '../core/page-size.js';
import { ObjectCache, type CacheStats } from './object-cache.js';

export interface PageStoreOptions {
  capacityBytes: number;
  pageSizeBytes?: number;
  policy?: string;
  /**
   * Alluxio's `alluxio.worker.page.store.eviction.retries` (its default: `ALLUXIO_EVICTION_RETRIES`): a missed
   * page that does not fit evicts at most retries + 1 pages, one a put attempt, and is not cached when it still
   * does not fit. Absent: evict until it fits (libCacheSim's rule, which differs only when the evicted pages are
   * small: the last pages of small files).
   */
  evictionRetries?: number;
}

export type PageAccess = 'hit' | 'miss';

export class PageStore {
  private pageSize: number;
  readonly cache: ObjectCache;

  constructor(options: PageStoreOptions) {
    const pageSize = checkPageSize(options.pageSizeBytes ?? ALLUXIO_PAGE_SIZE_BYTES);
    this.pageSize = pageSize;
    const retries = options.evictionRetries;
    if (retries !== undefined && (!Number.isSafeInteger(retries) || retries < 0)) {
      throw new RingSimError('evictionRetries', retries, 'must be a whole number of retries, 0 or more', `Alluxio's default is ${ALLUXIO_EVICTION_RETRIES}`);
    }
    const maxPages = Math.floor(options.capacityBytes / pageSize) + 1;
    this.cache = new ObjectCache(options.capacityBytes, options.policy ?? 'lru', {
      expectedObjects: Math.min(maxPages, 1 << 22),
      maxEvictionsPerInsert: retries === undefined ? undefined : retries + 1,
    });
  }

  /** The page size the store caches in (`alluxio.worker.page.store.page.size`). */
  get pageSizeBytes(): number {
    return this.pageSize;
  }

  /**
   * Drops every page and caches in pages of `pageSizeBytes` from now on: a worker restarted with another page
   * size keeps none of its pages (Alluxio's restore keeps only page files under the current page size's
   * directory, `LocalPageStoreDir`'s page pattern `root/pageSize/bucket/fileId/pageIndex`).
   */
  reformat(pageSizeBytes: number): void {
    this.pageSize = checkPageSize(pageSizeBytes);
    this.cache.clear();
  }

  /** Reads page `pageIndex` of file `fileId` (`bytes` of it, a full page by default). */
  access(fileId: number, pageIndex: number, bytes: number = this.pageSizeBytes): PageAccess {
    return this.cache.request(fileId >>> 0, pageIndex >>> 0, bytes) ? 'hit' : 'miss';
  }

  /**
   * Reads `length` bytes from `offset` of a file of `fileSize` bytes, page by page; returns the bytes that hit.
   * A missed page is cached whole (its full length: a page, or what is left of the file).
   */
  read(fileId: number, offset: number, length: number, fileSize: number): number {
    const ps = this.pageSizeBytes;
    let hitBytes = 0;
    const end = Math.min(offset + length, fileSize);
    for (let page = Math.floor(offset / ps); page * ps < end; page++) {
      const start = page * ps;
      const from = Math.max(offset, start);
      const to = Math.min(end, start + ps);
      const pageLength = Math.min(ps, fileSize - start);
      if (this.cache.request(fileId >>> 0, page, to - from, pageLength)) hitBytes += to - from;
    }
    return hitBytes;
  }

  /** Bytes that hit in the last `readFile`. */
  lastHitBytes = 0;

  /**
   * Reads a whole file of `fileSize` bytes, page by page (the last page holds what is left of the file), and
   * returns how many pages hit; `lastHitBytes` holds their bytes. A missed page is cached.
   */
  readFile(fileId: number, fileSize: number): number {
    const ps = this.pageSizeBytes;
    const pages = Math.ceil(fileSize / ps);
    const cache = this.cache;
    let hits = 0;
    let hitBytes = 0;
    for (let p = 0; p < pages; p++) {
      const len = p === pages - 1 ? fileSize - p * ps : ps;
      if (cache.request(fileId, p, len)) {
        hits++;
        hitBytes += len;
      }
    }
    this.lastHitBytes = hitBytes;
    return hits;
  }

  get capacityBytes(): number {
    return this.cache.capacityBytes;
  }

  resize(capacityBytes: number): void {
    this.cache.resize(capacityBytes);
  }

  /** Loses every cached page (a restart whose page store does not survive). */
  clear(): void {
    this.cache.clear();
  }

  stats(): CacheStats {
    return this.cache.stats();
  }
}

function checkPageSize(pageSize: number): number {
  if (!Number.isSafeInteger(pageSize) || pageSize <= 0) {
    throw new RingSimError(
      'pageSize',
      pageSize,
      'a page size must be a positive whole number of bytes',
      `Alluxio defaults to 1 MiB (${ALLUXIO_PAGE_SIZE_BYTES})`,
    );
  }
  return pageSize;
}
