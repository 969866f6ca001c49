import { describe, expect, it } from 'vitest';
import { all } from './read-all.js';
import { detectDelimiter, detectHeader } from '../../../src/sim/trace/csv.js';
import { tempFile } from '../../cli/helpers.js';

describe('csv reader', () => {
  it('csv: 1-based columns, detected delimiter and header, zero sizes skipped, strtoull ids', async () => {
    const p = tempFile('t.csv', 'time,op,size,id\n1.9,get,100,0x10\n2,get,0,7\n3,get,200,010\n4,get,50,16\n');
    const r = await all(p, 'csv', { timeCol: 1, sizeCol: 3, idCol: 4, idIsNum: true });
    expect(r.map((x) => [x.time, x.lo, x.size])).toEqual([
      [1, 16, 100],
      [3, 8, 200],
      [4, 16, 50],
    ]);
    expect(detectDelimiter('a\tb\tc,d')).toBe('\t');
    expect(detectDelimiter('a,b|c|d')).toBe('|');
    expect(detectHeader('1,2,3')).toBe(false);
    expect(detectHeader('time,id,size')).toBe(true);
  });

  it('csv: string ids keep their key; a short row is an error with its line number', async () => {
    const p = tempFile('s.csv', '1,alpha,10\n2,beta,20\n3,alpha,10\n');
    const r = await all(p, 'csv', { timeCol: 1, idCol: 2, sizeCol: 3, hasHeader: false });
    expect(r.map((x) => x.key)).toEqual(['alpha', 'beta', 'alpha']);
    expect(r[0].lo).toBe(r[2].lo);
    expect(r[0].hi).toBe(r[2].hi);
    const bad = tempFile('bad.csv', '1,a,10\n2,b\n');
    await expect(all(bad, 'csv', { timeCol: 1, idCol: 2, sizeCol: 3, hasHeader: false })).rejects.toThrow(/bad\.csv.*line 2 has 2 columns/);
    await expect(all(p, 'csv', {})).rejects.toThrow(/--id-col/);
  });
});
