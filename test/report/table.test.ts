import { describe, expect, it } from 'vitest';
import { renderPairs, renderTable, table } from '../../src/report/table.js';

describe('text tables', () => {
  it('pads columns to the widest cell, right-aligns where asked, and trims line ends', () => {
    const t = {
      headers: ['name', 'n'],
      rows: [
        ['a', '1'],
        ['bbbb', '100'],
      ],
      rightAlign: [false, true],
    };
    expect(renderTable(t)).toBe(['name    n', '----  ---', 'a       1', 'bbbb  100'].join('\n'));
    expect(table(t.headers, t.rows, t.rightAlign)).toBe(renderTable(t));
  });

  it('renderPairs lists label/value lines without header or rule', () => {
    expect(
      renderPairs([
        ['size', '1 B'],
        ['page size', '2 B'],
      ]),
    ).toBe(['size       1 B', 'page size  2 B'].join('\n'));
  });
});
