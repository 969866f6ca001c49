/**
 * MD5, from node:crypto. Used only where compatibility needs it: libketama's continuum and key hash, and
 * Alluxio's name-based (version 3) UUIDs.
 */
import { createHash } from 'node:crypto';

/** The 16-byte MD5 digest of the UTF-8 bytes of `text` (lone surrogates as U+FFFD, as Node encodes). */
export function md5(text: string | Uint8Array): Buffer {
  return createHash('md5').update(text).digest();
}

/** libketama's `ketama_hashi`: the first four digest bytes as a little-endian uint32. */
export function ketamaHash(text: string): number {
  const d = md5(text);
  return (d[0] | (d[1] << 8) | (d[2] << 16) | (d[3] << 24)) >>> 0;
}
