/**
 * Alluxio's default page size (`alluxio.worker.page.store.page.size`), named once for every layer that needs it
 * (the page-store plan, the page caches, the manifest's ring settings, the CLI), and the page size the Enterprise
 * operator's chart writes when the AlluxioCluster sets none.

 * Alluxio's default page size (`alluxio.worker.page.store.page.size`) and eviction retries, named once for every layer that needs it
 * (the page-store plan, the page caches, the manifest's ring settings, the CLI).
 *
 * @example parseAlluxioSize(ALLUXIO_PAGE_SIZE) === BigInt(ALLUXIO_PAGE_SIZE_BYTES) // Alluxio sizes are binary
 */
import { formatBinary } from './units.js';

/** The default as Alluxio writes it (`1MB`, binary: 1 MiB). */
export const ALLUXIO_PAGE_SIZE = '1MB';
/** The default in bytes: 1 MiB. */
export const ALLUXIO_PAGE_SIZE_BYTES = 1024 * 1024;

/** The page size the Enterprise operator's chart presets in alluxio-site.properties (`4MB`, binary: 4 MiB). */
export const ALLUXIO_ENTERPRISE_PAGE_SIZE = '4MB';
export const ALLUXIO_ENTERPRISE_PAGE_SIZE_BYTES = 4 * 1024 * 1024;

/** Where each edition's default comes from (the guide gives neither). */
export const PAGE_SIZE_SOURCES = {
  enterprise:
    "the Enterprise operator chart's preset alluxio.worker.page.store.page.size=4MB, which spec.properties overrides (templates/helpers/_alluxio-site-properties.tpl of an unofficial copy, github.com/dodiadodia/alluxio-helm; the guide does not give it)",
  oss: "open-source Alluxio's default for alluxio.worker.page.store.page.size (PropertyKey; the guide does not give it)",
} as const;

export interface PageSizeDefault {
  /** As Alluxio writes it (`4MB`). */
  text: string;
  bytes: number;
  source: string;
}

/** The page size a worker runs with when nothing sets it: 4 MiB under the Enterprise operator, 1 MiB in open source. */
export function defaultPageSize(edition: 'enterprise' | 'oss'): PageSizeDefault {
  return edition === 'enterprise'
    ? { text: ALLUXIO_ENTERPRISE_PAGE_SIZE, bytes: ALLUXIO_ENTERPRISE_PAGE_SIZE_BYTES, source: PAGE_SIZE_SOURCES.enterprise }
    : { text: ALLUXIO_PAGE_SIZE, bytes: ALLUXIO_PAGE_SIZE_BYTES, source: PAGE_SIZE_SOURCES.oss };
}

/** The assumption line a report prints when nothing set the page size. */
export function pageSizeDefaultAssumption(edition: 'enterprise' | 'oss'): string {
  const d = defaultPageSize(edition);
  return `page size not set: ${d.text} (${formatBinary(d.bytes)}), ${d.source}`;
}

/**
 * `alluxio.worker.page.store.eviction.retries`' default: a put that does not fit tries again up to 10 more times,
 * evicting one page each time (`CacheManagerOptions.createForWorker` reads the property into
 * `LocalCacheManager`'s `getMaxEvictionRetries()`, core/client/fs/src/main/java/alluxio/client/file/cache/).
 */
export const ALLUXIO_EVICTION_RETRIES = 10;
