/** Outputs and input limits through the built CLI (child processes on dist/cli/main.js). */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';
import { commandMissing } from '../shared.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-out-'));
const at = (name: string): string => join(dir, name);
const PLAN = 'examples/alluxio-cluster.yaml';
const SCENARIO = 'examples/scenarios/dynamic-ring-worker-down.yaml';
const oneLineError = (r: { code: number; stderr: string }, pattern: RegExp): void => {
  expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.code).toBe(2);
};

describe('outputs: checked first, atomic, - for stdout, symlinks replaced', () => {
  it('refuses an empty --html path and a missing directory, writing nothing', () => {
    oneLineError(builtCli(['plan', PLAN, '--html', '']), /--html: empty path/);
    oneLineError(builtCli(['plan', PLAN, '--html', at('no/such/dir.html')]), /--html: its directory/);
  });

  it('replaces a symlink at the output path instead of writing through it', () => {
    writeFileSync(at('target.txt'), 'keep me');
    symlinkSync(at('target.txt'), at('link.html'));
    const r = builtCli(['plan', PLAN, '--html', at('link.html')]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(readFileSync(at('target.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(at('link.html')).isSymbolicLink()).toBe(false);
    expect(readFileSync(at('link.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('simulate --json - --html FILE writes both', () => {
    const r = builtCli(['simulate', SCENARIO, '--json', '-', '--html', at('sim.html')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('ring-sim/simulation');
    expect(readFileSync(at('sim.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('plan --html - prints the page; two outputs to one place are refused before anything is written', () => {
    expect(builtCli(['plan', PLAN, '--html', '-']).stdout).toMatch(/^<!DOCTYPE html>/);
    oneLineError(builtCli(['plan', PLAN, '--json', '--html', '-']), /--json: --html writes there too/);
    oneLineError(builtCli(['simulate', SCENARIO, '--json', at('same.json'), '--html', at('same.json')]), /writes there too/);
    expect(existsSync(at('same.json'))).toBe(false);
  });
});

describe('input limits, each named in its error', () => {
  it('refuses devices up front', () => {
    oneLineError(builtCli(['locate', '--workers', '/dev/zero', 'k']), /--workers: is a device/);
  });

  it.skipIf(commandMissing('mkfifo', 'the test of FIFO inputs', 'coreutils'))('refuses FIFOs up front', () => {
    execFileSync('mkfifo', [at('fifo')]);
    oneLineError(builtCli(['locate', '--workers', at('fifo'), 'k']), /--workers: is a FIFO/);
    oneLineError(builtCli(['cachesim', '--trace', at('fifo'), '--format', 'txt', '--sizes', '1']), /is a FIFO/);
  });

  it('bounds YAML documents (any separator) and nesting', () => {
    writeFileSync(at('docs.yaml'), 'a: 1\n...\n'.repeat(100_000));
    oneLineError(builtCli(['plan', at('docs.yaml')]), /more than 100 YAML documents/);
    writeFileSync(at('deep.yaml'), `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    oneLineError(builtCli(['plan', at('deep.yaml')]), /nested deeper than 64/);
    writeFileSync(at('deep2.yaml'), `a: ${'- '.repeat(100_000)}x\n`);
    oneLineError(builtCli(['simulate', at('deep2.yaml')]), /nested deeper than 64/);
  });

  it('bounds a text trace line (an unterminated 4 MiB line)', () => {
    writeFileSync(at('long.txt'), 'a'.repeat(4 * 2 ** 20));
    oneLineError(builtCli(['cachesim', '--trace', at('long.txt'), '--format', 'txt', '--sizes', '1']), /longer than 1,048,576 characters/);
  });

  it('an empty trace has no miss ratio; plan takes no csv trace', () => {
    writeFileSync(at('empty.txt'), '');
    oneLineError(builtCli(['cachesim', '--trace', at('empty.txt'), '--format', 'txt', '--sizes', '1']), /holds no requests/);
    oneLineError(builtCli(['plan', PLAN, '--trace', at('empty.txt'), '--trace-format', 'csv']), /--trace-format/);
  });

  it('cachesim --sizes: a dot makes a fraction, a whole number is absolute (libCacheSim)', () => {
    writeFileSync(at('t.txt'), 'a\nb\na\nc\n');
    const r = builtCli(['cachesim', '--trace', at('t.txt'), '--format', 'txt', '--sizes', '1,1.0', '--ignore-obj-size', '--json']);
    expect(JSON.parse(r.stdout).results.map((x: { cacheSize: number }) => x.cacheSize)).toEqual([1, 3]);
    oneLineError(builtCli(['cachesim', '--trace', at('t.txt'), '--format', 'txt', '--sizes', '1.5GB']), /--sizes/);
  });
});
