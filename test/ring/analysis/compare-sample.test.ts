import { describe, expect, it } from 'vitest';
import { compareAlgorithms } from '../../../src/ring/analysis/compare.js';
import { syntheticKeys } from '../../../src/ring/analysis/keys.js';

const workers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `host-${i}` }));

describe('compareAlgorithms past the practical size of rendezvous', () => {
  it('measures rendezvous on the first keys only, says so, and reports progress per algorithm', () => {
    const seen: string[] = [];
    const r = compareAlgorithms({
      algorithms: ['ring', 'rendezvous'],
      workers: workers(200),
      keys: syntheticKeys(5000),
      maxScores: 200_000,
      onProgress: (done, total, name) => seen.push(`${done}/${total} ${name}`),
    });
    expect(seen).toEqual(['0/2 ring', '1/2 rendezvous']);
    const rv = r.rows.find((x) => x.algorithm === 'rendezvous')!;
    expect(rv.note).toMatch(/measured on the first 1,000 of 5,000 keys: rendezvous scores all 200 workers/);
    expect(rv.balance!.keys).toBe(1000);
    expect(r.rows.find((x) => x.algorithm === 'ring')!.note).toBeUndefined();
  });
});
