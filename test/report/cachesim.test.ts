import { describe, expect, it } from 'vitest';
import { cacheSimView, renderCacheSimText } from '../../src/report/cachesim.js';
import type { CacheSimReport } from '../../src/sim/cachesim.js';

const result = { policy: 'lru', requests: 10, hits: 6, misses: 4, missRatio: 0.4, requestBytes: 1000, missBytes: 250, byteMissRatio: 0.25, evictions: 1 };

describe('cachesim report', () => {
  it('bytes: sizes in MiB or GiB from 1 MiB up, plain bytes below; miss bytes binary; ratios as percentages', () => {
    const r: CacheSimReport = {
      trace: 't.bin',
      format: 'oracleGeneral',
      unit: 'bytes',
      requests: 10,
      requestBytes: 1000,
      workingSet: { objects: 4, bytes: 3 * 2 ** 20 },
      warnings: ['cache size 1 B is small'],
      assumptions: [],
      results: [
        { ...result, cacheSize: 128 * 2 ** 20 },
        { ...result, cacheSize: 3 * 2 ** 30 },
        { ...result, cacheSize: 4096, missBytes: 1536 },
      ],
    };
    const v = cacheSimView(r);
    expect(v.heading).toEqual([
      't.bin (oracleGeneral): 10 requests, 1,000 B requested',
      'working set: 4 objects, 3.00 MiB (3,145,728 B)',
      'warning: cache size 1 B is small',
    ]);
    expect(v.table.rows.map((row) => row[1])).toEqual(['128.00 MiB', '3.00 GiB', '4,096 B']);
    expect(v.table.rows[0]).toEqual(['lru', '128.00 MiB', '10', '4', '40.00 %', '250 B', '25.00 %']);
    expect(v.table.rows[2][5]).toBe('1.50 KiB');
    expect(renderCacheSimText(r)).toMatch(
      /^t\.bin \(oracleGeneral\): 10 requests, 1,000 B requested\nworking set: 4 objects, 3\.00 MiB \(3,145,728 B\)\nwarning: cache size 1 B is small\n\npolicy +cache size/,
    );
  });

  it('objects: sizes and misses counted in objects, the working set without bytes', () => {
    const r: CacheSimReport = {
      trace: 't',
      format: 'txt',
      unit: 'objects',
      requests: 10,
      requestBytes: 10,
      workingSet: { objects: 7, bytes: 7 },
      warnings: [],
      assumptions: ['every request of this txt trace has size 1 (it gives no sizes): cache sizes and misses are numbers of objects'],
      results: [{ ...result, cacheSize: 3 }],
    };
    const v = cacheSimView(r);
    expect(v.heading).toEqual([
      't (txt): 10 requests, 10 objects requested',
      'working set: 7 objects',
      'assumed: every request of this txt trace has size 1 (it gives no sizes): cache sizes and misses are numbers of objects',
    ]);
    expect(v.table.headers[5]).toBe('miss size');
    expect(v.table.rows[0][1]).toBe('3 objects');
  });
});
