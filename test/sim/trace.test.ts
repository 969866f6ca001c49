import { fileTraceSource } from '../../src/cli/trace-file.js';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readOracleGeneralNextAccess } from '../../src/sim/trace/oracle-general.js';
import { traceBatches, traceRequests, type TraceFormat, type TraceOptions } from '../../src/sim/trace/index.js';
import { detectDelimiter, detectHeader } from '../../src/sim/trace/csv.js';
import { parseU64 } from '../../src/sim/trace/numbers.js';
import { tempFile } from '../cli/helpers.js';
import { SHARED } from '../shared.js';

const CLOUD = `${SHARED}traces/cloudPhysicsIO.oracleGeneral.bin`;

async function all(path: string, format: TraceFormat, options: TraceOptions = {}) {
  const out: Array<{ time: number; hi: number; lo: number; size: number; key?: string }> = [];
  for await (const b of traceBatches(fileTraceSource(path), format, options)) {
    for (let i = 0; i < b.length; i++) out.push({ time: b.time[i], hi: b.idHi[i], lo: b.idLo[i], size: b.size[i], key: b.keys?.[i] });
  }
  return out;
}

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
    expect(plain.map((x) => [x.hi, x.lo])).toEqual([[0xffffffff, (-5) >>> 0], [0, 7]]);
    const pgz = tempFile('k.trace.gz', '');
    writeFileSync(pgz, gzipSync(raw));
    expect(await all(pgz, 'cache2k')).toEqual(plain);
  });
});

describe('text readers', () => {
  it('csv: 1-based columns, detected delimiter and header, zero sizes skipped, strtoull ids', async () => {
    const p = tempFile('t.csv', 'time,op,size,id\n1.9,get,100,0x10\n2,get,0,7\n3,get,200,010\n4,get,50,16\n');
    const r = await all(p, 'csv', { timeCol: 1, sizeCol: 3, idCol: 4, idIsNum: true });
    expect(r.map((x) => [x.time, x.lo, x.size])).toEqual([[1, 16, 100], [3, 8, 200], [4, 16, 50]]);
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

  it('txt: one id a line, size 1, empty lines skipped', async () => {
    const p = tempFile('t.txt', 'a\n\nb\na\n');
    const r = [];
    for await (const q of traceRequests(fileTraceSource(p), 'txt')) r.push(q);
    expect(r).toEqual([{ time: 0, key: 'a', bytes: 1 }, { time: 0, key: 'b', bytes: 1 }, { time: 0, key: 'a', bytes: 1 }]);
    const n = tempFile('n.txt', '12\n0x1f\nzz\n');
    await expect(all(n, 'txt', { idIsNum: true })).rejects.toThrow(/line 3/);
  });

  it('twitter: keeps get/gets, size = key size + value size', async () => {
    const p = tempFile('tw.csv', '0,nz:u:abc,10,100,1,get,0\n1,nz:u:def,12,0,2,set,60\n2,nz:u:abc,10,100,1,gets,0\n');
    const r = [];
    for await (const q of traceRequests(fileTraceSource(p), 'twitter')) r.push(q);
    expect(r).toEqual([{ time: 0, key: 'nz:u:abc', bytes: 110 }, { time: 2, key: 'nz:u:abc', bytes: 110 }]);
  });

  it('strtoull forms', () => {
    expect(parseU64('42')).toEqual([0, 42]);
    expect(parseU64('0x100000000')).toEqual([1, 0]);
    expect(parseU64('017')).toEqual([0, 15]);
    expect(parseU64('-1')).toEqual([0xffffffff, 0xffffffff]);
    expect(parseU64('4x')).toBeNull();
  });

  it('a missing file is a clear error', async () => {
    await expect(all('/nonexistent/trace.bin', 'oracleGeneral')).rejects.toThrow(/cannot read the trace file \(ENOENT\)/);
  });
});
