/** `simulate --threads N` through the built CLI: the same bytes as one thread. */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}dist/cli/main.js`;
const run = (...args: string[]): string => execFileSync(process.execPath, [bin, 'simulate', ...args], { encoding: 'utf8' });

describe('ring-sim simulate --threads', () => {
  it('gives byte-identical text and JSON with 1, 2 and 3 threads', () => {
    const scenario = `${root}examples/scenarios/rolling-restart.yaml`;
    const text = run(scenario, '--threads', '1');
    const json = run(scenario, '--threads', '1', '--json', '-');
    for (const n of ['2', '3']) {
      expect(run(scenario, '--threads', n)).toBe(text);
      expect(run(scenario, '--threads', n, '--json', '-')).toBe(json);
    }
  }, 60_000);

  it('rejects --threads 0 in one line with exit code 2', () => {
    const r = spawnSync(process.execPath, [bin, 'simulate', `${root}examples/scenarios/rolling-restart.yaml`, '--threads', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--threads/);
  });
});
