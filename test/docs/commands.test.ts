/**
 * Docs are tested code: every `npx ring-sim ...` line in a ```sh or ```console block of README.md and docs/*.md
 * (with its `\` continuations joined) runs through the built CLI, in a scratch checkout (examples/ linked, ../shared
 * beside it), through `sh -c` so redirections and comments work as pasted.
 *
 * - Exit 0 or 1 passes; exit 2 only where a console block shows the `ring-sim: error:` line under the command.
 * - In a ```console block (`$ ` lines, then output) the output (stdout then stderr, trailing spaces trimmed) must
 *   equal what is shown; a line `[…]` in the shown output stands for any number of lines.
 * - A line with a `<PLACEHOLDER>` (angle brackets, capitals) is skipped: the reader supplies it.
 * - A line reading a live etcd (`--etcd URL`) runs as written against a real etcd holding the shipped export
 *   (test/docs/doc-etcd.ts): only its endpoints are rewritten to the suite's etcd (https ones to an etcd with TLS,
 *   client certificates and auth). Without etcd installed it is skipped, unless RING_SIM_REQUIRE_ETCD=1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etcdMissing, etcdRequired } from '../membership/etcd-server.js';
import { liveEtcd, startDocEtcd, type DocEtcd } from './doc-etcd.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const ELISION = '[…]';

interface DocCommand {
  where: string;
  command: string;
  /** The output a console block shows under the command; undefined in a sh block. */
  shown?: string;
  skip?: string;
}

interface Outcome {
  code: number | null;
  output: string;
}

const tidy = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

function joinContinuations(block: string): string[] {
  return block.replace(/\s*\\\n\s*/g, ' ').split('\n');
}

function skipReason(command: string): string | undefined {
  if (/<[A-Z][A-Z0-9_]*>/.test(command)) return 'needs a value the reader supplies (<PLACEHOLDER>)';
  if (liveEtcd(command) && etcdMissing && !etcdRequired) return 'reads a live etcd, and etcd is not installed (apt-get install etcd-server etcd-client)';
  return undefined;
}

function shCommands(where: string, block: string): DocCommand[] {
  return joinContinuations(block).flatMap((line) => {
    const at = line.indexOf('npx ring-sim ');
    if (at < 0) return [];
    const command = line.slice(at).trim();
    return [{ where, command, skip: skipReason(command) }];
  });
}

function consoleCommands(where: string, block: string): DocCommand[] {
  return block
    .split(/^\$ /m)
    .slice(1)
    .flatMap((part) => {
      const [first, ...rest] = joinContinuations(part);
      if (!first.startsWith('npx ring-sim ')) return [];
      return [{ where, command: first.trim(), shown: rest.join('\n'), skip: skipReason(first) }];
    });
}

/** Every ring-sim command of one markdown document, `where` naming the file and line of its block. */
export function docCommands(file: string, markdown: string): DocCommand[] {
  return [...markdown.matchAll(/^```(sh|console)\n([\s\S]*?)^```/gm)].flatMap((m) => {
    const where = `${file}:${markdown.slice(0, m.index).split('\n').length}`;
    return m[1] === 'sh' ? shCommands(where, m[2]) : consoleCommands(where, m[2]);
  });
}

/** Whether the printed lines match the shown ones, `[…]` lines matching any run of lines. */
function matchesShown(printed: string, shown: string): boolean {
  const segments = tidy(shown)
    .split(`\n${ELISION}\n`)
    .map((s) => s.split('\n'));
  const lines = tidy(printed).split('\n');
  let at = 0;
  for (const [i, segment] of segments.entries()) {
    const found = findSegment(lines, segment, at, i === 0, i === segments.length - 1);
    if (found < 0) return false;
    at = found + segment.length;
  }
  return at === lines.length;
}

function findSegment(lines: string[], segment: string[], from: number, anchored: boolean, last: boolean): number {
  const start = last ? Math.max(from, lines.length - segment.length) : from;
  for (let i = start; i <= lines.length - segment.length; i++) {
    if (segment.every((line, j) => lines[i + j] === line)) return i;
    if (anchored) return -1;
  }
  return -1;
}

/** Why a command's outcome contradicts its doc, or undefined when it agrees. */
export function verdict(doc: DocCommand, outcome: Outcome): string | undefined {
  const showsError = doc.shown?.includes('ring-sim: error:') ?? false;
  const allowed = showsError ? [2] : [0, 1];
  if (!allowed.includes(outcome.code ?? -1)) {
    return `exit ${outcome.code} (expected ${allowed.join(' or ')}): ${outcome.output.slice(-400)}`;
  }
  if (doc.shown !== undefined && !matchesShown(outcome.output, doc.shown)) {
    return `output differs from the transcript:\n${tidy(outcome.output)}`;
  }
  return undefined;
}

function run(command: string, cwd: string, env: Record<string, string> = {}): Promise<Outcome> {
  const script = command.replace(/^npx ring-sim /, `"${process.execPath}" "${cli}" `);
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', script], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, output: stdout + stderr }));
  });
}

/**
 * Runs the blocks two at a time (the CI machine has 2 cores), the commands of one block one after the other in
 * their order, so a block can use what its earlier commands wrote (`simulate --shard` parts, then `merge`).
 */
