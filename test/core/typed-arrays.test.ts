import { describe, expect, it } from 'vitest';
import { grown, grownCapacity } from '../../src/core/typed-arrays.js';

describe('grown', () => {
  it('copies into a larger array of the same type; the tail is 0 or the fill value', () => {
    const a = Int32Array.of(5, -6, 7);
    const b = grown(a, 6, -1);
    expect(b).toBeInstanceOf(Int32Array);
    expect(Array.from(b)).toEqual([5, -6, 7, -1, -1, -1]);
    const f = grown(Float64Array.of(0.5), 3);
    expect(f).toBeInstanceOf(Float64Array);
    expect(Array.from(f)).toEqual([0.5, 0, 0]);
    expect(Array.from(grown(Uint8Array.of(255), 2))).toEqual([255, 0]);
  });

  it('leaves the old array as it was', () => {
    const a = Uint32Array.of(1, 2);
    grown(a, 4)[0] = 9;
    expect(Array.from(a)).toEqual([1, 2]);
  });
});

describe('grownCapacity', () => {
  it('doubles until the need is met, from at least the minimum', () => {
    expect(grownCapacity(64, 65)).toBe(128);
    expect(grownCapacity(64, 300)).toBe(512);
    expect(grownCapacity(64, 10)).toBe(64);
    expect(grownCapacity(0, 5, 1024)).toBe(1024);
    expect(grownCapacity(0, 3)).toBe(4);
  });
});
