/**
 * A restart without a persisted identity, through the built CLI (issue 23 item 2): keys that pass from the old
 * identity to the new one on the same pod are still in its page store, so `moved` and the bytes leave them out,
 * `samePod` gives them, and a flow labelled "stays on the pod" shows them; with an emptyDir page store they are
 * re-read like the rest.
 */
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';

interface Flow {
  from: string;
  to: string;
  fraction: number;
  bytes: number;
  samePod?: true;
}
interface WhatIf {
  name: string;
  moved: number;
  samePod: number;
  optimal: number;
  bytesMoved: number;
  flows: Flow[];
  otherFlows: { fraction: number };
}

const manifest = (type: string): string =>
  tempFile(
    `same-pod-${type}.yaml`,
    [
      'apiVersion: k8s-operator.alluxio.com/v1',
      'kind: AlluxioCluster',
      'metadata: {name: c}',
      'spec:',
      '  properties: {alluxio.user.consistent.hash.virtual.node.count.per.worker: "50"}',
      '  worker:',
      '    count: 6',
      `    pagestore: {type: ${type}, size: 100Gi, reservedSize: 10Gi}`,
      '',
    ].join('\n'),
  );

const restartOf = (type: string): WhatIf => {
  const r = builtCli(['plan', manifest(type), '--dataset', '60GiB', '--json']);
  return (JSON.parse(r.stdout) as { whatIf: WhatIf[] }).whatIf.find((w) => w.name === 'restart one worker')!;
};

describe('plan: a restart without identity keeps the same-pod keys cached (built CLI)', () => {
  it('hostPath: samePod apart from moved, bytes of the moved keys only, one flow that stays on the pod', () => {
    const w = restartOf('hostPath');
    expect(w.samePod).toBeGreaterThan(0);
    const stay = w.flows.filter((f) => f.samePod);
    expect(stay).toEqual([
      { from: 'worker-0', to: 'worker-0 (new identity)', fraction: w.samePod, bytes: Math.round(w.samePod * 60 * 2 ** 30), samePod: true },
    ]);
    const moved = w.flows.filter((f) => !f.samePod).reduce((s, f) => s + f.fraction, 0) + w.otherFlows.fraction;
    expect(moved).toBeCloseTo(w.moved, 12);
    expect(w.bytesMoved).toBe(Math.round(w.moved * 60 * 2 ** 30)); // the data set fits: moved share × data set
    expect(w.optimal).toBeLessThanOrEqual(w.moved);
    const text = builtCli(['plan', manifest('hostPath'), '--dataset', '60GiB']).stdout;
    expect(text).toContain(`worker-0 → worker-0 (new identity), stays on the pod: ${(w.samePod * 100).toFixed(2)} % of the keys`);
    expect(text).toMatch(/one restart moves [\d.]+ % of the keys to other pods \([\d.]+ % stay on the pod under its new identity, not re-read\)/);
  });

  it('emptyDir: the page store comes back empty, so the same-pod keys are moved and re-read too', () => {
    const kept = restartOf('hostPath');
    const lost = restartOf('emptyDir');
    expect(lost.samePod).toBe(0);
    expect(lost.moved).toBeCloseTo(kept.moved + kept.samePod, 12);
    expect(lost.bytesMoved).toBe(Math.round(lost.moved * 60 * 2 ** 30));
    expect(lost.flows.some((f) => f.samePod)).toBe(false);
  });
});
