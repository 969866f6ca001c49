import { describe, expect, it } from 'vitest';
import { count, percent, ratio } from '../../src/report/format.js';

describe('report number formats', () => {
  it('percent, ratio and count carry their unit or separators', () => {
    expect(percent(0.12345)).toBe('12.35 %');
    expect(percent(1, 0)).toBe('100 %');
    expect(ratio(1.25)).toBe('1.250x');
    expect(ratio(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(count(113872)).toBe('113,872');
  });
});
