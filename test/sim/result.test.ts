import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxOverMean, measured } from '../../src/sim/result.js';
import { zeroCounters } from '../../src/sim/steps.js';

describe('maxOverMean', () => {
  it('is the busiest worker over the mean of the workers named', () => {
    const v = Float64Array.from([10, 30, 20, 1000]);
    expect(maxOverMean(v, [0, 1, 2])).toBe(1.5);
    expect(maxOverMean(v, [3])).toBe(1);
    expect(maxOverMean(new Float64Array(3), [0, 1, 2])).toBe(0);
    expect(maxOverMean(v, [])).toBe(0);
  });

  it('is from 1 to the number of workers for any load (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 50 }), (loads) => {
        const r = maxOverMean(
          Float64Array.from(loads),
          loads.map((_, i) => i),
        );
        if (loads.every((x) => x === 0)) expect(r).toBe(0);
        else {
          expect(r).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(r).toBeLessThanOrEqual(loads.length + 1e-9);
        }
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});

describe('measured', () => {
  it('derives the ratios from the counters, and 0 (never NaN) when there is nothing', () => {
    const c = { ...zeroCounters(), requests: 5, pageRequests: 8, pageHits: 6, bytes: 800, hitBytes: 200, ufsBytes: 600 };
    expect(measured(c, 1.2, 1.5, 50, 200)).toEqual({
      requests: 5,
      pageRequests: 8,
      pageHits: 6,
      hitRatio: 0.75,
      bytesRequested: 800,
      hitBytes: 200,
      byteHitRatio: 0.25,
      ufsBytes: 600,
      unavailableBytes: 0,
      workerRequestsMaxOverMean: 1.2,
      workerBytesMaxOverMean: 1.5,
      occupiedBytes: 50,
      capacityBytes: 200,
      occupancy: 0.25,
      ufs: { bytes: 600, requests: 2, seconds: null, costUSD: null },
    });
    expect(measured(zeroCounters(), 0, 0, 0, 0)).toMatchObject({ hitRatio: 0, byteHitRatio: 0, occupancy: 0 });
  });
});
