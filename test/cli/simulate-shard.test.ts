/**
 * `simulate --shard I/N --json PART` and `ring-sim merge` through the built CLI: the parts of N shards merge to the
 * bytes one run gives (text, --json, --html; events that add, stop, restart and remove workers; --threads,
 * --sample and --baseline composed), and a merge of parts that do not make one run is refused in one line with
 * exit 2, writing nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtCli, type CliResult } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => join(dir, name);

const eventful = (seed: number): string =>
  [
    'name: sharded',
    `seed: ${seed}`,
    'requestsPerSecond: 1000',
    'cluster:',
    '  workerGroups:',
    '    - {name: worker, count: 5, pagestore: {size: 24Mi, pageSize: 1MB}, identity: ephemeral}',
    'placement: {algorithm: alluxio-consistent, vnodes: 100, refreshDelay: 300}',
    'workload: {type: zipf, files: 1500, alpha: 0.8, fileSize: 2Mi, requests: 12000}',
    'metrics: {window: 1000}',
    'events:',
    '  - {at: 2000, action: add-workers, count: 2}',
    '  - {at: 3500, action: stop-worker, worker: worker-1}',
    '  - {atTime: 5, action: restart-worker, worker: worker-5}',
    '  - {at: 6500, action: start-worker, worker: worker-1}',
    '  - {at: 8000, action: restart-worker, worker: worker-2}',
    '  - {at: 9000, action: remove-worker, worker: worker-2}',
    '  - {at: 10000, action: set-capacity, worker: worker-6, size: 8Mi}',
  ].join('\n');
writeFileSync(at('a.yaml'), eventful(3));
writeFileSync(at('b.yaml'), eventful(4));

const ok = (r: CliResult): CliResult => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};

/** One run's text and files (`--json`, and `--html` when asked). */
function single(args: string[], html: boolean): string[] {
  const text = ok(builtCli(['simulate', at('a.yaml'), ...args, '--json', at('one.json'), ...(html ? ['--html', at('one.html')] : [])])).stdout;
  return [text, readFileSync(at('one.json'), 'utf8'), html ? readFileSync(at('one.html'), 'utf8') : ''];
}

/** The parts of `shards` shards, merged: the text and files. */
function sharded(shards: number, args: string[], html: boolean, prefix = 'part'): string[] {
  const parts = Array.from({ length: shards }, (_, i) => at(`${prefix}-${i}-of-${shards}.json`));
  for (const [i, part] of parts.entries()) ok(builtCli(['simulate', at('a.yaml'), '--shard', `${i}/${shards}`, ...args, '--json', part]));
  const text = ok(builtCli(['merge', ...parts.reverse(), '--json', at('merged.json'), ...(html ? ['--html', at('merged.html')] : [])])).stdout;
  return [text, readFileSync(at('merged.json'), 'utf8'), html ? readFileSync(at('merged.html'), 'utf8') : ''];
}

describe('simulate --shard I/N + merge', () => {
  it('merge the parts of 1, 2 and 3 shards to the bytes of one run (text and --json), events adding and restarting workers', () => {
    const one = single([], false);
    expect(JSON.parse(one[1]).events).toHaveLength(7);
    for (const n of [1, 2, 3]) expect(sharded(n, [], false)).toEqual(one);
  }, 120_000);

  it('composes with --threads (each shard on 2 threads), --sample and --baseline (text, --json and --html)', () => {
    const one = single(['--sample', '0.5', '--baseline'], true);
    expect(JSON.parse(one[1]).baseline).toBeDefined();
    expect(sharded(2, ['--sample', '0.5', '--baseline', '--threads', '2'], true, 'mixed')).toEqual(one);
  }, 120_000);

  it("shards a trace: every shard reads the whole trace; shards on 2 and 3 threads merge to one run's bytes", () => {
    writeFileSync(at('trace.csv'), Array.from({ length: 6000 }, (_, i) => `${i},obj${(i * 7919) % 900},${1 + ((i * 31) % 5)}000000`).join('\n'));
    writeFileSync(
      at('trace.yaml'),
      [
        'name: trace',
        'cluster:',
        '  workerGroups:',
        '    - {name: worker, count: 5, pagestore: {size: 400Mi}}',
        `workload: {type: trace, path: ${at('trace.csv')}, format: csv, csv: {timeCol: 1, idCol: 2, sizeCol: 3}}`,
        'metrics: {window: 1000}',
        'events:',
        '  - {at: 3000, action: add-workers, count: 1}',
        '  - {at: 4000, action: restart-worker, worker: worker-5, keepIdentity: false}',
      ].join('\n'),
    );
    const one = ok(builtCli(['simulate', at('trace.yaml'), '--json', at('trace-one.json')])).stdout;
    ok(builtCli(['simulate', at('trace.yaml'), '--shard', '0/2', '--threads', '2', '--json', at('trace-0.json')]));
    ok(builtCli(['simulate', at('trace.yaml'), '--shard', '1/2', '--threads', '3', '--json', at('trace-1.json')]));
    expect(ok(builtCli(['merge', at('trace-1.json'), at('trace-0.json'), '--json', at('trace-merged.json')])).stdout).toBe(one);
    expect(readFileSync(at('trace-merged.json'), 'utf8')).toBe(readFileSync(at('trace-one.json'), 'utf8'));
  }, 60_000);

  it('says which workers a shard held: worker i in shard i mod N, the ones events add too', () => {
    const r = ok(builtCli(['simulate', at('a.yaml'), '--shard', '1/3', '--json', at('one-of-three.json')]));
    expect(r.stdout).toBe(
      [
        'shard 1/3 of sharded: the page stores of 2 of 7 workers (worker-1, worker-4), all 12,000 reads routed, and the baseline replay (the same reads without the events, for their recovery)',
        `part written to ${at('one-of-three.json')}; merge every shard's part: ring-sim merge PART... --json OUT`,
        '',
      ].join('\n'),
    );
  }, 60_000);
});

