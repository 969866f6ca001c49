#!/usr/bin/env node
// Assembles ring-sim's own WebAssembly text (src/hash/xxhash-keys.wat, src/ring/jump-keys.wat) into the TypeScript
// modules that embed it (xxhash-keys-bytes.ts, jump-keys-bytes.ts). Run after editing a .wat:
// node scripts/build-wasm.mjs (test/hash/xxhash-keys.test.ts and test/ring/jump-keys.test.ts check each pair agrees).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

/** Each module: its text, the TypeScript file that embeds it, and the constant holding its base64 bytes. */
export const WASM_MODULES = [
  { wat: 'src/hash/xxhash-keys.wat', out: 'src/hash/xxhash-keys-bytes.ts', name: 'XXHASH_KEYS_WASM_BASE64' },
  { wat: 'src/ring/jump-keys.wat', out: 'src/ring/jump-keys-bytes.ts', name: 'JUMP_KEYS_WASM_BASE64' },
];

const fromRoot = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The bytes of the module whose text is at `watPath` (relative to the project root). */
export async function assembleWat(watPath) {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(watPath, readFileSync(fromRoot(watPath), 'utf8'));
  parsed.validate();
  const bytes = parsed.toBinary({}).buffer;
  parsed.destroy();
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { wat, out, name } of WASM_MODULES) {
    const base64 = Buffer.from(await assembleWat(wat)).toString('base64');
    const text = `/** ${wat} assembled by scripts/build-wasm.mjs (do not edit: edit the .wat and re-run it). */\nexport const ${name} =\n  '${base64}';\n`;
    writeFileSync(`${fromRoot(out)}.tmp`, text);
    renameSync(`${fromRoot(out)}.tmp`, fromRoot(out));
    console.log(`wrote ${out}`);
  }
}
