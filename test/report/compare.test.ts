import { describe, expect, it } from 'vitest';
import { compareAlgorithms } from '../../src/ring/analysis/compare.js';
import { syntheticKeys } from '../../src/ring/analysis/keys.js';
import { compareView, renderCompareText } from '../../src/report/compare.js';

describe('compare report', () => {
  const workers = Array.from({ length: 6 }, (_, i) => ({ id: `host-${i}`, weight: i === 0 ? 2 : 1 }));
  const report = compareAlgorithms({ algorithms: ['ring', 'jump', 'rendezvous'], workers, keys: syntheticKeys(2000) });

  it('builds one row an algorithm that ran, and notes the skipped and the weight-blind ones', () => {
    const v = compareView(report);
    expect(v.table.rows.map((r) => r[0])).toEqual(['ring', 'rendezvous']);
    expect(v.table.rows[0][1]).toBe('vnodes=1000');
    expect(v.table.rows[0][13]).toMatch(/^\d+\.\d (KiB|MiB)$/);
    expect(v.table.rows[0][14]).toBe('-');
    expect(v.notes).toEqual([expect.stringMatching(/^jump: skipped: .*no weights/)]);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('renders the heading, the table and the notes as text', () => {
    const text = renderCompareText(report);
    expect(text).toMatch(/^6 workers \(total weight 7\); 2000 sampled keys/);
    expect(text).toContain('jump: skipped:');
    expect(text.endsWith("(binomial, as Ceph's osdmaptool prints it).\n")).toBe(true);
  });
});
