import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairSums } from '../../../src/ring/analysis/pair-sums.js';

/** The former way: a running total per pair, every non-zero pair sorted, the first `limit` kept. */
function naive(pieces: Array<[number, number, number, number]>, cols: number, limit: number) {
  const sums = new Map<number, [number, number]>();
  for (const [f, t, a, b] of pieces) {
    const k = f * cols + t;
    const s = sums.get(k) ?? [0, 0];
    sums.set(k, [s[0] + a, s[1] + b]);
  }
  const byRow = new Float64Array(Math.max(0, ...pieces.map(([f]) => f + 1)));
  for (const [k, [v]] of sums) if (v !== 0) byRow[Math.floor(k / cols)] += v / 7;
  const all = [...sums].filter(([, [v]]) => v !== 0).sort((x, y) => y[1][0] - x[1][0] || x[0] - y[0]);
  return {
    count: all.length,
    byRow,
    flows: all.slice(0, limit).map(([k, [v, b]]) => ({ from: `b${Math.floor(k / cols)}`, to: `a${k % cols}`, fraction: v / 7, bytes: b })),
  };
}

describe('PairSums', () => {
  it('keeps the same largest pairs, in the same order (ties by from, then to), as a full sort', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 100 })), { maxLength: 300 }),
        (rows, cols, limit, raw) => {
          const pieces = raw.map(([f, t, a, b]) => [f % rows, t % cols, a, b] as [number, number, number, number]);
          const sums = new PairSums(rows, cols, true);
          for (const [f, t, a, b] of pieces) sums.add(f, t, a, b);
          const got = sums.top(limit, 7, (f, t) => [`b${f}`, `a${t}`]);
          const want = naive(pieces, cols, limit);
          expect({ count: got.count, flows: got.flows }).toEqual({ count: want.count, flows: want.flows });
          // What left each row: the sum of that row's pairs, over every pair (listed or not).
          for (let r = 0; r < rows; r++) expect(got.byRow[r]).toBeCloseTo(want.byRow[r] ?? 0, 12);
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });

  it('leaves bytes out when none were given', () => {
    const sums = new PairSums(2, 2, false);
    sums.add(0, 1, 3);
    sums.add(1, 0, 3);
    expect(sums.top(10, 3, (f, t) => [String(f), String(t)])).toEqual({
      count: 2,
      byRow: Float64Array.from([1, 1]),
      flows: [
        { from: '0', to: '1', fraction: 1 },
        { from: '1', to: '0', fraction: 1 },
      ],
    });
  });
});
