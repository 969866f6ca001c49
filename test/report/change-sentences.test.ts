/**
 * The rebalance view's sentences against the figures they describe (issue 23 item 7): each quality word appears
 * exactly when its figure is on that side of the named threshold, and the sentence quotes the figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  movedMethodNote,
  OPTIMAL_TOLERANCE,
  persistedRestartClause,
  removeClause,
  restartOptimalNote,
  SAMPLE_KEYS,
  shareChangeClause,
  SMALL_SHARE_CHANGE,
} from '../../src/report/change-sentences.js';
import { percent } from '../../src/report/format.js';

const share = fc.double({ min: 0, max: 1, noNaN: true });

describe('change sentences follow their figures', () => {
  it('"change little" exactly when the optimum is under SMALL_SHARE_CHANGE; the optimum and the shares\' range quoted', () => {
    fc.assert(
      fc.property(share, fc.array(share, { minLength: 1, maxLength: 12 }), (optimal, shares) => {
        const s = shareChangeClause(optimal, shares);
        const little = Number(percent(optimal).replace(' %', '')) < SMALL_SHARE_CHANGE * 100; // the figure as printed
        expect(s.includes('change little')).toBe(little);
        expect(s.includes('themselves change')).toBe(!little);
        expect(s).toContain(percent(optimal));
        expect(s).toContain(`${percent(Math.min(...shares))} to ${percent(Math.max(...shares))}`);
      }),
      { seed: 23, numRuns: 300 },
    );
  });

  it('the issue\'s case: 5 virtual nodes, shares 17.6–32.8 %, is not "little"', () => {
    const s = shareChangeClause(0.078, [0.176, 0.241, 0.255, 0.328]);
    expect(s).not.toContain('change little');
    expect(s).toContain('17.60 % to 32.80 %');
    expect(shareChangeClause(0.004, [0.249, 0.251])).toContain('change little');
    expect(shareChangeClause(0.049999, [0.25])).toContain('themselves change'); // printed 5.00 %: not under 5 %
  });

  it('"nothing else moves" exactly when the move is the optimum', () => {
    fc.assert(
      fc.property(share, share, (optimal, extra) => {
        const moved = optimal + extra;
        const s = removeClause(moved, optimal);
        expect(s.startsWith('nothing else moves')).toBe(extra <= OPTIMAL_TOLERANCE);
        expect(s).toContain(percent(optimal));
      }),
      { seed: 24, numRuns: 300 },
    );
    expect(removeClause(0.25, 0.25)).toBe('nothing else moves (optimal 25.00 %)');
  });

  it('"a persisted identity moves nothing" only when the page store survives; with emptyDir its share is re-read', () => {
    fc.assert(
      fc.property(fc.boolean(), share, (emptyDir, s) => {
        const clause = persistedRestartClause(emptyDir, s);
        expect(clause.includes('moves nothing')).toBe(!emptyDir);
        expect(restartOptimalNote(emptyDir).includes('moves nothing')).toBe(!emptyDir);
        if (emptyDir) expect(clause).toContain(`${percent(s)} of the keys are re-read`);
      }),
      { seed: 25, numRuns: 100 },
    );
  });

  it('the measurement note names the sample size the what-if module uses', () => {
    expect(movedMethodNote('sample')).toBe(`on ${SAMPLE_KEYS.toLocaleString('en-US')} sample keys`);
    expect(movedMethodNote('exact')).toBe('exact, of the 2^32 key hashes');
  });
});
