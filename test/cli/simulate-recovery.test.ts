/**
 * `simulate`: "before" is the reads just before the event, and recovery is measured against the baseline
 * replay (issue 29 item 3), through the built CLI, with one thread and two.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';

const dir = fileURLToPath(new URL('../../examples/scenarios/', import.meta.url));

interface Window {
  start: number;
  end: number;
  hitRatio: number;
  ufs: { bytes: number; requests: number };
}
interface Event {
  at: number;
  hitRatioBefore: number | null;
  lowestHitRatio: number | null;
  recoveryRequests: number | null;
  recoverySeconds: number | null;
  recoveredBy: number | null;
}

function run(file: string, ...flags: string[]) {
  const r = builtCli(['simulate', file, '--json', '-', ...flags]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return {
    text: r.stdout,
    result: JSON.parse(r.stdout) as { windows: Window[]; events: Event[]; recoveryTolerance: number; baseline?: { windows: Window[] } },
  };
}

function scenario(events: string, extra = ''): string {
  return tempFile(
    's.yaml',
    `name: recovery
seed: 5
cluster:
  workerGroups:
    - { name: worker, count: 6, pagestore: { size: 1Gi, pageSize: 1MB, type: hostPath }, identity: persisted }
placement: { algorithm: alluxio-consistent, vnodes: 500, ring: static }
workload: { type: zipf, files: 3000, alpha: 0.9, fileSize: 1Mi, requests: 40000 }
metrics: { window: 1000 }
${extra}events:
${events}`,
  );
}

describe('simulate: recovery against the baseline', () => {
  it("a rolling restart that moves nothing recovers in 0 reads, seen at the end of each event's window", () => {
    const one = run(`${dir}rolling-restart-persisted.yaml`);
    expect(run(`${dir}rolling-restart-persisted.yaml`, '--threads', '2').text).toBe(one.text);
    expect(one.result.recoveryTolerance).toBe(0.01);
    for (const e of one.result.events) expect(e).toMatchObject({ recoveryRequests: 0, recoverySeconds: null, recoveredBy: e.at + 2000 });
    const text = builtCli(['simulate', `${dir}rolling-restart-persisted.yaml`]).stdout;
    expect(text).toMatch(/ 0 reads\n/);
    expect(text).toContain(
      "recovery: reads until the windowed hit ratio is back within 1 percentage point of the baseline's (the same reads without the events, replayed for this)",
    );
  });

  it("a page store lost: recovery is where the windows are back within 0.01 of the baseline's, its seconds the under-storage's for those reads", () => {
    const file = scenario('  - { at: 20000, action: restart-worker, worker: worker-2, keepPageStore: false }\n', 'ufs: { maxRequestsPerSecond: 500 }\n');
    const { result } = run(file, '--baseline');
    expect(run(file, '--baseline', '--threads', '2').result).toEqual(result);
    const [e] = result.events;
    const base = result.baseline!.windows;
    // By hand: the first window from the event on back within the tolerance (nothing waits on a ring change here).
    const k = result.windows.findIndex((w, i) => w.start >= 20000 && w.hitRatio >= base[i].hitRatio - 0.01);
    expect(k).toBeGreaterThan(20); // the lost store's hot pages miss for more than one window
    expect(e.recoveryRequests).toBe(result.windows[k].start - 20000);
    expect(e.recoveredBy).toBe(result.windows[k].end);
    const lost = result.windows.filter((w) => w.start >= 20000 && w.start < result.windows[k].start);
    expect(e.recoverySeconds).toBeCloseTo(lost.reduce((s, w) => s + w.ufs.requests, 0) / 500, 9);
    expect(e.lowestHitRatio).toBe(Math.min(...result.windows.slice(20, k + 1).map((w) => w.hitRatio)));
    expect(builtCli(['simulate', file]).stdout).toMatch(new RegExp(`${e.recoveryRequests!.toLocaleString('en-US')} reads, [0-9.]+ s`));
  });

  it('"before" is the reads just before each event: at a window\'s start the window before, two events in one window each their own', () => {
    const { result } = run(
      scenario(
        '  - { at: 20000, action: stop-worker, worker: worker-0 }\n  - { at: 25200, action: stop-worker, worker: worker-1 }\n  - { at: 25700, action: stop-worker, worker: worker-2 }\n',
      ),
    );
    const [a, b, c] = result.events;
    expect(a.hitRatioBefore).toBe(result.windows[19].hitRatio);
    // From the window before (24,000) to 25,200; then from the event at 25,200 on, which took a sixth of the reads to the under-storage.
    expect(b.hitRatioBefore).toBeGreaterThan(0.7);
    expect(c.hitRatioBefore).toBeLessThan(b.hitRatioBefore! - 0.1);
  });
});
