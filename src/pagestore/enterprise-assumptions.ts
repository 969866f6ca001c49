/**
 * Where Alluxio Enterprise's page store may differ from the open-source code ring-sim models, named once so that
 * docs/pagestore.md ("Enterprise differences") and the reports say the same. Cited facts live beside the code that
 * uses them (evictors: src/pagestore/eviction; page size: src/core/page-size.ts); these are the named assumptions.
 */

/** A worker with several page-store directories: one directory a file, as open source's `HashAllocator` picks it. */
export const DIRECTORY_CHOICE_ASSUMPTION =
  "page-store directories: every page of a file in one directory, the one open-source Alluxio's HashAllocator picks (floorMod(murmur3(file id), directories)); Enterprise's allocator is not published, so assumed the same: no file split over several directories (docs/pagestore.md, Enterprise differences)";
