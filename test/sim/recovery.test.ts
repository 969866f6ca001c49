/**
 * Recovery against the baseline (issue 29 item 3): hand-built windows, then properties over random ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECOVERY_TOLERANCE, recoveryFrom } from '../../src/sim/recovery.js';
import { readUfs } from '../../src/sim/ufs.js';
import { FieldReader } from '../../src/core/field-reader.js';

const W = 1000;

/** Windows of W reads with these hit ratios; each window's under-storage bytes and GETs from its misses. */
function windows(ratios: readonly number[]) {
  return ratios.map((hitRatio, k) => {
    const misses = Math.round((1 - hitRatio) * W);
    return { start: k * W, end: (k + 1) * W, hitRatio, ufs: { bytes: misses * 2 ** 20, requests: misses, seconds: null, costUSD: null } };
  });
}

const ufs = readUfs(new FieldReader('test'), { maxRequestsPerSecond: 100 })!;

describe('recoveryFrom', () => {
  it('an event that moves nothing recovers in 0 reads and 0 seconds, at the end of its window', () => {
    const base = windows([0.5, 0.9, 0.9, 0.9]);
    expect(recoveryFrom({ at: 1500, effectiveAt: 1500 }, base, base, ufs)).toEqual({
      lowestHitRatio: 0.9,
      recoveryRequests: 0,
      recoverySeconds: 0,
      recoveredBy: 2000,
    });
    expect(recoveryFrom({ at: 1000, effectiveAt: 1000 }, base, base, null)).toEqual({
      lowestHitRatio: 0.9,
      recoveryRequests: 0,
      recoverySeconds: null,
      recoveredBy: 2000,
    });
  });

  it('counts reads from the event to the start of the windows back within the tolerance, seconds from their misses', () => {
    const base = windows([0.5, 0.9, 0.9, 0.9, 0.9]);
    const run = windows([0.5, 0.6, 0.8, 0.9 - RECOVERY_TOLERANCE, 0.9]);
    // Back at window 3 (exactly at the tolerance): 3000 - 1000 reads; the misses of windows 1 and 2 (400 + 200 GETs at 100/s).
    expect(recoveryFrom({ at: 1000, effectiveAt: 1000 }, run, base, ufs)).toEqual({
      lowestHitRatio: 0.6,
      recoveryRequests: 2000,
      recoverySeconds: 6,
      recoveredBy: 4000,
    });
  });

  it('a hit ratio the workload has anyway (the baseline low too) is not a loss', () => {
    const base = windows([0.9, 0.2, 0.9]);
    const run = windows([0.9, 0.2, 0.9]);
    expect(recoveryFrom({ at: 1000, effectiveAt: 1000 }, run, base, ufs).recoveryRequests).toBe(0);
  });

  it('windows before clients see the change do not pass for a recovery; a dip after them starts the count anew', () => {
    const base = windows([0.9, 0.9, 0.9, 0.9, 0.9]);
    const run = windows([0.9, 0.9, 0.5, 0.9, 0.9]);
    expect(recoveryFrom({ at: 1000, effectiveAt: 2000 }, run, base, null)).toMatchObject({ recoveryRequests: 2000, recoveredBy: 4000, lowestHitRatio: 0.5 });
    // Unchanged all through, the windows before count: 0.
    expect(recoveryFrom({ at: 1000, effectiveAt: 2500 }, base, base, null)).toMatchObject({ recoveryRequests: 0, recoveredBy: 3000 });
  });

  it('not back within the run: null', () => {
    const base = windows([0.9, 0.9, 0.9]);
    expect(recoveryFrom({ at: 1000, effectiveAt: 1000 }, windows([0.9, 0.5, 0.6]), base, ufs)).toEqual({
      lowestHitRatio: 0.5,
      recoveryRequests: null,
      recoverySeconds: null,
      recoveredBy: null,
    });
  });

  it('the same run as the baseline recovers in 0 from any event; later windows never change a recovery (property)', () => {
    const ratio = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
    fc.assert(
      fc.property(
        fc.array(ratio, { minLength: 2, maxLength: 30 }),
        fc.array(ratio, { minLength: 2, maxLength: 30 }),
        fc.nat(),
        fc.nat(2500),
        fc.array(ratio, { maxLength: 5 }),
        (runR, baseR, atSeed, delay, tail) => {
          const n = Math.min(runR.length, baseR.length);
          const at = atSeed % (n * W);
          const d = { at, effectiveAt: Math.min(at + delay, n * W - 1) };
          const base = windows(baseR.slice(0, n));
          expect(recoveryFrom(d, base, base, ufs).recoveryRequests).toBe(0);
          const run = windows(runR.slice(0, n));
          const r = recoveryFrom(d, run, base, ufs);
          if (r.recoveredBy === null) return;
          expect(r.recoveryRequests === 0 || (r.recoveryRequests! + at) % W === 0).toBe(true); // to a window's start
          // Windows after the recovered one (a later event's) change nothing of it.
          const longer = windows([...runR.slice(0, n), ...tail]);
          const longerBase = windows([...baseR.slice(0, n), ...tail.map(() => 1)]);
          expect(recoveryFrom(d, longer, longerBase, ufs)).toEqual(r);
        },
      ),
      { seed: 29, numRuns: 300 },
    );
  });
});
