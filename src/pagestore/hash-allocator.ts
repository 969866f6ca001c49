/**
 * Which page-store directory a file's pages go to, as Alluxio's worker chooses it.
 * - File id: `new AlluxioURI(ufsFullPath).hash()` (dora/core/server/worker/.../dora/PagedDoraWorker.java), the
 *   lowercase hex SHA-256 of the URI's string form (`AlluxioURI.hash(String)`: `MessageDigest("SHA-256")` over
 *   `uri.getBytes()`, hex via commons-codec), dora/core/common/src/main/java/alluxio/AlluxioURI.java; the string
 *   form is `alluxioUriString` (./alluxio-uri.ts). `getBytes()` uses the JVM's default charset: UTF-8 is
 *   assumed (the default from JDK 18, and Alluxio's images run with a UTF-8 locale); a lone surrogate encodes as
 *   `?`, as Java writes it.
 * - Directory: `HashAllocator.allocate(fileId)` = `dirs.get(Math.floorMod(murmur3_32_fixed().hashString(fileId,
 *   UTF_8).asInt(), dirs.size()))` (core/client/fs/src/main/java/alluxio/client/file/cache/allocator/
 *   HashAllocator.java): the signed 32-bit Guava murmur3 of the 64 hex digits, floor-modulo the directory count.
 *   The index is into the directories in the order `alluxio.worker.page.store.dirs` lists them.
 *
 * @example
 *   alluxioFileId('s3://bucket/data/part-0.parquet'); // 64 hex digits
 *   pageStoreDirIndex('s3://bucket/data/part-0.parquet', 2); // 0 or 1
 */
import { RingSimError } from '../core/errors.js';
import { murmur3String, murmur3x86_32Words } from '../hash/murmur3.js';
import { Sha256, sha256Hex } from '../hash/sha256.js';
import { KeyBuffer, utf8Bytes } from '../hash/utf8.js';
import { alluxioUriString } from './alluxio-uri.js';

/** `fileIdHash`'s reused buffers: the URI's UTF-8, the hasher, and the file id's 64 hex digits (with a word view). */
const uriBytes = new KeyBuffer();
const sha = new Sha256();
const fileIdDigits = new Uint8Array(64);
const fileIdWords = new Int32Array(fileIdDigits.buffer);

/** The file id Alluxio's page store keys a file's pages by: SHA-256 hex of its normalized URI string. */
export function alluxioFileId(ufsPath: string): string {
  return sha256Hex(utf8Bytes(alluxioUriString(ufsPath), 'java'));
}

/** `HashAllocator`'s choice for a file id: floorMod(murmur3_32_fixed(fileId).asInt(), dirCount). */
export function dirIndexOfFileId(fileId: string, dirCount: number): number {
  checkDirCount(dirCount);
  const hash = murmur3String(fileId);
  return ((hash % dirCount) + dirCount) % dirCount;
}

/**
 * The signed murmur3 of the file's Alluxio file id: what `HashAllocator` reduces floor-modulo the directory count.
 * Equal to `murmur3String(alluxioFileId(ufsPath))`, without the id's string: the URI is encoded into a reused
 * buffer, digested in place, and its hex digits (ASCII, so their UTF-8 is themselves) hashed from a reused buffer.
 */
export function fileIdHash(ufsPath: string): number {
  const length = uriBytes.encode(alluxioUriString(ufsPath), 'java', 0);
  sha.digest(uriBytes.bytes, length);
  sha.writeHex(fileIdDigits, 0);
  return murmur3x86_32Words(fileIdWords, fileIdDigits, 64);
}

/** The index of the page-store directory (0-based, in `alluxio.worker.page.store.dirs` order) that holds the file. */
export function pageStoreDirIndex(ufsPath: string, dirCount: number): number {
  checkDirCount(dirCount);
  return dirIndexOfFileId(alluxioFileId(ufsPath), dirCount);
}

function checkDirCount(dirCount: number): void {
  if (typeof dirCount !== 'number' || !Number.isInteger(dirCount) || dirCount < 1 || dirCount > 2147483647) {
    throw new RingSimError(
      'dirCount',
      dirCount,
      'is not a whole number of page-store directories from 1 to 2147483647',
      'give the number of pagestore.size entries, e.g. 2',
    );
  }
}
