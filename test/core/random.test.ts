import { describe, expect, it } from 'vitest';
import { hashUniform, Random, seededRandom } from '../../src/core/random.js';

describe('Random (the one seeded PRNG)', () => {
  it('is the same sequence for the same seed, and a different one for another seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('seededRandom(seed) starts from the raw state, Random(seed) from the scrambled one', () => {
    const r = seededRandom(42);
    const s = Random.fromState(42);
    expect(r()).toBe(s.next());
    expect(seededRandom(42 ^ 0x2545f491)()).toBe(new Random(42).next());
  });

  it('int stays in range and covers it; shuffle is a permutation', () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = r.int(10);
      expect(Number.isInteger(k) && k >= 0 && k < 10).toBe(true);
      seen.add(k);
    }
    expect(seen.size).toBe(10);
    const a = Uint32Array.from({ length: 50 }, (_, i) => i);
    r.shuffle(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('uuid is a version-4, variant-1 UUID string', () => {
    const r = new Random(3);
    for (let i = 0; i < 50; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('hashUniform depends on (seed, index, stream) alone', () => {
    expect(hashUniform(1, 5)).toBe(hashUniform(1, 5));
    expect(hashUniform(1, 5)).not.toBe(hashUniform(1, 6));
    expect(hashUniform(1, 5, 1)).not.toBe(hashUniform(1, 5, 0));
    let sum = 0;
    for (let i = 0; i < 10000; i++) sum += hashUniform(9, i);
    expect(Math.abs(sum / 10000 - 0.5)).toBeLessThan(0.02);
  });
});
