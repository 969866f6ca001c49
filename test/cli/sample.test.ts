/** `--sample R` through the built CLI: labelled output, JSON marker, bad rates refused in one line. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}dist/cli/main.js`;
const scenario = `${root}examples/scenarios/scale-out-training.yaml`;
const trace = fileURLToPath(new URL('../../../shared/traces/cloudPhysicsIO.oracleGeneral.bin', import.meta.url));

describe('--sample', () => {
  it('simulate labels sampled figures with the rate, in text and JSON', () => {
    // One run prints the text and writes the JSON (--json FILE); the other spells the rate 25 % on 2 threads.
    const file = join(mkdtempSync(join(tmpdir(), 'ring-sim-sample-')), 'result.json');
    const text = execFileSync(process.execPath, [bin, 'simulate', scenario, '--sample', '0.25', '--json', file], { encoding: 'utf8' });
    expect(text).toMatch(/^sampled: 25 % of the files \(spatial hash sampling, SHARDS\)/m);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.sample.rate).toBe(0.25);
    const threads = JSON.parse(
      execFileSync(process.execPath, [bin, 'simulate', scenario, '--sample', '25%', '--threads', '2', '--json', '-'], { encoding: 'utf8' }),
    );
    expect(threads).toEqual(json);
  }, 60_000);

  it('cachesim labels sampled figures with the rate', () => {
    const text = execFileSync(process.execPath, [bin, 'cachesim', '--trace', trace, '--format', 'oracleGeneral', '--sizes', '256MiB', '--sample', '0.1'], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/^sampled: 10 % of the objects/m);
  });

  it.each(['0', '1.5', 'abc', '-0.1'])('refuses --sample %s in one line with exit code 2', (rate) => {
    const r = spawnSync(process.execPath, [bin, 'simulate', scenario, '--sample', rate], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--sample must be a fraction/);
  });
});
