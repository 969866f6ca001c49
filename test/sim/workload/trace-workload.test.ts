import { describe, expect, it } from 'vitest';
import { bytesTraceSource } from '../../../src/sim/trace/source.js';
import { traceWorkload } from '../../../src/sim/workload/trace-workload.js';

describe('traceWorkload', () => {
  it('numbers distinct keys in order of first appearance; a file keeps its first size; paths use {key}', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${i % 1500}`).join('\n') + '\n';
    const w = traceWorkload({ type: 'trace', path: 't.txt', format: 'txt' }, 's3://b/{key}', bytesTraceSource('t.txt', new TextEncoder().encode(text)));
    const files: number[] = [];
    for await (const b of w.batches()) for (let i = 0; i < b.length; i++) files.push(b.file[i]);
    expect(files).toHaveLength(3000);
    expect(files.slice(0, 1500)).toEqual([...Array(1500).keys()]);
    expect(files.slice(1500)).toEqual([...Array(1500).keys()]);
    expect(w.catalog.count).toBe(1500); // grown past its first 1024 files
    expect(w.catalog.path(1499)).toBe('s3://b/1499');
    expect(w.catalog.size(3)).toBe(1);
  });

  it('stops at requests, and objectSize sets every size', async () => {
    const w = traceWorkload(
      { type: 'trace', path: 't', format: 'txt', requests: 2, objectSize: 4096 },
      '{key}',
      bytesTraceSource('t', new TextEncoder().encode('a\nb\nc\n')),
    );
    let n = 0;
    for await (const b of w.batches()) n += b.length;
    expect(n).toBe(2);
    expect(w.catalog.size(0)).toBe(4096);
  });
});
