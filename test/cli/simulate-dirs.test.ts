/**
 * `simulate` with page-store directories, eviction retries and restore on restart, through the built CLI, on
 * replays small enough to compute by hand.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { DirTotals } from '../../src/sim/steps.js';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageStoreDirIndex } from '../../src/pagestore/hash-allocator.js';
import { builtCli } from './helpers.js';

const MiB = 2 ** 20;
const dir = mkdtempSync(join(tmpdir(), 'ring-sim-dirs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  totals: { pageRequests: number; pageHits: number };
  workers: Array<{ occupiedBytes: number; dirs: DirTotals[] }>;
  events: Array<{ detail: string; bytesUnreachable: number }>;
}

/** Writes `lines` as a scenario, runs `simulate` on it with `args`, and returns its JSON. */
function simulate(name: string, lines: string[], ...args: string[]): Result {
  const scenario = join(dir, `${name}.yaml`);
  const out = join(dir, `${name}.json`);
  writeFileSync(scenario, lines.join('\n'));
  const r = builtCli(['simulate', scenario, '--json', out, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Result;
}

function trace(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const dirSizes = (d: DirTotals): number[] => [d.capacityBytes, d.occupiedBytes, d.pages, d.evictions, d.evictedBytes, d.failedPuts];

describe('ring-sim simulate: page-store directories', () => {
  // Keys whose directory of two the Java vectors give (test/pagestore/hash-allocator.test.ts): A, B, C in 0, D in 1.
  const [A, B, C, D] = ['/local/path', 'file:///tmp/cache', 'relative/dir', 's3://bucket/data/part-0.parquet'];
  const abcad = trace('abcad.txt', [A, B, C, A, D]);
  const oneWorker = (pagestore: string, extra: string[] = []): string[] => [
    'cluster:',
    '  workerGroups:',
    `    - {name: w, count: 1, pagestore: ${pagestore}}`,
    `workload: {type: trace, path: ${abcad}, format: txt, objectSize: 1Mi}`,
    "pathTemplate: '{key}'",
    'metrics: {window: 5}',
    ...extra,
  ];

  it('replays A B C A D of 1 MiB files: two 2 MiB LRU directories miss the second A that one pooled 4 MiB store hits', () => {
    expect([A, B, C, D].map((p) => pageStoreDirIndex(p, 2))).toEqual([0, 0, 0, 1]);
    const dirs = simulate('dirs', oneWorker('{dirs: [{size: 2Mi}, {size: 2Mi}], pageSize: 1MB, policy: lru, type: hostPath}'));
    // Directory 0 holds two pages: A, B; C evicts A; A evicts B. D goes to directory 1, which had room all along.
    expect(dirs.totals).toMatchObject({ pageRequests: 5, pageHits: 0 });
    expect(dirs.workers[0].dirs.map(dirSizes)).toEqual([
      [2 * MiB, 2 * MiB, 2, 2, 2 * MiB, 0],
      [2 * MiB, MiB, 1, 0, 0, 0],
    ]);
    expect(dirs.workers[0].occupiedBytes).toBe(3 * MiB);
    const pooled = simulate('pooled', oneWorker('{size: 4Mi, pageSize: 1MB, policy: lru, type: hostPath}'));
    expect(pooled.totals).toMatchObject({ pageRequests: 5, pageHits: 1 });
    expect(pooled.workers[0].dirs.map(dirSizes)).toEqual([[4 * MiB, 4 * MiB, 4, 0, 0, 0]]);
    // One directory given as dirs is the same page store as size.
    expect(simulate('one-dir', oneWorker('{dirs: [{size: 4Mi}], pageSize: 1MB, policy: lru, type: hostPath}'))).toEqual(pooled);
  });

  it('gives up a put after evictionRetries + 1 evictions when the directory holds small pages', () => {
    // Sixteen 64 KiB files fill 1 MiB; a 1 MiB file then needs all sixteen out. With the default 10 retries its
    // first read evicts 11 and is not cached, its second evicts the 5 left and is, its third hits.
    const small = Array.from({ length: 16 }, (_, i) => `s3://b/small-${i},65536`);
    const csv = trace('small.csv', [...small, 's3://b/big,1048576', 's3://b/big,1048576', 's3://b/big,1048576']);
    const scenario = (retries: string): string[] => [
      'cluster:',
      '  workerGroups:',
      `    - {name: w, count: 1, pagestore: {size: 1Mi, pageSize: 1MB${retries}}}`,
      `workload: {type: trace, path: ${csv}, format: csv, csv: {idCol: 1, sizeCol: 2, hasHeader: false}}`,
      "pathTemplate: '{key}'",
    ];
    const alluxio = simulate('retries-default', scenario(''));
    expect(alluxio.totals.pageHits).toBe(1);
    expect(alluxio.workers[0].dirs.map(dirSizes)).toEqual([[MiB, MiB, 1, 16, MiB, 1]]);
    const many = simulate('retries-100', scenario(', evictionRetries: 100'));
    expect(many.totals.pageHits).toBe(2);
    expect(many.workers[0].dirs.map(dirSizes)).toEqual([[MiB, MiB, 1, 16, MiB, 0]]);
  });

  it('restores a surviving page store on restart, under a new identity too; emptyDir and set-page-size drop it', () => {
    // A B, a restart after 2 reads, A B again: 1 MiB files, 1 MiB pages, one worker with an ephemeral identity.
    const abab = trace('abab.txt', [A, B, A, B]);
    const scenario = (type: string, events: string[]): string[] => [
      'cluster:',
      '  workerGroups:',
      `    - {name: w, count: 1, identity: ephemeral, pagestore: {dirs: [{size: 2Mi}, {size: 2Mi}], pageSize: 1MB, type: ${type}}}`,
      `workload: {type: trace, path: ${abab}, format: txt, objectSize: 1Mi}`,
      "pathTemplate: '{key}'",
      'events:',
      ...events,
    ];
    const restart = '  - {at: 2, action: restart-worker, worker: w-0}';
    // The new identity owns every key (one worker): both pages it kept serve their reads.
    const kept = simulate('restore-host', scenario('hostPath', [restart]));
    expect(kept.totals).toMatchObject({ pageRequests: 4, pageHits: 2 });
    expect(kept.events[0].detail).toMatch(/^w-0 registered a new identity worker-[0-9a-f-]+; worker-[0-9a-f-]+ stays registered, offline; page store kept$/);
    expect(kept.events[0].bytesUnreachable).toBe(0);
    const lost = simulate('restore-empty', scenario('emptyDir', [restart]));
    expect(lost.totals).toMatchObject({ pageRequests: 4, pageHits: 0 });
    expect(lost.events[0].bytesUnreachable).toBe(2 * MiB);
    // set-page-size 512KB at read 1: the worker runs with 1 MiB pages until the restart, then drops its 2 MiB of
    // pages and reads each file as two 512 KiB pages: 2 + 4 page requests, none hits.
    const resized = simulate('restore-page-size', scenario('hostPath', ['  - {at: 1, action: set-page-size, worker: w-0, pageSize: 512KB}', restart]));
    expect(resized.totals).toMatchObject({ pageRequests: 6, pageHits: 0 });
    expect(resized.events.map((e) => e.detail)).toEqual([
      'w-0 page size set to 512.00 KiB, its page store is dropped at its next start (it runs with 1.00 MiB until then)',
      expect.stringMatching(/; page store dropped: page size 512\.00 KiB, was 1\.00 MiB \(restore keeps only pages of the current page size\)$/),
    ]);
    expect(resized.events[1].bytesUnreachable).toBe(2 * MiB);
    // A and B both go to directory 0: four 512 KiB pages there at the end.
    expect(resized.workers[0].dirs.map((d) => [d.pages, d.occupiedBytes])).toEqual([
      [4, 2 * MiB],
      [0, 0],
    ]);
  });

  it('gives byte-identical JSON with --threads 2 and one thread, through directories, restarts and set-page-size', () => {
    const lines = [
      'seed: 3',
      'cluster:',
      '  workerGroups:',
      '    - {name: w, count: 5, identity: ephemeral, pagestore: {dirs: [{size: 12Mi}, {size: 8Mi}, {size: 4Mi}], pageSize: 1MB, type: hostPath}}',
      'placement: {algorithm: alluxio-consistent, vnodes: 100}',
      'workload: {type: zipf, files: 400, alpha: 0.9, fileSize: {distribution: lognormal, mean: 1500Ki, sd: 1Mi}, requests: 6000}',
      'metrics: {window: 1000}',
      'events:',
      '  - {at: 1000, action: set-page-size, worker: w-1, pageSize: 256KB}',
      '  - {at: 2000, action: restart-worker, worker: w-1}',
      '  - {at: 3000, action: restart-worker, worker: w-2}',
      '  - {at: 4000, action: add-workers, count: 1}',
    ];
    const one = simulate('threads-1', lines, '--threads', '1');
    expect(one.workers[0].dirs).toHaveLength(3);
    expect(one.workers.reduce((s, w) => s + w.dirs.reduce((t, d) => t + d.evictions, 0), 0)).toBeGreaterThan(0);
    expect(simulate('threads-2', lines, '--threads', '2')).toEqual(one);
  }, 60_000);

  it('exits 2 naming the field when a page store gives both size and dirs, or neither', () => {
    const scenario = join(dir, 'both.yaml');
    writeFileSync(scenario, oneWorker('{size: 4Mi, dirs: [{size: 2Mi}]}').join('\n'));
    const r = builtCli(['simulate', scenario]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ring-sim: error: .*both\.yaml: cluster\.workerGroups\[0\]\.pagestore\.dirs: is given with size: a page store has one of the two .*; keep size \(one directory\) or dirs/,
    );
    writeFileSync(scenario, oneWorker('{pageSize: 1MB}').join('\n'));
    expect(builtCli(['simulate', scenario]).stderr).toMatch(/cluster\.workerGroups\[0\]\.pagestore\.size: is missing/);
  });
});
