/**
 * `npm run bench:quick` must run in CI-like conditions without failing and regenerate its RESULTS.md. This runs
 * the same script (against the build `npm test` made) into test-artifacts/, and checks the report's sections.
 * It asserts nothing about timing: timing belongs in bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('bench:quick', () => {
  it('runs and writes RESULTS.md and results.json with every section', () => {
    const out = `${root}test-artifacts/bench`;
    mkdirSync(out, { recursive: true });
    execFileSync(process.execPath, ['--expose-gc', `${root}bench/run.js`, '--quick', '--out', out], { stdio: 'pipe', timeout: 170_000 });
    const md = readFileSync(`${out}/RESULTS.md`, 'utf8');
    for (const heading of ['## Lookup at 1,000 workers', '## Against the peers', '## Every algorithm', '## cachesim', '## simulate', '## plan']) {
      expect(md).toContain(heading);
    }
    expect(md).toMatch(/Command: `npm run bench:quick`/);
    const json = JSON.parse(readFileSync(`${out}/results.json`, 'utf8'));
    expect(json.sections.agreement.disagree).toBe(0);
    // Where a lookup's time goes: hashing alone timed with the lookups, and memory latency by array size.
    expect(json.sections.lookup1000.some((x: { name: string }) => x.name.startsWith('hashing alone'))).toBe(true);
    expect(json.sections.whereTimeGoes.latency.map((x: { mib: number }) => x.mib)).toEqual([1, 4, 8, 16]);
    expect(md).toMatch(/hashing alone \(`murmur3String`[^)]*\) takes [\d,]+ ns a key/);
    expect(json.sections.peers.every((p: { disagree: number }) => p.disagree === 0)).toBe(true);
  }, 180_000);
});
