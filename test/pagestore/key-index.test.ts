import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/pagestore/key-index.js';

describe('KeyIndex', () => {
  it('finds what was inserted and not what was removed, through growth and deletions (model check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 300 })), { maxLength: 800 }), (ops) => {
        const cap = 512;
        const hi = new Uint32Array(cap);
        const lo = new Uint32Array(cap);
        const index = new KeyIndex(hi, lo, 4);
        const model = new Map<number, number>(); // key -> slot
        const free: number[] = [...Array(cap).keys()].reverse();
        for (const [add, key] of ops) {
          const slot = model.get(key);
          if (add && slot === undefined) {
            const s = free.pop()!;
            hi[s] = key >>> 4;
            lo[s] = key * 2654435761;
            index.insert(s);
            model.set(key, s);
          } else if (!add && slot !== undefined) {
            index.remove(slot);
            model.delete(key);
            free.push(slot);
          }
        }
        expect(index.size).toBe(model.size);
        for (let key = 0; key <= 300; key++) expect(index.find(key >>> 4, (key * 2654435761) >>> 0)).toBe(model.get(key) ?? -1);
      }),
      { numRuns: 100, seed: 12 },
    );
  });
});
