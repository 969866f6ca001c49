/**
 * xxHash (Yann Collet) through the `xxhash-wasm` package: the default key hash of ring-sim's own
 * algorithms (`ring`, `jump`, …). The WebAssembly module is instantiated once when this module loads.
 */
import xxhashFactory from 'xxhash-wasm';

const api = await xxhashFactory();

/** xxh32 of the UTF-8 bytes of `text` (Unicode lone surrogates become U+FFFD); unsigned 32-bit result. */
export function xxh32(text: string, seed = 0): number {
  return api.h32(text, seed) >>> 0;
}

/** xxh32 of raw bytes; unsigned 32-bit result. */
export function xxh32Bytes(bytes: Uint8Array, seed = 0): number {
  return api.h32Raw(bytes, seed) >>> 0;
}

/** xxh64 of the UTF-8 bytes of `text`, as an unsigned 64-bit bigint. */
export function xxh64(text: string, seed = 0n): bigint {
  return api.h64(text, seed);
}

/** xxh64 of raw bytes, as an unsigned 64-bit bigint. */
export function xxh64Bytes(bytes: Uint8Array, seed = 0n): bigint {
  return api.h64Raw(bytes, seed);
}
