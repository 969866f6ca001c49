import { fileTraceSource } from '../../../src/cli/trace-file.js';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { all, CLOUD } from './read-all.js';
import { readOracleGeneralNextAccess } from '../../../src/sim/trace/oracle-general.js';
import { tempFile } from '../../cli/helpers.js';

describe('oracleGeneral reader on cloudPhysicsIO (reference traces.md §11)', () => {
  it('reads 113,872 requests, 4,368,040,448 bytes, 48,974 objects, and the documented first and last records', async () => {
    const r = await all(CLOUD, 'oracleGeneral');
    expect(r.length).toBe(113872);
    expect(r.reduce((s, x) => s + x.size, 0)).toBe(4368040448);
    expect(new Set(r.map((x) => x.hi * 2 ** 32 + x.lo)).size).toBe(48974);
    const first = [
      [5633898, 42932745, 512], [5633898, 42932746, 512], [5633898, 42932747, 512],
      [5633898, 40409911, 6656], [5633899, 31954535, 6144], [5633899, 6238199, 57344],
    ];
    first.forEach(([time, id, size], i) => expect(r[i]).toMatchObject({ time, hi: 0, lo: id, size }));
    expect(r[r.length - 1]).toMatchObject({ time: 5641098, hi: 0, lo: 42936150, size: 512 });
  });

  it('every next_access_vtime is the 1-based index of the next request for the same id, or -1', async () => {
    const recs: Array<{ id: bigint; next: bigint }> = [];
    for await (const r of readOracleGeneralNextAccess(fileTraceSource(CLOUD))) recs.push(r);
    const last = new Map<bigint, number>();
    for (let i = recs.length - 1; i >= 0; i--) {
      const expected = last.get(recs[i].id) ?? -1;
      expect(recs[i].next).toBe(BigInt(expected));
      last.set(recs[i].id, i + 1);
    }
  });

  it('names the file and byte offset of a truncated record', async () => {
    const bytes = new Uint8Array(24 * 2 + 10);
    const p = tempFile('bad.oracleGeneral.bin', Buffer.from(bytes).toString('latin1'));
    writeFileSync(p, bytes);
    await expect(all(p, 'oracleGeneral')).rejects.toThrow(/bad\.oracleGeneral\.bin.*truncated oracleGeneral record at byte offset 48: 10 of 24 bytes/);
  });
});
