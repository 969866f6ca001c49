import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempFile } from './helpers.js';

const dir = fileURLToPath(new URL('../../examples/scenarios/', import.meta.url));

describe('ring-sim simulate', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('runs the example %s', async (file) => {
    const r = await cli('simulate', `${dir}${file}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/hit ratio \(pages\)\s+\d+\.\d\d %/);
  });

  it('writes byte-identical JSON for the same seed', async () => {
    const a = tempFile('a.json', '');
    const b = tempFile('b.json', '');
    await cli('simulate', `${dir}rolling-restart.yaml`, '--json', a);
    await cli('simulate', `${dir}rolling-restart.yaml`, '--json', b);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const j = JSON.parse(readFileSync(a, 'utf8'));
    expect(j.format).toBe('ring-sim/simulation');
    expect(j.offlineIdentities.length).toBe(4);
    expect(j.events.length).toBe(4);
  });

  it('static ring with a worker down reads from the under-storage; dynamic does not', async () => {
    const s = JSON.parse((await cli('simulate', `${dir}static-ring-worker-down.yaml`, '--json', '-')).stdout);
    const d = JSON.parse((await cli('simulate', `${dir}dynamic-ring-worker-down.yaml`, '--json', '-')).stdout);
    expect(s.totals.unavailableBytes).toBeGreaterThan(0);
    expect(d.totals.unavailableBytes).toBe(0);
  });

  it.each([
    [
      'name: x\ncluster: {workerGroups: [{count: 2, pagestore: {size: 100GB}}]}\nworkload: {type: uniform, files: 10, requests: 10}\n',
      /cluster\.workerGroups\[0\]\.pagestore\.size: not a Kubernetes quantity/,
    ],
    ['name: [unclosed\n', /not valid YAML/],
    ['just text', /scenario: must be a mapping/],
  ])('bad scenario: exit 2 with one line', async (text, message) => {
    const p = tempFile('bad.yaml', text);
    const r = await cli('simulate', p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });
});
