/**
 * `HashAllocator`'s choice of directory for the files of a replay, hashed once per file: the signed murmur3 of a
 * file's Alluxio file id (`fileIdHash`: one SHA-256 and one murmur3 of its UFS path) is kept per file number, and
 * the directory is that hash floor-modulo the worker's directory count. Workers with different directory counts
 * share the memo (the hash does not depend on the count). One directory needs no hash at all.
 *
 * @example
 *   const memo = new FileDirMemo((file) => `s3://bucket/data/part-${file}.parquet`);
 *   memo.dirOf(7, 2); // the directory (0 or 1) of file 7's pages; file 7's path is hashed once, here
 *   memo.hashes; // 1
 */
import { grown, grownCapacity } from '../core/typed-arrays.js';
import { fileIdHash } from './hash-allocator.js';

export class FileDirMemo {
  private hash = new Int32Array(0);
  private known = new Uint8Array(0);
  /** Files hashed so far (each once). */
  hashes = 0;
  /**
   * Files hashed by every memo in this process (for tests and bench/sections/pagestore-dirs.js, which count
   * hashes against files and pages through `simulate()`); incremented only when a file is first hashed.
   */
  static hashesInProcess = 0;

  /** `pathOf(file)`: the UFS path of file number `file` (the path the file id is taken from). */
  constructor(private readonly pathOf: (file: number) => string) {}

  /** The directory (0 … `dirCount` - 1) of file number `file`'s pages. */
  dirOf(file: number, dirCount: number): number {
    if (dirCount === 1) return 0;
    if (file >= this.known.length) {
      const size = grownCapacity(this.known.length, file + 1, 1024);
      this.hash = grown(this.hash, size);
      this.known = grown(this.known, size);
    }
    if (this.known[file] === 0) {
      this.hash[file] = fileIdHash(this.pathOf(file));
      this.known[file] = 1;
      this.hashes++;
      FileDirMemo.hashesInProcess++;
    }
    const h = this.hash[file];
    return ((h % dirCount) + dirCount) % dirCount;
  }
}
