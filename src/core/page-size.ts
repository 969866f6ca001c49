/**
 * Alluxio's default page size (`alluxio.worker.page.store.page.size`), named once for every layer that needs it
 * (the page-store plan, the page caches, the manifest's ring settings, the CLI).
 *
 * @example parseAlluxioSize(ALLUXIO_PAGE_SIZE) === BigInt(ALLUXIO_PAGE_SIZE_BYTES) // Alluxio sizes are binary
 */
/** The default as Alluxio writes it (`1MB`, binary: 1 MiB). */
export const ALLUXIO_PAGE_SIZE = '1MB';
/** The default in bytes: 1 MiB. */
export const ALLUXIO_PAGE_SIZE_BYTES = 1024 * 1024;
