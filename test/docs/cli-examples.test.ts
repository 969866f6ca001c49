/**
 * docs/cli.md shows real output: every `$ npx ring-sim ...` line in a ```console block is run against the built CLI
 * and its output (stdout then stderr, trailing spaces trimmed) must equal the text printed under it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/cli.md`, 'utf8');
const examples = [...doc.matchAll(/```console\n([\s\S]*?)```/g)].flatMap((m) =>
  m[1]
    .split(/^\$ /m)
    .filter((part) => part.length > 0)
    .map((part) => {
      const nl = part.indexOf('\n');
      return { command: part.slice(0, nl), expected: part.slice(nl + 1) };
    }),
);

const tidy = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();

describe('docs/cli.md examples', () => {
  it('has an example of every command', () => {
    for (const command of ['locate', 'compare', 'capacity', 'cachesim', 'plan', 'simulate']) {
      expect(examples.some((e) => e.command.startsWith(`npx ring-sim ${command} `))).toBe(true);
    }
  });
  it.each(examples.map((e) => [e.command, e.expected] as const))('%s', (command, expected) => {
    const args = (command.match(/"[^"]*"|\S+/g) ?? []).slice(2).map((a) => a.replace(/^"|"$/g, ''));
    const run = spawnSync(process.execPath, [`${root}dist/cli/main.js`, ...args], { cwd: root, encoding: 'utf8' });
    expect(tidy(run.stdout + run.stderr)).toBe(tidy(expected));
  }, 60_000);
});
