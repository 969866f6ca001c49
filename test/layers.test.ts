// The layer rules (.dependency-cruiser.cjs, docs/architecture.md) hold on src/, and a planted cross-import breaks them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = join(root, '.dependency-cruiser.cjs');

function cruise(cwd: string): { code: number; output: string } {
  const result = spawnSync(process.execPath, [depcruise, 'src', '--config', config, '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, output: result.stdout + result.stderr };
}

/**
 * A tree of tsconfig.json, the `planted` files and copies of the src/ files they import (`targets`): the rules
 * match on the paths of each import, so the rest of src/ need not be cruised again (the test above does that).
 */
function plantedTree(planted: Record<string, string>, targets: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ring-sim-layers-'));
  dirs.push(dir);
  cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  for (const path of targets) cpSync(join(root, path), join(dir, path), { recursive: true });
  for (const [path, text] of Object.entries(planted)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('layer rules', () => {
  it('src/ passes', () => {
    const { code, output } = cruise(root);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('fails when ring imports capacity, core imports ring, the library imports node: or the CLI, or a cycle', () => {
    const dir = plantedTree(
      {
        'src/ring/planted.ts': "import { parseQuantity } from '../capacity/quantity.js';\nexport const q = parseQuantity;\n",
        'src/core/planted.ts': "import { RingPlacement } from '../ring/ring.js';\nexport const r = RingPlacement;\n",
        'src/sim/planted.ts': "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
        'src/report/planted.ts': "import { run } from '../cli/run.js';\nexport const c = run;\n",
        'src/hash/planted-a.ts': "import { b } from './planted-b.js';\nexport const a = (): number => b() + 1;\n",
        'src/hash/planted-b.ts': "import { a } from './planted-a.js';\nexport const b = (): number => a() - 1;\n",
      },
      ['src/capacity/quantity.ts', 'src/ring/ring.ts', 'src/cli/run.ts'],
    );
    const { code, output } = cruise(dir);
    expect(code).not.toBe(0);
    expect(output).toMatch(/layer-ring: src\/ring\/planted\.ts → src\/capacity\/quantity\.ts/);
    expect(output).toMatch(/layer-core: src\/core\/planted\.ts → src\/ring\/ring\.ts/);
    expect(output).toMatch(/no-node-builtins-below-cli: src\/sim\/planted\.ts → /);
    expect(output).toMatch(/no-cli-below-cli: src\/report\/planted\.ts → src\/cli\/run\.ts/);
    expect(output).toMatch(/no-circular: src\/hash\/planted-[ab]\.ts → /);
  });
});
