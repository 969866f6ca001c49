/**
 * Instantiating ring-sim's own small WebAssembly modules (assembled from their `.wat` text by
 * `scripts/build-wasm.mjs` and embedded as base64), in Node and in a browser alike.
 *
 * @example
 *   const exports = (await instantiateWasm(BYTES_BASE64, { hash: { memory, xxh64 } })) as MyExports;
 */

/** A WebAssembly memory, as far as ring-sim uses one. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The one WebAssembly call made here (the project's TypeScript libraries do not declare WebAssembly). */
interface WebAssemblyApi {
  instantiate(bytes: Uint8Array, imports?: object): Promise<{ instance: { exports: unknown } }>;
}

/** The module encoded as `base64`, instantiated with `imports`; returns its exports (the caller types them). */
export async function instantiateWasm(base64: string, imports?: object): Promise<unknown> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  const { instance } = await api.instantiate(bytes, imports);
  return instance.exports;
}
