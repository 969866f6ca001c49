import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheModel, flowBytes, movedBytes } from '../../../src/ring/analysis/cached-bytes.js';

describe('cacheModel: what each worker caches, and what leaving keys re-read', () => {
  it('caps each worker at its page data; a flow carries its part of the range × what the worker caches', () => {
    const m = cacheModel([0.5, 0.25, 0.25], [100, 100, 1000], 1000);
    expect([...m.cached]).toEqual([100, 100, 250]);
    expect([...m.capped]).toEqual([1, 1, 0]);
    expect(flowBytes(m, 0, 0.25)).toBe(50); // half its range, half its 100 B
    expect(flowBytes(m, 2, 0.125)).toBe(125); // uncapped: fraction × data set
    expect(movedBytes(m, 0.5 + 0.25, [0.5, 0, 0.25])).toEqual({ bytes: 350, basis: 'cache' });
    expect(movedBytes(m, 0.25, [0, 0, 0.25])).toEqual({ bytes: 250, basis: 'dataset' });
  });

  it('without a data set every cache is full', () => {
    const m = cacheModel([0.5, 0.5], [300, 100], null);
    expect(movedBytes(m, 0.5, [0, 0.5])).toEqual({ bytes: 100, basis: 'cache' });
    expect(movedBytes(m, 0, [0, 0]).basis).toBe('cache');
  });

  it('property: never more than the sources cache; moved × data set exactly when the data set fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 40 }), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 2 ** 46 }),
        (raw, dataset) => {
          const total = raw.reduce((s, [w]) => s + w, 0);
          const shares = raw.map(([w]) => w / total);
          const m = cacheModel(
            shares,
            raw.map(([, c]) => c),
            dataset,
          );
          const movedFrom = raw.map(([, , part], i) => part * shares[i]);
          const moved = movedFrom.reduce((s, x) => s + x, 0);
          const got = movedBytes(m, moved, movedFrom);
          const ceiling = raw.reduce((s, [, c], i) => s + (movedFrom[i] > 0 ? c : 0), 0);
          expect(got.bytes).toBeLessThanOrEqual(Math.ceil(ceiling) + 1);
          movedFrom.forEach((f, i) => expect(flowBytes(m, i, f)).toBeLessThanOrEqual(Math.ceil(m.cached[i]) + 1));
          const fits = shares.every((s, i) => s * dataset <= raw[i][1]);
          if (fits) expect(got).toEqual({ bytes: Math.round(moved * dataset), basis: 'dataset' });
          else if (shares.some((s, i) => s * dataset > raw[i][1] && movedFrom[i] > 0)) expect(got.basis).toBe('cache');
        },
      ),
      { seed: 23, numRuns: 300 },
    );
  });
});
