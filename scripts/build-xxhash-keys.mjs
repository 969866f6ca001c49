#!/usr/bin/env node
// Assembles src/hash/xxhash-keys.wat (WebAssembly text, ring-sim's own) into src/hash/xxhash-keys-bytes.ts.
// Run after editing the .wat: node scripts/build-xxhash-keys.mjs (test/hash/xxhash-keys.test.ts checks the two agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const watPath = fileURLToPath(new URL('../src/hash/xxhash-keys.wat', import.meta.url));
const outPath = fileURLToPath(new URL('../src/hash/xxhash-keys-bytes.ts', import.meta.url));

/** The module's bytes, assembled from the text. */
export async function assembleXxhashKeys() {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('xxhash-keys.wat', readFileSync(watPath, 'utf8'));
  parsed.validate();
  const bytes = parsed.toBinary({}).buffer;
  parsed.destroy();
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const base64 = Buffer.from(await assembleXxhashKeys()).toString('base64');
  writeFileSync(outPath, `/** src/hash/xxhash-keys.wat assembled by scripts/build-xxhash-keys.mjs (do not edit: edit the .wat and re-run it). */\nexport const XXHASH_KEYS_WASM_BASE64 =\n  '${base64}';\n`);
  console.log(`wrote ${outPath}`);
}
