/**
 * Jump consistent hash of a key in one WebAssembly call (src/ring/jump-keys.wat): xxh64 of the key that
 * `encodeKey` (hash/xxhash-keys.ts) left in that module's memory, then Guava's `Hashing.consistentHash` loop on
 * the 64-bit hash with native 64-bit arithmetic. Tested equal to `jumpConsistentHash` (the BigInt reference) for
 * every bucket count it takes, including keys built so that a step's quotient is a whole number.
 *
 * @example
 *   const bucket = jumpEncodedKey(encodeKey('s3://bucket/file'), 0, 1000); // as jumpConsistentHash(xxh64(key), 1000)
 */
import { JUMP_KEYS_WASM_BASE64 } from './jump-keys-bytes.js';
import { xxh64Imports } from '../hash/xxhash-keys.js';
import { instantiateWasm } from '../core/wasm.js';

interface JumpKeysExports {
  jumpKey(length: number, seedHigh: number, seedLow: number, buckets: number): number;
  jumpHash(high: number, low: number, buckets: number): number;
}

/** The largest bucket count the module is exact for (see jump-keys.wat); above it, ring/jump.ts's general loop. */
export const JUMP_KEYS_MAX_BUCKETS = 2 ** 21;

const wasm = (await instantiateWasm(JUMP_KEYS_WASM_BASE64, { hash: xxh64Imports })) as JumpKeysExports;

/**
 * The bucket in [0, buckets) of xxh64(the last encoded key's `length` bytes, seed `seed`), for
 * 1 <= buckets <= JUMP_KEYS_MAX_BUCKETS and 0 <= seed < 2^32.
 */
export function jumpEncodedKey(length: number, seed: number, buckets: number): number {
  return wasm.jumpKey(length, 0, seed, buckets);
}

/** The bucket in [0, buckets) of the 64-bit input (high, low: its 32-bit halves), buckets <= JUMP_KEYS_MAX_BUCKETS. */
export function jumpHash64(high: number, low: number, buckets: number): number {
  return wasm.jumpHash(high, low, buckets);
}