async function runAll(docs: DocCommand[], cwd: string, etcd: DocEtcd): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(docs.length);
  const byBlock = new Map<string, Array<{ d: DocCommand; i: number }>>();
  docs.forEach((d, i) => byBlock.set(d.where, [...(byBlock.get(d.where) ?? []), { d, i }]));
  const blocks = [...byBlock.values()].sort((a, b) => b.length - a.length); // the longest first: the lanes end together
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < blocks.length) {
      for (const { d, i } of blocks[next++]) outcomes[i] = d.skip ? { code: null, output: '' } : await run(etcd.rewrite(d.command), cwd, etcd.env);
    }
  };
  await Promise.all([lane(), lane()]);
  return outcomes;
}

/** A scratch checkout: examples/ linked in, ../shared beside it. */
function scratchCheckout(): { base: string; checkout: string } {
  const base = mkdtempSync(join(tmpdir(), 'ring-sim-docs-'));
  const checkout = join(base, 'checkout');
  mkdirSync(checkout);
  symlinkSync(join(root, 'examples'), join(checkout, 'examples'));
  symlinkSync(join(root, '..', 'shared'), join(base, 'shared'));
  return { base, checkout };
}

const files = [
  'README.md',
  ...readdirSync(`${root}docs`)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const commands = files.flatMap((f) => docCommands(f, readFileSync(root + f, 'utf8')));
const scratch = scratchCheckout();
let outcomes: Outcome[] = [];
let etcd: DocEtcd | undefined;

beforeAll(async () => {
  const live = commands.filter((c) => !c.skip && liveEtcd(c.command)).map((c) => c.command);
  etcd = await startDocEtcd(root, scratch.checkout, live);
  outcomes = await runAll(commands, scratch.checkout, etcd);
}, 170_000);
afterAll(async () => {
  await etcd?.stop();
  rmSync(scratch.base, { recursive: true, force: true });
});

describe('commands in README.md and docs/', () => {
  it('finds the documented commands', () => {
    expect(commands.length).toBeGreaterThan(25);
    for (const name of ['locate', 'compare', 'capacity', 'cachesim', 'plan', 'simulate', 'merge', 'inspect']) {
      const shown = commands.filter((c) => c.where.startsWith('docs/cli.md') && c.shown !== undefined);
      expect(shown.some((c) => c.command.startsWith(`npx ring-sim ${name} `))).toBe(true);
    }
  });
  it.each(commands.map((c, i) => [`${c.where} ${c.command}`, i] as const))('%s', (_name, i) => {
    const doc = commands[i];
    if (doc.skip) {
      console.log(`skipped (${doc.skip}): ${doc.where} ${doc.command}`);
      return;
    }
    expect(verdict(doc, outcomes[i])).toBeUndefined();
  });
});

describe('the doc test fails when a documented command breaks', () => {
  it('a broken command in a scratch copy of docs/day2.md is caught, the original passes', async () => {
    const original = readFileSync(`${root}docs/day2.md`, 'utf8');
    const broken = original.replace('--cluster alx-ns-alluxio-cluster --replicas 2', '--cluster alluxio --replicas 2');
    expect(broken).not.toBe(original);
    const [good, bad] = [original, broken].map((md) => docCommands('docs/day2.md', md).find((c) => c.command.includes('--replicas 2 s3://'))!);
    const [goodRun, badRun] = await Promise.all([good, bad].map((c) => run(c.command, scratch.checkout)));
    expect(verdict(good, goodRun)).toBeUndefined();
    expect(verdict(bad, badRun)).toMatch(/^exit 2 \(expected 0 or 1\)/);
  });
  it('a transcript whose output drifted is caught; […] elides lines', () => {
    const md = '```console\n$ npx ring-sim capacity --size 1Gi\na\n[…]\nd\n```\n';
    const [doc] = docCommands('x.md', md);
    expect(verdict(doc, { code: 0, output: 'a\nb\nc\nd\n' })).toBeUndefined();
    expect(verdict(doc, { code: 0, output: 'a\nb\nc\ne\n' })).toMatch(/output differs/);
    expect(verdict(doc, { code: 2, output: 'a\nd\n' })).toMatch(/^exit 2/);
  });
  it('a placeholder is skipped with its reason; continuations are joined', () => {
    const md = '```sh\nnpx ring-sim locate --workers <WORKERS_FILE> s3://a\nnpx ring-sim locate --etcd http://e:2379 \\\n  s3://a\n```\n';
    expect(docCommands('x.md', md).map((c) => [c.command, c.skip?.slice(0, 10)])).toEqual([
      ['npx ring-sim locate --workers <WORKERS_FILE> s3://a', 'needs a va'],
      ['npx ring-sim locate --etcd http://e:2379 s3://a', etcdMissing && !etcdRequired ? 'reads a li' : undefined],
    ]);
  });
  it.skipIf(etcdMissing && !etcdRequired)('the live-etcd lines ran against the suite etcd (plain and TLS) and locate what the export locates', async () => {
    const live = commands.map((c, i) => [c, outcomes[i]] as const).filter(([c]) => liveEtcd(c.command));
    expect(live.map(([c]) => liveEtcd(c.command)).sort()).toEqual(expect.arrayContaining(['plain', 'tls']));
    const key = 's3://bucket/train/part-0001.parquet';
    const fromExport = await run(`npx ring-sim locate --etcd-export examples/etcd-export.json --cluster alx-ns-alluxio-cluster ${key}`, scratch.checkout);
    const answer = (output: string): string | undefined => output.split('\n').find((l) => l.startsWith(`${key}\t`));
    expect(answer(fromExport.output)).toMatch(/\tworker-[0-9a-f-]{36} \(/);
    for (const [c, o] of live) {
      expect(o.code, `${c.where} ${c.command}: ${o.output}`).toBe(0);
      if (c.command.endsWith(key)) expect(answer(o.output)).toBe(answer(fromExport.output));
    }
  });
});
