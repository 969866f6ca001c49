/**
 * MD5, where compatibility needs it: libketama's continuum and key hash, and Alluxio's name-based (version 3)
 * UUIDs. Pure TypeScript (no node:crypto), so it runs in a browser too; tested equal to node:crypto.
 */
export { md5 } from './md5-words.js';

/**
 * libketama's `ketama_hashi`: the first four digest bytes as a little-endian uint32. Computed by the
 * allocation-free TypeScript MD5 in md5-words.ts (tested equal to node:crypto), about ten times faster than a
 * node:crypto call for a short key.
 */
export { md5FirstWord as ketamaHash } from './md5-words.js';
