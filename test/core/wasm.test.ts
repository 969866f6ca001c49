import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { instantiateWasm } from '../../src/core/wasm.js';

/** A module's bytes as base64, assembled from its text. */
async function base64Of(wat: string): Promise<string> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('test.wat', wat);
  const bytes = parsed.toBinary({}).buffer;
  parsed.destroy();
  return Buffer.from(bytes).toString('base64');
}

describe('instantiateWasm', () => {
  it('instantiates base64 bytes with their imports and returns the exports', async () => {
    const base64 = await base64Of(`(module
      (import "env" "offset" (func $offset (result i32)))
      (func (export "add") (param i32 i32) (result i32)
        (i32.add (i32.add (local.get 0) (local.get 1)) (call $offset))))`);
    const exports = (await instantiateWasm(base64, { env: { offset: () => 100 } })) as { add(a: number, b: number): number };
    expect(exports.add(2, 3)).toBe(105);
  });

  it('needs no imports for a module that has none', async () => {
    const exports = (await instantiateWasm(await base64Of('(module (func (export "seven") (result i32) (i32.const 7)))'))) as { seven(): number };
    expect(exports.seven()).toBe(7);
  });

  it('rejects a module whose imports are missing', async () => {
    const base64 = await base64Of('(module (import "env" "f" (func)))');
    await expect(instantiateWasm(base64, {})).rejects.toThrow();
  });
});
