import { describe, expect, it } from 'vitest';
import { bytesTraceSource, parseTraceFormat, traceBatches, traceRequests, TRACE_FORMATS } from '../../../src/sim/trace/index.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseTraceFormat', () => {
  it('finds a format whatever its case, and names the choices otherwise', () => {
    expect(parseTraceFormat('ORACLEGENERAL')).toBe('oracleGeneral');
    for (const f of TRACE_FORMATS) expect(parseTraceFormat(f)).toBe(f);
    expect(() => parseTraceFormat('parquet')).toThrow('--format: unknown trace format (got "parquet"); use one of oracleGeneral, csv, txt, cache2k, twitter');
  });
});

describe('traceBatches and traceRequests', () => {
  it("dispatch to the format's reader", async () => {
    const requests = [];
    for await (const r of traceRequests(bytesTraceSource('t.txt', text('a\nb\na\n')), 'txt')) requests.push(r.key);
    expect(requests).toHaveLength(3);
    expect(requests[0]).toBe(requests[2]);
    expect(requests[0]).not.toBe(requests[1]);
  });

  it('give an oracleGeneral record its 64-bit id and size', async () => {
    const rec = new DataView(new ArrayBuffer(24));
    rec.setUint32(0, 7, true); // time
    rec.setBigUint64(4, 2n ** 40n + 5n, true); // id
    rec.setUint32(12, 4096, true); // size
    rec.setBigInt64(16, -1n, true); // next access
    const out = [];
    for await (const r of traceRequests(bytesTraceSource('t.bin', new Uint8Array(rec.buffer)), 'oracleGeneral')) out.push(r);
    expect(out).toEqual([{ time: 7, key: String(2 ** 40 + 5), bytes: 4096 }]);
    let batches = 0;
    for await (const b of traceBatches(bytesTraceSource('t.bin', new Uint8Array(rec.buffer)), 'oracleGeneral')) batches += b.length;
    expect(batches).toBe(1);
  });
});
