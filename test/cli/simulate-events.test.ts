/**
 * `simulate`: each event's figures are that event's own (issue 29), through the built CLI, with one thread and two.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';

const dir = fileURLToPath(new URL('../../examples/scenarios/', import.meta.url));

function json(file: string, ...flags: string[]) {
  const r = builtCli(['simulate', file.startsWith('/') ? file : `${dir}${file}`, '--json', '-', ...flags]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { text: r.stdout, result: JSON.parse(r.stdout) };
}

describe('simulate: per-event figures', () => {
  it('a rolling restart without persisted identity: like restarts report like unreachable bytes, never above the data set', () => {
    const one = json('rolling-restart.yaml');
    const two = json('rolling-restart.yaml', '--threads', '2');
    expect(two.text).toBe(one.text);
    const bytes: number[] = one.result.events.map((e: { bytesUnreachable: number }) => e.bytesUnreachable);
    expect(bytes).toHaveLength(4);
    const dataSet = 4000 * 2 ** 20; // 4,000 files of 1 MiB
    for (const b of bytes) {
      expect(b).toBeGreaterThan(0);
      expect(b).toBeLessThanOrEqual(dataSet);
      // Each restart makes about an eighth of the cached data unreachable: within 15 % of the first one's.
      expect(Math.abs(b - bytes[0])).toBeLessThan(0.15 * bytes[0]);
    }
  });

  it('a rolling restart marks its overlaps, both ways, and reports them once as a group', () => {
    const { result } = json('rolling-restart.yaml');
    const events = result.events as Array<{ index: number; overlapsWith: number[]; group: number | null }>;
    for (const e of events) {
      expect(e.overlapsWith).toEqual([0, 1, 2, 3].filter((i) => i !== e.index));
      expect(e.group).toBe(0);
    }
    expect(result.eventGroups).toHaveLength(1);
    expect(result.eventGroups[0]).toMatchObject({ events: [0, 1, 2, 3], at: 40000, lastAt: 70000, hitRatioBefore: result.events[0].hitRatioBefore });
    expect(result.eventGroups[0].bytesUnreachable).toBe(events.reduce((s, e) => s + (e as unknown as { bytesUnreachable: number }).bytesUnreachable, 0));
    const text = builtCli(['simulate', `${dir}rolling-restart.yaml`, '--threads', '2']).stdout;
    expect(text.match(/ in group 1\n/g)).toHaveLength(4);
    expect(text).toMatch(/reported once a group:\ngroup +events +from read .*\n[- ]+\n +1 +4 +40,000 +70,000 /);
    expect(text).toContain('  group 1: restart-worker worker-0, restart-worker worker-1, restart-worker worker-2, restart-worker worker-3');
  });

  it('a restart that moves nothing recovers in 0 and overlaps with no other', () => {
    const { result } = json('rolling-restart-persisted.yaml');
    for (const e of result.events) expect(e).toMatchObject({ recoveryRequests: 0, overlapsWith: [], group: null });
    expect(result.eventGroups).toEqual([]);
  });

  it('an event far after an earlier one leaves every figure of the earlier one unchanged; one before its recovery overlaps', () => {
    const scenario = (events: string) =>
      tempFile(
        's.yaml',
        `name: far later
seed: 5
cluster:
  workerGroups:
    - { name: worker, count: 6, pagestore: { size: 1Gi, pageSize: 1MB, type: hostPath }, identity: persisted }
placement: { algorithm: alluxio-consistent, vnodes: 500, ring: dynamic, refreshDelay: 300 }
workload: { type: zipf, files: 3000, alpha: 0.9, fileSize: 1Mi, requests: 60000 }
metrics: { window: 1000 }
events:
  - { at: 20000, action: restart-worker, worker: worker-2, keepPageStore: false }
${events}`,
      );
    const alone = json(scenario('')).result;
    const first = alone.events[0];
    expect(first.recoveryRequests).toBeGreaterThan(1000);
    const by: number = first.recoveredBy;
    for (const at of [by, by + 5000]) {
      const later = json(scenario(`  - { at: ${at}, action: add-workers, count: 1 }\n`)).result;
      expect(later.events[0]).toEqual(first);
      expect(later.events[1]).toMatchObject({ overlapsWith: [], group: null });
      expect(later.eventGroups).toEqual([]);
    }
    const early = json(scenario(`  - { at: ${by - 1000}, action: add-workers, count: 1 }\n`)).result;
    expect(early.events.map((e: { overlapsWith: number[] }) => e.overlapsWith)).toEqual([[1], [0]]);
    expect(early.eventGroups[0].events).toEqual([0, 1]);
  });

  it('the header counts the workers the run starts with and those events add; the text has the bytes moved JSON and HTML have', () => {
    const { result } = json('scale-out-training.yaml');
    expect(result.scenario).toMatchObject({ workers: 12, workersAtStart: 10, workersAddedByEvents: 2 });
    const text = builtCli(['simulate', `${dir}scale-out-training.yaml`]).stdout;
    expect(text.split('\n')[0]).toBe('scale-out during training: 10 workers, +2 by events, alluxio-consistent (dynamic ring), seed 7');
    const bytesMoved = result.events[0].bytesMoved as number;
    expect(bytesMoved).toBeGreaterThan(0);
    expect(text).toMatch(
      new RegExp(
        `\\nevent +at read +files moved +bytes moved +cached bytes unreachable .*\\n.*\\nadd-workers +10,000 +17\\.25 % +${(bytesMoved / 2 ** 30).toFixed(2)} GiB `,
      ),
    );
    expect(builtCli(['simulate', `${dir}rolling-restart.yaml`]).stdout.split('\n')[0]).toMatch(/: 8 workers, alluxio-consistent/);
  });
});

describe('simulate: per-worker figures', () => {
  const scenario = () =>
    tempFile(
      's.yaml',
      `name: joins and leaves
seed: 3
cluster:
  workerGroups:
    - { name: worker, count: 4, pagestore: { size: 256Mi, pageSize: 1MB } }
placement: { algorithm: alluxio-consistent, refreshDelay: 500 }
workload: { type: uniform, files: 400, fileSize: 1Mi, requests: 6000 }
metrics: { window: 1000 }
events:
  - { at: 2300, action: add-workers, count: 2 }
  - { at: 3000, action: stop-worker, worker: worker-1 }
  - { at: 3400, action: scale-in, worker: worker-2 }
`,
    );

  it('windows[].workerPageRequests has one length and order, workers added later zero before they join', () => {
    const file = scenario();
    const one = json(file);
    expect(json(file, '--threads', '2').text).toBe(one.text);
    const { windows, workers } = one.result as {
      windows: Array<{ start: number; pageRequests: number; workerPageRequests: number[] }>;
      workers: Array<{ name: string; pageRequests: number }>;
    };
    expect(workers.map((w) => w.name)).toEqual(['worker-0', 'worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5']);
    for (const w of windows) {
      expect(w.workerPageRequests).toHaveLength(6);
      expect(w.workerPageRequests.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(w.pageRequests);
    }
    for (const w of windows.filter((x) => x.start < 2000)) expect(w.workerPageRequests.slice(4)).toEqual([0, 0]);
    workers.forEach((worker, i) => expect(windows.reduce((s, w) => s + w.workerPageRequests[i], 0)).toBe(worker.pageRequests));
  });

  it('busiest/mean is over the workers present in each window: not before they join, not after they leave', () => {
    const { windows, totals, workers } = json(scenario()).result as {
      windows: Array<{ start: number; workerPageRequests: number[]; workerRequestsMaxOverMean: number }>;
      totals: { workerRequestsMaxOverMean: number };
      workers: Array<{ pageRequests: number }>;
    };
    // worker-4 and -5 join at 2,300; worker-1 stops at 3,000 (the window's first read); worker-2 leaves at 3,400.
    const presentFrom = (start: number): number[] =>
      start < 2000 ? [0, 1, 2, 3] : start < 3000 ? [0, 1, 2, 3, 4, 5] : start < 4000 ? [0, 2, 3, 4, 5] : [0, 3, 4, 5];
    const maxOverMean = (values: number[]): number => Math.max(...values) / (values.reduce((a, b) => a + b, 0) / values.length);
    for (const w of windows) expect(w.workerRequestsMaxOverMean).toBeCloseTo(maxOverMean(presentFrom(w.start).map((i) => w.workerPageRequests[i])), 12);
    expect(totals.workerRequestsMaxOverMean).toBeCloseTo(maxOverMean(workers.map((w) => w.pageRequests)), 12);
  });
});
