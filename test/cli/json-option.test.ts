/**
 * `--json` means the same on every command (issue 29 item 9), through the built CLI: `--json` or `--json -` prints
 * the report as JSON instead of the text; `--json FILE.json` writes it there and prints the text; `--json=PATH`
 * writes any name; an argument after `--json` that is neither `-` nor `*.json` stays the command's own.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withJsonValues } from '../../src/cli/json-option.js';
import { builtCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-json-'));
const trace = '../shared/traces/cloudPhysicsIO.oracleGeneral.bin';

/** Each command with arguments that make a quick report. */
const COMMANDS: Record<string, string[]> = {
  locate: ['locate', '--workers', 'examples/workers.txt', 's3://bucket/a'],
  compare: ['compare', '--workers', 'examples/workers.txt', '--algorithms', 'ring', '--keys', '2000'],
  cachesim: ['cachesim', '--trace', trace, '--format', 'oracleGeneral', '--sizes', '1Gi'],
  capacity: ['capacity', '--size', '90Gi', '--reserved', '9Gi'],
  plan: ['plan', 'examples/day2/alluxio-cluster.yaml'],
  simulate: ['simulate', 'examples/scenarios/scale-out-between-epochs-s3.yaml'],
  inspect: ['inspect', '--etcd-export', 'examples/etcd-export.json', '--cluster', 'alx-ns-alluxio-cluster'],
};

/** The JSON printed, without the timings `compare` measures (they differ run to run). */
const parses = (name: string, text: string): unknown => {
  if (name === 'locate')
    return text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
  return JSON.parse(text, (key, value: unknown) => (key === 'buildMs' || key === 'lookupNs' ? 0 : value));
};

describe('--json: one convention on every command (built CLI)', () => {
  it('withJsonValues gives every --json its value: the next argument when it is - or *.json, else stdout', () => {
    expect(withJsonValues(['plan', 'm.yaml', '--json'])).toEqual(['plan', 'm.yaml', '--json=-']);
    expect(withJsonValues(['plan', '--json', 'm.yaml'])).toEqual(['plan', '--json=-', 'm.yaml']);
    expect(withJsonValues(['simulate', 's.yaml', '--json', 'out.JSON', '--html', '-'])).toEqual(['simulate', 's.yaml', '--json=out.JSON', '--html', '-']);
    expect(withJsonValues(['simulate', 's.yaml', '--json', '-'])).toEqual(['simulate', 's.yaml', '--json=-']);
    expect(withJsonValues(['locate', '--json=keys', '--', '--json', 'x.json'])).toEqual(['locate', '--json=keys', '--', '--json', 'x.json']);
    // locate's arguments are keys, which may end in .json: only - is taken there.
    expect(withJsonValues(['locate', '--json', 's3://bucket/a.json'])).toEqual(['locate', '--json=-', 's3://bucket/a.json']);
    expect(withJsonValues(['locate', '--json', '-', 'k'])).toEqual(['locate', '--json=-', 'k']);
  });

  for (const [name, args] of Object.entries(COMMANDS)) {
    it(`${name}: --json and --json - print JSON; --json FILE.json (locate: --json=FILE) writes it and prints the text`, () => {
      const bare = builtCli([...args, '--json']);
      expect(bare.code, bare.stderr).toBeLessThan(2);
      const json = parses(name, bare.stdout);
      const dash = builtCli([...args, '--json', '-']);
      expect(parses(name, dash.stdout)).toEqual(json);
      const file = join(dir, `${name}.json`);
      const written = builtCli(name === 'locate' ? [...args, `--json=${file}`] : [...args, '--json', file]);
      expect(written.code).toBe(bare.code);
      expect(() => JSON.parse(written.stdout)).toThrow(); // the text report
      if (name !== 'compare') expect(written.stdout).toBe(builtCli(args).stdout); // compare prints its timings
      expect(parses(name, readFileSync(file, 'utf8'))).toEqual(json);
    }, 60_000);
  }

  it("--json=PATH writes a file of any name; an argument after --json that is not *.json stays the command's", () => {
    const any = join(dir, 'plan-report');
    builtCli(['plan', 'examples/day2/alluxio-cluster.yaml', `--json=${any}`]);
    expect((JSON.parse(readFileSync(any, 'utf8')) as { format: string }).format).toBe('ring-sim/plan');
    const first = builtCli(['plan', '--json', 'examples/day2/alluxio-cluster.yaml']);
    expect((JSON.parse(first.stdout) as { source: string }).source).toBe('examples/day2/alluxio-cluster.yaml');
    const key = builtCli(['locate', '--workers', 'examples/workers.txt', '--json', 's3://bucket/a.json']);
    expect(JSON.parse(key.stdout)).toMatchObject({ key: 's3://bucket/a.json' });
    const out = join(dir, 'out');
    const bad = builtCli(['simulate', 'examples/scenarios/scale-out-between-epochs-s3.yaml', '--json', out]);
    expect([bad.code, bad.stderr]).toEqual([2, "ring-sim: error: too many arguments for 'simulate'. Expected 1 argument but got 2.\n"]);
    expect(existsSync(out)).toBe(false);
  });

  it('two outputs to stdout are refused, and a --json file that cannot be written is refused before the run', () => {
    const both = builtCli(['cachesim', '--trace', trace, '--format', 'oracleGeneral', '--sizes', '1Gi', '--json', '-', '--json', '-']);
    expect(both.code).toBe(0); // one flag, given twice: the last wins
    const html = builtCli(['plan', 'examples/day2/alluxio-cluster.yaml', '--json', '--html', '-']);
    expect([html.code, html.stderr]).toEqual([2, 'ring-sim: error: --json: --html writes there too (got "-"); send at most one output to stdout (-)\n']);
    const missing = builtCli(['cachesim', '--trace', trace, '--format', 'oracleGeneral', '--sizes', '1Gi', '--json', join(dir, 'no', 'such', 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ring-sim: error: --json: its directory cannot be used \(ENOENT\) \(got ".*x\.json"\)/);
  });
});
