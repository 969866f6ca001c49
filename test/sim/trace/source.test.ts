import { describe, expect, it } from 'vitest';
import { traceRequests } from '../../../src/sim/trace/index.js';
import { bytesTraceSource } from '../../../src/sim/trace/source.js';

describe('bytesTraceSource', () => {
  it('serves bytes in memory to the readers, again on every pass', async () => {
    const source = bytesTraceSource('t.txt', new TextEncoder().encode('1\n2\n1\n'));
    for (let pass = 0; pass < 2; pass++) {
      const keys: string[] = [];
      for await (const r of traceRequests(source, 'txt')) keys.push(r.key);
      expect(keys).toEqual(['1', '2', '1']);
    }
    expect(source.name).toBe('t.txt');
  });
});
