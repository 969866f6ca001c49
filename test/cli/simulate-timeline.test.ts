/** `simulate`'s timeline through the built CLI: bad timelines are bad input (exit 2, one line), on one or two threads. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-timeline-'));
const GROUP = ['cluster:', '  workerGroups:', '    - {name: worker, count: 4, pagestore: {size: 400Mi}}'];

function scenario(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [...GROUP, ...lines].join('\n') + '\n');
  return path;
}

describe('ring-sim simulate: the timeline', () => {
  it.each(['1', '2'])('an event after the last read of a synthetic workload exits 2 naming events[i].at and the read count (--threads %s)', (threads) => {
    const s = scenario(`late-${threads}.yaml`, [
      'workload: {type: uniform, files: 100, fileSize: 1Mi, requests: 2000}',
      'events:',
      '  - {at: 500, action: add-workers}',
      '  - {at: 2000, action: stop-worker, worker: worker-0}',
    ]);
    const r = builtCli(['simulate', s, '--threads', threads]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/events\[1\]\.at: is at or after the workload's last read: the workload has 2000 reads/);
  });

  it.each(['1', '2'])('an event after the last read of a trace exits 2 once the trace has ended (--threads %s)', (threads) => {
    const trace = join(dir, 'short.txt');
    writeFileSync(trace, Array.from({ length: 300 }, (_, i) => `k${i % 40}`).join('\n') + '\n');
    const s = scenario(`trace-late-${threads}.yaml`, [
      `workload: {type: trace, path: ${trace}, format: txt, objectSize: 1Mi}`,
      'events:',
      '  - {at: 100, action: add-workers}',
      '  - {at: 300, action: add-workers}',
    ]);
    const r = builtCli(['simulate', s, '--threads', threads]);
    expect(r.stderr).toMatch(/^ring-sim: error: events\[1\]\.at: is at or after the workload's last read: it has 300 reads/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
  });

  it('atEpoch places an event in a training run: 1.5 is half way through the second epoch', () => {
    const s = scenario('epoch.yaml', [
      'workload: {type: training, files: 200, fileSize: 1Mi, epochs: 3, jobs: 2}',
      'metrics: {window: 100}',
      'events:',
      '  - {atEpoch: 1.5, action: add-workers}',
    ]);
    const r = builtCli(['simulate', s, '--json', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).events[0].at).toBe(600);
  });
});
