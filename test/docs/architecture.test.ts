/**
 * docs/architecture.md's map is tested: every path it names exists, and every file under src/ is named in it,
 * so a newcomer's map can neither point at a file that moved nor miss one that was added.
 *
 * Resolution: a backticked name starting with a top-level folder (`src/`, `test/`, `bench/`, `viz/`, `scripts/`,
 * `examples/`, `docs/`, `dist/`: the suite runs after the build) is from the checkout's root; a bare name (`ketama.ts`, `workload/path-catalog.ts`) is in
 * the folder of the last path named before it in the same line. `<name>` patterns and globs are skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ROOTED = /^(src|test|bench|viz|scripts|examples|docs|dist)\//;
const FILE = /\.(ts|js|mjs|cjs|wat|md|json|yaml)$/;

/** The files and folders one line of the doc names, resolved from the root. */
export function namedPaths(line: string): string[] {
  const out: string[] = [];
  let dir = '';
  for (const [, token] of line.matchAll(/`([^`\s]+)`/g)) {
    const name = token.replace(/[:,.]$/, '');
    if (ROOTED.test(name)) dir = name.endsWith('/') ? name : name.slice(0, name.lastIndexOf('/') + 1);
    if (/[<>*]/.test(name)) continue;
    if (ROOTED.test(name)) out.push(name.replace(/\/$/, ''));
    else if (dir && FILE.test(name)) out.push(dir + name);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(root + dir).flatMap((f) => {
    const path = `${dir}/${f}`;
    return statSync(root + path).isDirectory() ? filesUnder(path) : [path];
  });
}

const doc = readFileSync(`${root}docs/architecture.md`, 'utf8');
const named = doc.split('\n').flatMap(namedPaths);

describe('docs/architecture.md', () => {
  it('resolves bare names in the folder of the path before them', () => {
    expect(namedPaths('| x | `src/ring/<name>.ts`: `ring.ts`, `jump.ts` (+ `workload/a.ts`); `scripts/b.mjs` |')).toEqual([
      'src/ring/ring.ts',
      'src/ring/jump.ts',
      'src/ring/workload/a.ts',
      'scripts/b.mjs',
    ]);
  });
  it('names only paths that exist', () => {
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((p) => !existsSync(root + p))).toEqual([]);
  });
  it('names every source file', () => {
    const known = new Set(named);
    expect(filesUnder('src').filter((f) => !known.has(f))).toEqual([]);
  });
});
