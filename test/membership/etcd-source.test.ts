import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportSource, type KeyValue } from '../../src/membership/etcd-source.js';

const pair = (key: string): KeyValue => ({ key, value: new Uint8Array([key.length & 255]) });

describe('exportSource', () => {
  it('answers a prefix with its pairs in ascending key order', async () => {
    const s = exportSource('dump.json', [pair('/b/2'), pair('/a/1'), pair('/b/1'), pair('/c')]);
    expect(s.name).toBe('dump.json');
    expect((await s.range('/b/')).map((kv) => kv.key)).toEqual(['/b/1', '/b/2']);
    expect((await s.range('')).map((kv) => kv.key)).toEqual(['/a/1', '/b/1', '/b/2', '/c']);
    expect(await s.range('/z')).toEqual([]);
  });

  it('returns exactly the keys with the prefix, sorted, whatever the input order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.stringMatching(/^\/[ab]{0,3}$/), { maxLength: 20 }), fc.stringMatching(/^\/[ab]{0,2}$/), async (keys, prefix) => {
        const got = (await exportSource('x', keys.map(pair)).range(prefix)).map((kv) => kv.key);
        const want = keys.filter((k) => k.startsWith(prefix)).sort();
        expect(got).toEqual(want);
      }),
      { seed: 21, numRuns: 200 },
    );
  });
});
