import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/sim/scenario.js';
import { simulate } from '../../src/sim/simulate.js';
import { renderSimulationText, simulationView } from '../../src/report/simulate.js';

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
});
