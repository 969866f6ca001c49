/** `simulate --threads N` through the built CLI: the same bytes as one thread. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultThreads } from '../../src/cli/simulate-threads.js';
import { readScenario } from '../../src/sim/scenario.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}dist/cli/main.js`;
const run = (...args: string[]): string => execFileSync(process.execPath, [bin, 'simulate', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'ring-sim-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The text report (stdout) and the JSON result (--json FILE) of one run. */
const runBoth = (...args: string[]): { text: string; json: string } => {
  const file = join(dir, 'result.json');
  rmSync(file, { force: true });
  const text = run(...args, '--json', file);
  return { text, json: readFileSync(file, 'utf8') };
};

/** Every kind of membership event, by read count and by clock, with a refresh delay and two replicas. */
const eventful = [
  'name: threads',
  'seed: 5',
  'requestsPerSecond: 2000',
  'cluster:',
  '  workerGroups:',
  '    - {name: worker, count: 7, pagestore: {size: 48Mi, pageSize: 1MB}, identity: ephemeral}',
  'placement: {algorithm: alluxio-consistent, vnodes: 200, refreshDelay: 700, replicas: 2}',
  'workload: {type: zipf, files: 3000, alpha: 0.8, fileSize: 2Mi, requests: 30000}',
  'metrics: {window: 3000}',
  'events:',
  '  - {at: 5000, action: add-workers, count: 2}',
  '  - {at: 9000, action: stop-worker, worker: worker-1}',
  '  - {atTime: 6, action: set-capacity, worker: worker-2, size: 20Mi}',
  '  - {at: 15000, action: start-worker, worker: worker-1}',
  '  - {at: 20000, action: restart-worker, worker: worker-3}',
  '  - {at: 22000, action: remove-worker, worker: worker-3}',
  '  - {atTime: 12, action: scale-in, worker: worker-4}',
].join('\n');

describe('ring-sim simulate --threads', () => {
  it('gives byte-identical text and JSON with 2 and 3 threads to one thread', () => {
    const scenario = `${root}examples/scenarios/rolling-restart.yaml`;
    // One run prints the text and writes the JSON (--json FILE), so each thread count checks both.
    const one = runBoth(scenario, '--threads', '1');
    for (const n of ['2', '3']) expect(runBoth(scenario, '--threads', n)).toEqual(one);
  }, 60_000);

  it('gives byte-identical text and JSON with 1, 2 and 3 threads through every kind of event (sampled: 1 and 3)', () => {
    const scenario = join(dir, 'eventful.yaml');
    writeFileSync(scenario, eventful);
    for (const [sample, counts] of [
      [[], ['2', '3']],
      [['--sample', '0.5'], ['3']],
    ] as const) {
      const one = runBoth(scenario, '--threads', '1', ...sample);
      expect(JSON.parse(one.json).events).toHaveLength(7);
      for (const n of counts) expect(runBoth(scenario, '--threads', n, ...sample)).toEqual(one);
    }
  }, 60_000);

  it('splits a trace run the same way (the main thread reads the trace once and ships its files to the threads)', () => {
    const trace = join(dir, 'trace.csv');
    writeFileSync(trace, Array.from({ length: 6000 }, (_, i) => `${i},obj${(i * 7919) % 900},${1 + ((i * 31) % 5)}000000`).join('\n'));
    const scenario = join(dir, 'trace.yaml');
    writeFileSync(
      scenario,
      [
        'name: trace',
        'cluster:',
        '  workerGroups:',
        '    - {name: worker, count: 5, pagestore: {size: 400Mi}}',
        `workload: {type: trace, path: ${trace}, format: csv, csv: {timeCol: 1, idCol: 2, sizeCol: 3}}`,
        'metrics: {window: 1000}',
        'events:',
        '  - {at: 3000, action: add-workers, count: 1}',
      ].join('\n'),
    );
    const one = runBoth(scenario, '--threads', '1');
    for (const n of ['2', '3']) expect(runBoth(scenario, '--threads', n)).toEqual(one);
  }, 60_000);

  it('rejects --threads 0 in one line with exit code 2', () => {
    const r = spawnSync(process.execPath, [bin, 'simulate', `${root}examples/scenarios/rolling-restart.yaml`, '--threads', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--threads/);
  });

  it('reports a placement the router cannot build (jump with capacity weights) in one line with exit code 2, and stops every thread', () => {
    const scenario = join(dir, 'jump-weights.yaml');
    writeFileSync(
      scenario,
      [
        'name: jump-weights',
        'cluster:',
        '  workerGroups:',
        '    - {name: small, count: 3, pagestore: {size: 64Mi}}',
        '    - {name: big, count: 3, pagestore: {size: 128Mi}}',
        'placement: {algorithm: jump, weightByCapacity: true}',
        'workload: {type: zipf, files: 1000, alpha: 0.8, fileSize: 1Mi, requests: 20000}',
      ].join('\n'),
    );
    for (const n of ['1', '2']) {
      // Before the router aborted the ring on such a failure, the store threads waited for reads forever.
      const r = spawnSync(process.execPath, [bin, 'simulate', scenario, '--threads', n], { encoding: 'utf8', timeout: 30_000 });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/jump consistent hash has no weights/);
    }
  }, 60_000);

  it('reports a bad event once, in one line with exit code 2, on several threads', () => {
    const scenario = join(dir, 'bad.yaml');
    writeFileSync(scenario, eventful.replace('worker: worker-1}\n  - {atTime: 6', 'worker: worker-77}\n  - {atTime: 6'));
    const r = spawnSync(process.execPath, [bin, 'simulate', scenario, '--threads', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/worker-77/);
  }, 60_000);
});

describe('defaultThreads', () => {
  const scenario = (requests: number | undefined, workers = 100) =>
    readScenario(
      {
        name: 'd',
        cluster: { workerGroups: [{ name: 'w', count: workers, pagestore: { size: '1Gi' } }] },
        workload: requests === undefined ? { type: 'training', files: 10, epochs: 1 } : { type: 'zipf', files: 1000, alpha: 0.9, requests },
      },
      'd',
    );

  it("is 1 for short runs and on one core; else the cores less the router's, 2 to 4, at most the workers", () => {
    expect(defaultThreads(scenario(999_999), 8)).toBe(1);
    expect(defaultThreads(scenario(2_000_000), 1)).toBe(1);
    expect(defaultThreads(scenario(2_000_000), 2)).toBe(2);
    expect(defaultThreads(scenario(2_000_000), 4)).toBe(3);
    expect(defaultThreads(scenario(2_000_000), 64)).toBe(4);
    expect(defaultThreads(scenario(2_000_000, 3), 64)).toBe(3);
  });
});
