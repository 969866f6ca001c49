import { describe, expect, it } from 'vitest';
import { syntheticKeys } from '../../../src/ring/analysis/keys.js';

describe('syntheticKeys', () => {
  it('is deterministic for a seed and different across seeds', () => {
    expect(syntheticKeys(50, 3)).toEqual(syntheticKeys(50, 3));
    expect(syntheticKeys(50, 3)).not.toEqual(syntheticKeys(50, 4));
    expect(syntheticKeys(5)).toEqual(syntheticKeys(5, 1));
  });

  it('gives distinct path-like keys of 56 to 99 bytes', () => {
    const keys = syntheticKeys(5000, 7);
    expect(new Set(keys).size).toBe(5000);
    const shape =
      /^(s3:\/\/|gs:\/\/|hdfs:\/\/namenode:8020\/|wasbs:\/\/c@a\.blob\.core\.windows\.net\/)bucket-\d\d\/[a-z]+\/[a-z]+\/part-\d{5}\/file-\d{7}\.parquet$/;
    expect(keys.filter((k) => !shape.test(k) || k.length < 56 || k.length > 99)).toEqual([]);
  });

  it('a shorter list is a prefix of a longer one with the same seed', () => {
    expect(syntheticKeys(1000, 9).slice(0, 100)).toEqual(syntheticKeys(100, 9));
  });

  it('uses every scheme', () => {
    const schemes = new Set(syntheticKeys(400, 2).map((k) => k.slice(0, k.indexOf(':'))));
    expect([...schemes].sort()).toEqual(['gs', 'hdfs', 's3', 'wasbs']);
  });
});