describe('merge refuses parts that are not one run (one line, exit 2, nothing written)', () => {
  const parts = [0, 1, 2].map((i) => at(`r-${i}.json`));
  const refused = (args: string[], message: RegExp): void => {
    const out = at('refused.json');
    const r = builtCli(['merge', ...args, '--json', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  };
  /** `part`'s JSON changed by `change`, with a checksum that matches (as a part from another ring-sim would be). */
  const resealed = (part: string, change: (body: string) => string, name: string): string => {
    const text = readFileSync(part, 'utf8');
    const body = change(text.slice(0, text.lastIndexOf(',"checksum":')) + '}');
    writeFileSync(at(name), `${body.slice(0, -1)},"checksum":"sha256:${createHash('sha256').update(body).digest('hex')}"}\n`);
    return at(name);
  };

  it('makes the parts', () => {
    for (const [i, part] of parts.entries()) ok(builtCli(['simulate', at('a.yaml'), '--shard', `${i}/3`, '--json', part]));
    ok(builtCli(['simulate', at('b.yaml'), '--shard', '2/3', '--json', at('other-scenario.json')]));
  }, 60_000);

  it('a part of another scenario', () =>
    refused(
      [parts[0], parts[1], at('other-scenario.json')],
      /^ring-sim: error: .*other-scenario\.json: is a part of another scenario than .*r-0\.json \(sha256:[0-9a-f]{64}\)/,
    ));
  it('a part of another ring-sim version', () =>
    refused(
      [parts[0], parts[1], resealed(parts[2], (b) => b.replace('"ringSim":"0.1.0"', '"ringSim":"0.0.1"'), 'old.json')],
      /old\.json: was made by ring-sim 0\.0\.1, and this is ring-sim 0\.1\.0/,
    ));
  it('a missing shard', () =>
    refused([parts[2], parts[0]], /^ring-sim: error: parts: shard 1\/3 is missing \(got "0\/3, 2\/3"\); give all 3 parts, shards 0 to 2$/m));
  it('a doubled shard', () => refused([parts[0], parts[1], parts[1], parts[2]], /r-1\.json: shard 1\/3 is given twice/));
  it('parts of runs over different trace bytes (the same path and length, so the same scenario and reads)', () => {
    const trace = (k: number): string => Array.from({ length: 3000 }, (_, i) => `${i},obj${String((i * k) % 400).padStart(3, '0')},1000000`).join('\n');
    writeFileSync(at('bytes.csv'), trace(7919));
    writeFileSync(
      at('bytes.yaml'),
      [
        'name: bytes',
        'cluster: {workerGroups: [{name: worker, count: 3, pagestore: {size: 100Mi}}]}',
        `workload: {type: trace, path: ${at('bytes.csv')}, format: csv, csv: {timeCol: 1, idCol: 2, sizeCol: 3}}`,
        'metrics: {window: 1000}',
      ].join('\n'),
    );
    ok(builtCli(['simulate', at('bytes.yaml'), '--shard', '0/2', '--json', at('bytes-0.json')]));
    writeFileSync(at('bytes.csv'), trace(7907));
    expect(trace(7907)).toHaveLength(trace(7919).length);
    ok(builtCli(['simulate', at('bytes.yaml'), '--shard', '1/2', '--json', at('bytes-1.json')]));
    refused(
      [at('bytes-0.json'), at('bytes-1.json')],
      /^ring-sim: error: .*bytes-1\.json: was run over other trace bytes than .*bytes-0\.json \(sha256:[0-9a-f]{64}\) \(got "sha256:[0-9a-f]{64}"\); run every shard on the same trace file/,
    );
  }, 30_000);
  it('a part cut short', () => {
    writeFileSync(at('cut.json'), readFileSync(parts[1], 'utf8').slice(0, 5000));
    refused([parts[0], at('cut.json'), parts[2]], /cut\.json: is not a whole part/);
  });
  it('a part changed since it was written', () => {
    writeFileSync(at('changed.json'), readFileSync(parts[1], 'utf8').replace('"reads":12000', '"reads":12001'));
    refused([parts[0], at('changed.json'), parts[2]], /changed\.json: is corrupt: its checksum does not match/);
  });
  it('a file that is no part (a simulate --json result)', () => {
    ok(builtCli(['simulate', at('a.yaml'), '--json', at('result.json')]));
    refused([at('result.json')], /result\.json: is not a whole part/);
  }, 30_000);
});

describe('simulate --shard refuses', () => {
  const bad = (args: string[], message: RegExp): void => {
    const r = builtCli(['simulate', at('a.yaml'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  };
  it('a shard outside 0 … N-1, or no I/N', () => {
    for (const s of ['3/3', '0/0', '1', '-1/2', 'a/b']) bad(['--shard', s, '--json', at('x.json')], /--shard must be I\/N, shard I of N counted from 0/);
  });
  it('no --json PART, and --html', () => {
    bad(['--shard', '0/2'], /--shard: a shard writes its part to --json PART \(got "0\/2"\); add --json part-0\.json/);
    bad(['--shard', '0/2', '--json', at('x.json'), '--html', at('x.html')], /--html: a shard \(--shard 0\/2\) writes a part, not a report/);
    expect(existsSync(at('x.json'))).toBe(false);
  });
});
