import { fileTraceSource } from '../../../src/cli/trace-file.js';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { all, CLOUD } from './read-all.js';
import { readOracleGeneral, readOracleGeneralNextAccess } from '../../../src/sim/trace/oracle-general.js';
import { readFileSync } from 'node:fs';
import { tempFile } from '../../cli/helpers.js';

describe('oracleGeneral reader on cloudPhysicsIO (reference traces.md §11)', () => {
  it('reads 113,872 requests, 4,368,040,448 bytes, 48,974 objects, and the documented first and last records', async () => {
    const r = await all(CLOUD, 'oracleGeneral');
    expect(r.length).toBe(113872);
    expect(r.reduce((s, x) => s + x.size, 0)).toBe(4368040448);
    expect(new Set(r.map((x) => x.hi * 2 ** 32 + x.lo)).size).toBe(48974);
    const first = [
      [5633898, 42932745, 512],
      [5633898, 42932746, 512],
      [5633898, 42932747, 512],
      [5633898, 40409911, 6656],
      [5633899, 31954535, 6144],
      [5633899, 6238199, 57344],
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

  it('reads the same records whatever the chunk boundaries (4-aligned runs as words, others through a DataView), with zero sizes skipped or kept', async () => {
    const bytes = new Uint8Array(readFileSync(CLOUD).subarray(0, 24 * 5000));
    new DataView(bytes.buffer).setUint32(24 * 7 + 12, 0, true); // record 7 has size 0
    const read = async (sizes: number[], keepZeroSize = false): Promise<number[]> => {
      const source = {
        name: 't.bin',
        async *chunks() {
          // one reused buffer, as a file's chunks are: a reader must copy what it keeps
          const buffer = new Uint8Array(Math.max(...sizes));
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const n = Math.min(sizes[k % sizes.length], bytes.length - at);
            buffer.set(bytes.subarray(at, at + n));
            yield buffer.subarray(0, n);
            at += n;
          }
        },
      };
      const out: number[] = [];
      for await (const b of readOracleGeneral(source, { keepZeroSize })) {
        for (let i = 0; i < b.length; i++) out.push(b.time[i], b.idHi[i], b.idLo[i], b.size[i]);
      }
      return out;
    };
    const whole = await read([bytes.length]);
    expect(whole.length).toBe(4 * 4999);
    expect((await read([bytes.length], true)).length).toBe(4 * 5000);
    for (const sizes of [[24 * 1000], [4096], [1001, 7], [13, 24 * 3 + 5]]) expect(await read(sizes)).toEqual(whole);
  });
});
