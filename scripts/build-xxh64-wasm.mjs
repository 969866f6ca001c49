#!/usr/bin/env node
// Assembles src/hash/xxh64.wat (WebAssembly text, ring-sim's own) into src/hash/xxh64-wasm-bytes.ts.
// Run after editing the .wat: node scripts/build-xxh64-wasm.mjs (test/hash/xxh64-wasm.test.ts checks the two agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const watPath = fileURLToPath(new URL('../src/hash/xxh64.wat', import.meta.url));
const outPath = fileURLToPath(new URL('../src/hash/xxh64-wasm-bytes.ts', import.meta.url));

/** The module's bytes, assembled from the text. */
export async function assembleXxh64() {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('xxh64.wat', readFileSync(watPath, 'utf8'));
  parsed.validate();
  const bytes = parsed.toBinary({}).buffer;
  parsed.destroy();
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const base64 = Buffer.from(await assembleXxh64()).toString('base64');
  writeFileSync(outPath, `/** src/hash/xxh64.wat assembled by scripts/build-xxh64-wasm.mjs (do not edit: edit the .wat and re-run it). */\nexport const XXH64_WASM_BASE64 =\n  '${base64}';\n`);
  console.log(`wrote ${outPath}`);
}
