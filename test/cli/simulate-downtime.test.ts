/** `restart-worker`'s `downtime` through the built CLI: offline while down as with stop-worker/start-worker, on one or two threads; bad downtimes exit 2. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-downtime-'));

function scenario(name: string, lines: string[], ring = 'dynamic'): string {
  const path = join(dir, name);
  const head = [
    'cluster:',
    '  workerGroups:',
    '    - {name: worker, count: 4, pagestore: {size: 400Mi}, identity: persisted}',
    `placement: {ring: ${ring}}`,
    'workload: {type: uniform, files: 200, fileSize: 1Mi, requests: 6000}',
    'requestsPerSecond: 100',
    'metrics: {window: 500}',
  ];
  writeFileSync(path, [...head, 'events:', ...lines].join('\n') + '\n');
  return path;
}

interface Run {
  totals: { hitRatio: number; ufsBytes: number; unavailableBytes: number };
  windows: Array<{ start: number; hitRatio: number; unavailableBytes?: number }>;
  events: Array<{ detail: string; bytesUnreachable: number; bytesMoved: number }>;
  workers: unknown;
}

function simulate(path: string, threads: string): Run {
  const r = builtCli(['simulate', path, '--threads', threads, '--json', '-']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Run;
}

const RESTART = '  - {at: 2000, action: restart-worker, worker: worker-1, downtime: 1000}';
const STOP_START = ['  - {at: 2000, action: stop-worker, worker: worker-1}', '  - {at: 3000, action: start-worker, worker: worker-1}'];

describe('ring-sim simulate: restart-worker downtime', () => {
  it.each(['1', '2'])('a persisted-identity restart with downtime misses while down and equals stop + start at the same reads (--threads %s)', (threads) => {
    for (const ring of ['dynamic', 'static']) {
      const down = simulate(scenario(`down-${ring}-${threads}.yaml`, [RESTART], ring), threads);
      const stopStart = simulate(scenario(`ss-${ring}-${threads}.yaml`, STOP_START, ring), threads);
      const instant = simulate(scenario(`instant-${ring}-${threads}.yaml`, ['  - {at: 2000, action: restart-worker, worker: worker-1}'], ring), threads);
      expect(down.totals).toEqual(stopStart.totals);
      expect(down.windows.map((w) => w.hitRatio)).toEqual(stopStart.windows.map((w) => w.hitRatio));
      expect(down.workers).toEqual(stopStart.workers);
      expect(down.totals.hitRatio).toBeLessThan(instant.totals.hitRatio);
      const [event] = down.events;
      expect(event.detail).toMatch(/^worker-1 is down for 1000 reads; back at read 3000: worker-1 kept worker-/);
      expect(event.bytesUnreachable).toBe(stopStart.events[0].bytesUnreachable + stopStart.events[1].bytesUnreachable);
      expect(event.bytesUnreachable).toBeGreaterThan(0);
      expect(event.bytesMoved).toBe(stopStart.events[0].bytesMoved + stopStart.events[1].bytesMoved);
      if (ring === 'static') expect(down.totals.unavailableBytes).toBeGreaterThan(0);
      expect(instant.events[0].bytesUnreachable).toBe(0);
    }
  });

  it('downtime in seconds is the reads of that many seconds on the workload clock; threads agree', () => {
    const seconds = simulate(scenario('seconds.yaml', ['  - {at: 2000, action: restart-worker, worker: worker-1, downtime: 10s}']), '1');
    const reads = simulate(scenario('reads.yaml', ['  - {at: 2000, action: restart-worker, worker: worker-1, downtime: 1000}']), '2');
    expect(seconds.totals).toEqual(reads.totals);
    expect(seconds.events[0].detail).toMatch(/back at read 3000/);
  });

  it('downtime 0 is a restart as before, byte for byte', () => {
    const zero = builtCli(['simulate', scenario('zero.yaml', ['  - {at: 2000, action: restart-worker, worker: worker-1, downtime: 0}']), '--json', '-']);
    const none = builtCli(['simulate', scenario('none.yaml', ['  - {at: 2000, action: restart-worker, worker: worker-1}']), '--json', '-']);
    expect(zero.code).toBe(0);
    expect(zero.stdout.replace(/zero\.yaml/g, 'X')).toBe(none.stdout.replace(/none\.yaml/g, 'X'));
  });

  it.each([
    ['negative', '-5', /must be a whole number from 0 up/],
    ['non-numeric', 'soon', /must be a number of reads or of seconds/],
    ['past the last read', '4000', /runs past the workload's last read: the worker would be back at read 6000, and the workload has 6000 reads/],
  ])('a %s downtime exits 2 with one line naming events[0].downtime', (_name, value, message) => {
    const r = builtCli(['simulate', scenario(`bad-${_name}.yaml`, [`  - {at: 2000, action: restart-worker, worker: worker-1, downtime: ${value}}`])]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/events\[0\]\.downtime/);
    expect(r.stderr).toMatch(message);
  });

  it('a downtime overlapping another event of the same worker exits 2 naming events[i].downtime; another worker is fine', () => {
    const r = builtCli(['simulate', scenario('overlap.yaml', [RESTART, '  - {at: 2500, action: set-page-size, worker: worker-1, pageSize: 4MB}'])]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/events\[0\]\.downtime: .*overlaps events\[1\] \(read 2500\) on the same worker worker-1/);
    const ok = builtCli([
      'simulate',
      scenario('other.yaml', [
        RESTART,
        '  - {at: 2500, action: restart-worker, worker: worker-2, downtime: 100}',
        '  - {at: 3000, action: stop-worker, worker: worker-1}',
      ]),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
  });

  it('a downtime past the end of a trace exits 2 once the trace has ended (--threads 2)', () => {
    const trace = join(dir, 'short.txt');
    writeFileSync(trace, Array.from({ length: 300 }, (_, i) => `k${i % 40}`).join('\n') + '\n');
    const path = join(dir, 'trace.yaml');
    writeFileSync(
      path,
      [
        'cluster: {workerGroups: [{name: worker, count: 4, pagestore: {size: 400Mi}}]}',
        `workload: {type: trace, path: ${trace}, format: txt, objectSize: 1Mi}`,
        'events:',
        '  - {at: 100, action: restart-worker, worker: worker-1, downtime: 500}',
      ].join('\n') + '\n',
    );
    const r = builtCli(['simulate', path, '--threads', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /events\[0\]\.downtime: .*runs past the workload's last read: the worker would be back at read 600, and the workload has 300 reads/,
    );
  });
});
