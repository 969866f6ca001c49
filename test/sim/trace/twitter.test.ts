import { fileTraceSource } from '../../../src/cli/trace-file.js';
import { describe, expect, it } from 'vitest';
import { traceRequests } from '../../../src/sim/trace/index.js';
import { tempFile } from '../../cli/helpers.js';

describe('twitter reader', () => {
  it('twitter: keeps get/gets, size = key size + value size', async () => {
    const p = tempFile('tw.csv', '0,nz:u:abc,10,100,1,get,0\n1,nz:u:def,12,0,2,set,60\n2,nz:u:abc,10,100,1,gets,0\n');
    const r = [];
    for await (const q of traceRequests(fileTraceSource(p), 'twitter')) r.push(q);
    expect(r).toEqual([
      { time: 0, key: 'nz:u:abc', bytes: 110 },
      { time: 2, key: 'nz:u:abc', bytes: 110 },
    ]);
  });
});
