import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelBaseline, labelRows, layoutLabels, MAX_LABEL_ROWS } from '../../viz/event-labels.js';

/** A label's width: 6 px a character, as a stand-in for the page's measure. */
const width = (text: string): number => text.length * 6;
const texts = (n: number): Array<[string, string]> => Array.from({ length: n }, (_, i) => [`${i + 1}: restart-worker worker-${i}`, String(i + 1)]);

describe('layoutLabels', () => {
  it('never lets two labels on one row intersect, and keeps every label within the chart and the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 150, max: 1080 }), { maxLength: 60 }), (raw) => {
        const xs = [...raw].sort((a, b) => a - b);
        const places = layoutLabels(xs, texts(xs.length), 1098, width);
        const placed = places.filter((p) => p !== null);
        for (const p of placed) {
          expect(p.row).toBeLessThan(MAX_LABEL_ROWS);
          expect(p.right).toBeLessThanOrEqual(1098);
        }
        for (const [i, a] of placed.entries())
          for (const b of placed.slice(i + 1)) if (a.row === b.row) expect(a.right <= b.left || b.right <= a.left).toBe(true);
      }),
      { seed: 26, numRuns: 300 },
    );
  });

  it('writes labels in full where there is room, shortens them to their number where not', () => {
    const apart = layoutLabels([200, 500, 800], texts(3), 1098, width);
    expect(apart.map((p) => [p!.row, p!.text])).toEqual([
      [0, '1: restart-worker worker-0'],
      [0, '2: restart-worker worker-1'],
      [0, '3: restart-worker worker-2'],
    ]);
    // Twelve events 20 px apart: every one keeps its number, some are written in full.
    const close = layoutLabels(
      Array.from({ length: 12 }, (_, i) => 300 + i * 20),
      texts(12),
      1098,
      width,
    );
    expect(close.map((p) => p!.text.split(':')[0])).toEqual(texts(12).map(([, short]) => short));
    expect(close.filter((p) => p!.text.includes(': ')).length).toBeGreaterThan(0);
    // Twelve at one read: one a row, in full; those beyond the rows are left out (their line and table row remain).
    const one = layoutLabels(Array(12).fill(400), texts(12), 1098, width);
    expect(one.map((p) => p?.row ?? null)).toEqual([0, 1, 2, 3, 4, null, null, null, null, null, null, null]);
    expect(one.slice(0, 5).every((p) => p!.text.includes(': '))).toBe(true);
    expect(labelRows(one)).toBe(MAX_LABEL_ROWS);
  });

  it('ends a label left of its line where it would run past the chart', () => {
    const [p] = layoutLabels([1090], texts(1), 1098, width);
    expect(p).toMatchObject({ anchor: 'end', x: 1087, right: 1087 });
    expect(labelBaseline(0)).toBe(12);
  });
});
