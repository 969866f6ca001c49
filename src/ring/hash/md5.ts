/**
 * MD5, from node:crypto. Used only where compatibility needs it: libketama's continuum and key hash, and
 * Alluxio's name-based (version 3) UUIDs.
 */
import { createHash } from 'node:crypto';

/** The 16-byte MD5 digest of the UTF-8 bytes of `text` (lone surrogates as U+FFFD, as Node encodes). */
export function md5(text: string | Uint8Array): Buffer {
  return createHash('md5').update(text).digest();
}

/**
 * libketama's `ketama_hashi`: the first four digest bytes as a little-endian uint32. Computed by the
 * allocation-free TypeScript MD5 in md5-words.ts (tested equal to node:crypto), about ten times faster than a
 * node:crypto call for a short key.
 */
export { md5FirstWord as ketamaHash } from './md5-words.js';
