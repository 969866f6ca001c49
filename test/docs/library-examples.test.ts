/**
 * docs/library.md's ```ts blocks are tested code twice over: all of them are type-checked together with
 * `tsc --strict` against the built package's declarations (each imports 'ring-sim' by its name, through the
 * package's self-reference, exactly as a user's code resolves it), then each runs as its own ES module (its types
 * stripped by esbuild, nothing else changed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/library.md`, 'utf8');
const blocks = [...doc.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].filter((m) => ['js', 'ts', 'typescript'].includes(m[1]));
const dir = `${root}test-artifacts/doc-examples`;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** A strict TypeScript project holding every example, resolving modules as Node does. */
function writeProject(): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  blocks.forEach((m, i) => writeFileSync(`${dir}/library-${i + 1}.ts`, m[2]));
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM'],
    types: ['node'],
    skipLibCheck: true,
  };
  writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ compilerOptions, include: ['*.ts'] }));
}

describe('docs/library.md examples', () => {
  beforeAll(writeProject);
  it('are all TypeScript (```ts), and there are several', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.map((m) => m[1]).filter((lang) => lang !== 'ts')).toEqual([]);
  });
  it('type-check under --strict against the package', () => {
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { stdio: 'pipe', cwd: dir });
    } catch (e) {
      out = String((e as { stdout?: Buffer }).stdout ?? e);
    }
    expect(out).toBe('');
  });
  it.each(blocks.map((_m, i) => i + 1))('example %i runs', (i) => {
    const code = transformSync(readFileSync(`${dir}/library-${i}.ts`, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' }).code;
    const file = `${dir}/library-${i}.mjs`;
    writeFileSync(file, code);
    execFileSync(process.execPath, [file], { stdio: 'pipe' });
  });
});
