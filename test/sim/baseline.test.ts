import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/sim/scenario.js';
import { baselineScenario, totalsDelta } from '../../src/sim/baseline.js';
import { simulateWithBaseline } from '../../src/sim/simulate.js';
import { simulate } from '../../src/sim/simulate.js';

const scenario = (files: number, requests: number, workers: number, window: number, events: unknown[]) =>
  readScenario({
    seed: 3,
    cluster: { workers: { count: workers, pagestore: { size: '64Mi', pageSize: '1MB' } } },
    workload: { type: 'zipf', files, alpha: 0.8, fileSize: { distribution: 'uniform', min: '100Ki', max: '3Mi' }, requests },
    metrics: { window },
    ufs: { bandwidth: '1Gbps', maxRequestsPerSecond: 50, pricePer1000Requests: 0.0004, pricePerGiB: 0.02 },
    events,
  });

const arb = fc.record({
  files: fc.integer({ min: 5, max: 300 }),
  requests: fc.integer({ min: 1, max: 1500 }),
  workers: fc.integer({ min: 2, max: 6 }),
  window: fc.integer({ min: 1, max: 400 }),
  event: fc.option(fc.record({ at: fc.integer({ min: 0, max: 1500 }), count: fc.integer({ min: 1, max: 3 }) }), { nil: undefined }),
});

describe('the baseline and the windows', () => {
  it("totals are the sum of the windows: bytes and GETs exactly, dollars to rounding; seconds at most the windows' sum (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ({ files, requests, workers, window, event }) => {
        const r = await simulate(
          scenario(files, requests, workers, window, event ? [{ at: event.at % requests, action: 'add-workers', count: event.count }] : []),
        );
        const sum = (f: (u: typeof r.totals.ufs) => number): number => r.windows.reduce((s, w) => s + f(w.ufs), 0);
        expect(r.totals.ufs.bytes).toBe(sum((u) => u.bytes));
        expect(r.totals.ufs.requests).toBe(sum((u) => u.requests));
        expect(r.totals.ufs.bytes).toBe(r.totals.ufsBytes);
        expect(r.totals.ufs.costUSD!).toBeCloseTo(
          sum((u) => u.costUSD!),
          12,
        );
        expect(r.totals.ufs.seconds!).toBeLessThanOrEqual(sum((u) => u.seconds!) * (1 + 1e-12));
      }),
      { seed: 28, numRuns: 25 },
    );
  });

  it('delta is zero without events, and totals − baseline field by field with them (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ({ files, requests, workers, window, event }) => {
        const s = scenario(files, requests, workers, window, event ? [{ at: event.at % requests, action: 'add-workers', count: event.count }] : []);
        const r = await simulateWithBaseline(s);
        const base = await simulate(baselineScenario(s));
        expect(r.baseline!.totals).toEqual(base.totals);
        expect(r.delta).toEqual(totalsDelta(r.totals, base.totals));
        expect(r.delta!.ufs.requests).toBe(r.totals.ufs.requests - base.totals.ufs.requests);
        if (!event) {
          for (const [k, v] of Object.entries(r.delta!)) if (k !== 'ufs') expect(v).toBe(0);
          expect(r.delta!.ufs).toEqual({ bytes: 0, requests: 0, seconds: 0, costUSD: 0 });
        }
      }),
      { seed: 29, numRuns: 20 },
    );
  });

  it('the baseline is the scenario without its events, nothing else changed', () => {
    const s = scenario(10, 10, 2, 5, [{ at: 3, action: 'add-workers', count: 1 }]);
    expect(baselineScenario(s)).toEqual({ ...s, events: [] });
    expect(s.events.length).toBe(1);
  });
});
