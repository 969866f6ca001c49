import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { all } from './read-all.js';
import { tempFile } from '../../cli/helpers.js';
import { SHARED } from '../../shared.js';

describe('cache2k reader', () => {
  it('reads plain, gzip and xz files alike (web07: 76,118 requests, 20,484 keys, first keys 0 1 2 0 1 3 4 5)', async () => {
    const gz = await all(`${SHARED}traces/cache2k-web07.trace.gz`, 'cache2k');
    const xz = await all(`${SHARED}traces/cache2k-web07.trace.xz`, 'cache2k');
    expect(gz.length).toBe(76118);
    expect(new Set(gz.map((x) => x.lo)).size).toBe(20484);
    expect(gz.slice(0, 8).map((x) => x.lo)).toEqual([0, 1, 2, 0, 1, 3, 4, 5]);
    expect(xz).toEqual(gz);
    const raw = new Uint8Array(8);
    new DataView(raw.buffer).setInt32(0, -5, false);
    new DataView(raw.buffer).setInt32(4, 7, false);
    const p = tempFile('k.trace', '');
    writeFileSync(p, raw);
    const plain = await all(p, 'cache2k');
    expect(plain.map((x) => [x.hi, x.lo])).toEqual([
      [0xffffffff, -5 >>> 0],
      [0, 7],
    ]);
    const pgz = tempFile('k.trace.gz', '');
    writeFileSync(pgz, gzipSync(raw));
    expect(await all(pgz, 'cache2k')).toEqual(plain);
  });
});
