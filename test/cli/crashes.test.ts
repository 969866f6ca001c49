/**
 * Regressions for the crashes of issue 17, each run through the BUILT CLI as a child process, as a user runs it
 * (the xz crash passed under vitest because vite resolves a CommonJS import differently from Node).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, commandMissing } from '../shared.js';
import { builtCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-crash-'));
const file = (name: string, content: string): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const oneLineError = (r: { code: number; stderr: string }, code = 2): void => {
  expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(r.stderr).toMatch(/^ring-sim: error: /);
  expect(r.code).toBe(code);
};
const manifest = (extra: string): string => `apiVersion: k8s-operator.alluxio.com/v1\nkind: AlluxioCluster\nmetadata:\n  name: a\nspec:\n${extra}`;

describe('crash fixes, through dist/cli/main.js', () => {
  it('reads an .xz trace under plain Node (xz-decompress loaded with require)', () => {
    const r = builtCli(['cachesim', '--trace', `${SHARED}traces/cache2k-web07.trace.xz`, '--format', 'cache2k', '--sizes', '1000', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).requests).toBe(76_118);
  });

  // Without xz the shared .xz trace above still covers the decoder.
  it.skipIf(commandMissing('xz', 'the test of an .xz file made with the xz command', 'xz-utils'))('reads an .xz file made with the xz command', () => {
    const plain = file('keys.txt', 'a\nb\na\nc\n');
    execFileSync('xz', ['-kf', plain]);
    const r = builtCli(['cachesim', '--trace', `${plain}.xz`, '--format', 'txt', '--sizes', '2', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).requests).toBe(4);
  });

  it('refuses a directory as a trace (EISDIR), with one line and exit 2', () => {
    const r = builtCli(['cachesim', '--trace', dir, '--format', 'txt', '--sizes', '2']);
    oneLineError(r);
    expect(r.stderr).toMatch(/is a directory/);
  });

  it('refuses a mapping where a manifest expects a value (keys named toString / constructor)', () => {
    for (const extra of [
      '  properties:\n    a: {toString: 1}\n  worker: {count: 2, pagestore: {size: 1Gi}}\n',
      '  properties:\n    constructor: {constructor: 1}\n  worker: {count: 2, pagestore: {size: 1Gi}}\n',
      '  worker: {count: 2, pagestore: {size: 1Gi, type: {toString: 1}}}\n',
    ]) {
      oneLineError(builtCli(['plan', file('m.yaml', manifest(extra))]));
    }
    oneLineError(builtCli(['plan', file('k.yaml', 'kind: {constructor: 1, toString: 2}\n')]));
    oneLineError(builtCli(['simulate', file('s.yaml', 'toString: 1\nconstructor: 2\n')]));
  });

  it('compare --count 1 works: the -1 case is left out (removing the one worker leaves no ring)', () => {
    const r = builtCli(['compare', '--count', '1', '--keys', '2000', '--no-time', '--algorithms', 'alluxio-consistent,ketama']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/-1: none \(one worker/);
  });

  it('compare --keys-file with an empty file is bad input', () => {
    const r = builtCli(['compare', '--count', '3', '--keys-file', file('empty.txt', ''), '--no-time']);
    oneLineError(r);
    expect(r.stderr).toMatch(/--keys-file/);
  });

  it('capacity --size with a huge negative exponent is quick and fails the plan (1 byte holds no page)', () => {
    const r = builtCli(['capacity', '--size', '1e-50000000']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/holds no whole page/);
    expect(builtCli(['capacity', '--size', '1e2147483648']).code).toBe(1);
    oneLineError(builtCli(['capacity', '--size', '1e2147483647']));
  });

  it('capacity --page-size 1PB does not "fit" with 0 pages', () => {
    const r = builtCli(['capacity', '--size', '1Gi', '--reserved', '100Mi', '--page-size', '1PB']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/WILL NOT DEPLOY/);
  });

  it('plans the CAPACITY provider with a static ring and identities not persisted', () => {
    const m = file(
      'cap.yaml',
      manifest(
        [
          '  properties:',
          '    alluxio.user.worker.selection.policy.consistent.hash.provider.impl: CAPACITY',
          '    alluxio.user.dynamic.consistent.hash.ring.enabled: "false"',
          '  worker:',
          '    count: 3',
          '    pagestore: {size: 100Gi, reservedSize: 10Gi}',
          '',
        ].join('\n'),
      ),
    );
    const r = builtCli(['plan', m, '--json']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).whatIf.some((w: { name: string }) => w.name === 'restart one worker')).toBe(true);
  });

  it('plan --json | head -c 100 ends quietly (no EPIPE stack)', () => {
    const r = builtCli(['plan', 'examples/alluxio-cluster.yaml', '--json'], { pipeTo: 'head -c 100' });
    expect(r.stdout).toHaveLength(100);
    expect(r.stderr).toBe('');
  });
});
