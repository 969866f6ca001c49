import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/sim/scenario.js';
import { simulate } from '../../src/sim/simulate.js';
import { renderSimulationText, simulationView, workersText } from '../../src/report/simulate.js';
import { formatBinary } from '../../src/core/units.js';
import { percent } from '../../src/report/format.js';

const yaml = `
name: tiny
seed: 3
cluster:
  workerGroups:
    - { name: worker, count: 3, pagestore: { size: 64Mi, pageSize: 1MB } }
placement: { algorithm: alluxio-consistent, vnodes: 50 }
workload: { type: zipf, files: 100, alpha: 0.8, fileSize: 1Mi, requests: 2000 }
metrics: { window: 500 }
events:
  - { at: 1000, action: stop-worker, worker: worker-1 }
`;

describe('simulate report', () => {
  it('totals with units, one events row an event with its detail, and the windows count', async () => {
    const result = await simulate(parseScenario(yaml, 'tiny.yaml'));
    const v = simulationView(result);
    expect(v.heading[0]).toMatch(/^tiny: 3 workers, alluxio-consistent \(dynamic ring\), seed 3$/);
    expect(v.totals.map((t) => t[0])).toContain('bytes read from under-storage');
    expect(v.totals.find((t) => t[0] === 'hit ratio (pages)')![1]).toMatch(/^\d+\.\d\d %$/);
    expect(v.events!.table.rows).toHaveLength(1);
    expect(v.events!.table.rows[0][1]).toBe('1,000');
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    const text = renderSimulationText(result);
    expect(text).toContain('\nevents:\n');
    expect(text.trimEnd().endsWith('(in --json)')).toBe(true);
  });

  it('the header counts the workers the run starts with and those events add; the events table has bytes moved (issue 29 item 6)', async () => {
    const scaled = yaml.replace('{ at: 1000, action: stop-worker, worker: worker-1 }', '{ at: 1000, action: add-workers, count: 2 }');
    const result = await simulate(parseScenario(scaled, 'tiny.yaml'));
    expect(result.scenario).toMatchObject({ workers: 5, workersAtStart: 3, workersAddedByEvents: 2 });
    const v = simulationView(result);
    expect(v.heading[0]).toBe('tiny: 3 workers, +2 by events, alluxio-consistent (dynamic ring), seed 3');
    const headers = v.events!.table.headers;
    expect(headers.slice(2, 5)).toEqual(['files moved', 'bytes moved', 'cached bytes unreachable']);
    const e = result.events[0];
    expect(e.bytesMoved).toBeGreaterThan(0);
    expect(v.events!.table.rows[0][3]).toBe(formatBinary(e.bytesMoved));
    expect(workersText({ ...result.scenario, workersAtStart: 1, workersAddedByEvents: 0 })).toBe('1 worker');
  });

  it('a restart-worker event gets files and bytes that stay on the pod, from samePod and bytesSamePod (issue 23 item 2)', async () => {
    const restart = yaml
      .replace('count: 3, pagestore:', 'count: 3, identity: ephemeral, pagestore:')
      .replace('{ at: 1000, action: stop-worker, worker: worker-1 }', '{ at: 1000, action: restart-worker, worker: worker-1 }');
    const result = await simulate(parseScenario(restart, 'tiny.yaml'));
    const e = result.events[0];
    expect(e.samePod).toBeGreaterThan(0);
    const v = simulationView(result);
    expect(v.events!.table.headers.slice(2, 7)).toEqual(['files moved', 'bytes moved', 'files stay on pod', 'bytes stay on pod', 'cached bytes unreachable']);
    expect(v.events!.table.rows[0].slice(4, 6)).toEqual([percent(e.samePod), formatBinary(e.bytesSamePod)]);
    expect(v.events!.details.some((d) => d.startsWith('stay on pod: files passing from a restarted worker'))).toBe(true);
    // No restart: no such column.
    expect(simulationView(await simulate(parseScenario(yaml, 'tiny.yaml'))).events!.table.headers).not.toContain('files stay on pod');
  });
});
