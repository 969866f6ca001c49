import { describe, expect, it } from 'vitest';
import { cacheSimView, renderCacheSimText } from '../../src/report/cachesim.js';
import type { CacheSimReport } from '../../src/sim/cachesim.js';

const result = { policy: 'lru', requests: 10, hits: 6, misses: 4, missRatio: 0.4, requestBytes: 1000, missBytes: 250, byteMissRatio: 0.25, evictions: 1 };

describe('cachesim report', () => {
  it('bytes: sizes in MiB or GiB from 1 MiB up, plain bytes below; miss bytes with B', () => {
    const r: CacheSimReport = { trace: 't.bin', format: 'oracleGeneral', unit: 'bytes', requests: 10, requestBytes: 1000, results: [
      { ...result, cacheSize: 128 * 2 ** 20 }, { ...result, cacheSize: 3 * 2 ** 30 }, { ...result, cacheSize: 4096 },
    ] };
    const v = cacheSimView(r);
    expect(v.heading).toEqual(['t.bin (oracleGeneral): 10 requests, 1,000 B requested']);
    expect(v.table.rows.map((row) => row[1])).toEqual(['128.00 MiB', '3.00 GiB', '4,096 B']);
    expect(v.table.rows[0]).toEqual(['lru', '128.00 MiB', '10', '4', '0.4000', '250 B', '0.2500']);
    expect(renderCacheSimText(r)).toMatch(/^t\.bin \(oracleGeneral\): 10 requests, 1,000 B requested\n\npolicy +cache size/);
  });

  it('objects: sizes and misses counted in objects, the working set without bytes', () => {
    const r: CacheSimReport = { trace: 't', format: 'txt', unit: 'objects', requests: 10, requestBytes: 10, workingSet: { objects: 7, bytes: 7 }, results: [{ ...result, cacheSize: 3 }] };
    const v = cacheSimView(r);
    expect(v.heading).toEqual(['t (txt): 10 requests, 10 objects requested', 'working set: 7 objects']);
    expect(v.table.headers[5]).toBe('miss size');
    expect(v.table.rows[0][1]).toBe('3 objects');
  });
});
