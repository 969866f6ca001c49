import { describe, expect, it } from 'vitest';
import { fmix32 } from '../../src/core/mix.js';

describe('fmix32 (MurmurHash3 finaliser)', () => {
  it('gives the reference values', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1) >>> 0).toBe(0x514e28b7);
  });

  it('is a bijection on a sample (no two inputs collide)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(fmix32(i * 2654435761) >>> 0);
    expect(seen.size).toBe(100_000);
  });
});
