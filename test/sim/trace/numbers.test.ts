import { describe, expect, it } from 'vitest';
import { parseU64 } from '../../../src/sim/trace/numbers.js';

describe('parseU64', () => {
  it('strtoull forms', () => {
    expect(parseU64('42')).toEqual([0, 42]);
    expect(parseU64('0x100000000')).toEqual([1, 0]);
    expect(parseU64('017')).toEqual([0, 15]);
    expect(parseU64('-1')).toEqual([0xffffffff, 0xffffffff]);
    expect(parseU64('4x')).toBeNull();
  });
});
