/**
 * simulate's event effects split what a restart without a persisted identity hands to the new identity on the same
 * host (`samePod`, `bytesSamePod`) from `filesMoved`/`bytesMoved`, as plan's and inspect's what-ifs do: a
 * one-worker restart moves nothing although every file changes identity, unless its page store is lost.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_CLI } from './helpers.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-same-pod-'));

function simulate(
  workers: number,
  type: string,
): { filesMoved: number; bytesMoved: number; samePod: number; bytesSamePod: number; hashSpaceMoved: number | null } {
  const file = join(dir, `${workers}-${type}.yaml`);
  writeFileSync(
    file,
    `name: same pod
seed: 3
cluster:
  workerGroups:
    - { name: worker, count: ${workers}, pagestore: { size: 1Gi, pageSize: 1MB, type: ${type} }, identity: ephemeral }
placement: { algorithm: alluxio-consistent, vnodes: 200, ring: dynamic }
workload: { type: zipf, files: 500, alpha: 0.8, fileSize: 1Mi, requests: 20000 }
metrics: { window: 1000 }
events:
  - { at: 10000, action: restart-worker, worker: worker-0 }
`,
  );
  const r = spawnSync(process.execPath, [BUILT_CLI, 'simulate', file, '--json', '-'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout).events[0];
}

describe('simulate: a restart without identity keeps same-host files out of moved', () => {
  it('one worker: every file passes to the new identity on the same pod; nothing moves, hostPath keeps them', () => {
    const e = simulate(1, 'hostPath');
    expect(e).toMatchObject({ filesMoved: 0, bytesMoved: 0, samePod: 1, bytesSamePod: 500 * 2 ** 20 });
    expect(e.hashSpaceMoved).toBe(0);
  });

  it('an emptyDir page store is lost on the restart: those files are moved (re-read) after all', () => {
    const e = simulate(1, 'emptyDir');
    expect(e).toMatchObject({ filesMoved: 1, samePod: 0, bytesSamePod: 0 });
    expect(e.hashSpaceMoved).toBe(1);
  });

  it('four workers: moved + samePod is every file whose identity changed', () => {
    const kept = simulate(4, 'hostPath');
    const lost = simulate(4, 'emptyDir');
    expect(kept.samePod).toBeGreaterThan(0);
    expect(kept.filesMoved + kept.samePod).toBeCloseTo(lost.filesMoved, 12);
    expect(kept.bytesMoved + kept.bytesSamePod).toBe(lost.bytesMoved);
  });
});
