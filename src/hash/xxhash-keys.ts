/**
 * xxHash of keys on the hot path: ring-sim's own small WebAssembly module (src/hash/xxhash-keys.wat) hashes a
 * key's UTF-8 bytes, encoded straight into its memory.
 * - xxh64 with no BigInt: the 64-bit hash is left in memory and read as two 32-bit halves. xxhash-wasm's `h64`
 *   computes the same hash but returns a fresh BigInt on every call; the same function written in 32-bit
 *   JavaScript (each 64-bit product from 16-bit limbs) measured 5–7× slower than this module on 56–99 byte
 *   keys, slower than xxhash-wasm itself.
 * - xxh32, returned as a number: about 20 ns a key faster here than the same function in JavaScript
 *   (xxh32-words.ts), whose every load is bounds-checked.
 * Tested equal to xxhash-wasm's `h64` and `h32` for every length up to 300 bytes and random seeds.
 *
 * One key at a time: `encodeKey` (or `encodeBytes`), then `xxh32Encoded`, or `hashEncodedKey` (as often as
 * needed, e.g. once per seed) and `hashHigh` / `hashLow`.
 */
import { XXHASH_KEYS_WASM_BASE64 } from './xxhash-keys-bytes.js';
import { LITTLE_ENDIAN } from './endian.js';
import { instantiateWasm, type WasmMemory } from '../core/wasm.js';

interface XxhashKeysExports {
  memory: WasmMemory;
  xxh64(length: number, seedHigh: number, seedLow: number): void;
  xxh32(length: number, seed: number): number;
}

/** The key's bytes start here; the hash is stored at [0, 8). */
const KEY_OFFSET = 8;
const PAGE = 65536;

const wasm = (await instantiateWasm(XXHASH_KEYS_WASM_BASE64)) as XxhashKeysExports;
const encoder = new TextEncoder();

/** Views of the module's memory (made again when it grows: growing detaches the old buffer). */
let keyBytes = new Uint8Array(wasm.memory.buffer, KEY_OFFSET);
let words = new Int32Array(wasm.memory.buffer, 0, 2);
let view = new DataView(wasm.memory.buffer, 0, 8);

/**
 * The module's memory and its xxh64, for a WebAssembly module of a higher layer to import (as "hash" "memory"
 * and "hash" "xxh64"), so that it hashes the key `encodeKey` left there without a call back into JavaScript
 * (ring/jump-keys.wat does). xxh64(length, seedHigh, seedLow) stores the hash little-endian at [0, 8).
 */
export const xxh64Imports: { readonly memory: WasmMemory; readonly xxh64: XxhashKeysExports['xxh64'] } = {
  memory: wasm.memory,
  xxh64: wasm.xxh64,
};

/** Encodes `key` as UTF-8 (lone surrogates as U+FFFD, as xxhash-wasm and TextEncoder do) into the module's
 * memory; returns its length in bytes. */
export function encodeKey(key: string): number {
  if (key.length * 3 > keyBytes.length) grow(key.length * 3);
  return encoder.encodeInto(key, keyBytes).written;
}

/** Copies raw `bytes` into the module's memory in place of a key; returns their length. */
export function encodeBytes(bytes: Uint8Array): number {
  if (bytes.length > keyBytes.length) grow(bytes.length);
  keyBytes.set(bytes);
  return bytes.length;
}

function grow(bytes: number): void {
  const needed = Math.ceil((KEY_OFFSET + bytes) / PAGE) - wasm.memory.buffer.byteLength / PAGE;
  if (needed > 0) wasm.memory.grow(needed);
  keyBytes = new Uint8Array(wasm.memory.buffer, KEY_OFFSET);
  words = new Int32Array(wasm.memory.buffer, 0, 2);
  view = new DataView(wasm.memory.buffer, 0, 8);
}

/** xxh64 of the last encoded key's `length` bytes with the 64-bit seed (seedHigh, seedLow). */
export function hashEncodedKey(length: number, seedHigh = 0, seedLow = 0): void {
  wasm.xxh64(length, seedHigh, seedLow);
}

/** xxh32 of the last encoded key's `length` bytes with `seed`, as an unsigned 32-bit number. */
export function xxh32Encoded(length: number, seed = 0): number {
  return wasm.xxh32(length, seed) >>> 0;
}

/** The high 32 bits of the last hash, as an int32. */
export function hashHigh(): number {
  return LITTLE_ENDIAN ? words[1] : view.getInt32(4, true);
}

/** The low 32 bits of the last hash, as an int32. */
export function hashLow(): number {
  return LITTLE_ENDIAN ? words[0] : view.getInt32(0, true);
}
