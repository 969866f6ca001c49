import { fileTraceSource } from '../../../src/cli/trace-file.js';
import { describe, expect, it } from 'vitest';
import { all } from './read-all.js';
import { traceRequests } from '../../../src/sim/trace/index.js';
import { tempFile } from '../../cli/helpers.js';

describe('txt reader', () => {
  it('txt: one id a line, size 1, empty lines skipped', async () => {
    const p = tempFile('t.txt', 'a\n\nb\na\n');
    const r = [];
    for await (const q of traceRequests(fileTraceSource(p), 'txt')) r.push(q);
    expect(r).toEqual([
      { time: 0, key: 'a', bytes: 1 },
      { time: 0, key: 'b', bytes: 1 },
      { time: 0, key: 'a', bytes: 1 },
    ]);
    const n = tempFile('n.txt', '12\n0x1f\nzz\n');
    await expect(all(n, 'txt', { idIsNum: true })).rejects.toThrow(/line 3/);
  });
});
