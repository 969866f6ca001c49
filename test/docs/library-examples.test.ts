/**
 * Runs every ```js block of docs/library.md as its own ES module, importing 'ring-sim' through the package's
 * self-reference (so it exercises the built package exactly as a user would).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/library.md`, 'utf8');
const blocks = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/library.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThan(5));
  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs', (i, code) => {
    const dir = `${root}test-artifacts/doc-examples`;
    mkdirSync(dir, { recursive: true });
    const file = `${dir}/library-${i}.mjs`;
    writeFileSync(file, code);
    execFileSync(process.execPath, [file], { stdio: 'pipe' });
  });
});
