import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { sampleOption } from '../../src/cli/sample-option.js';

describe('--sample', () => {
  it('takes a fraction above 0 and at most 1, or a percentage', () => {
    expect(sampleOption('0.05')).toBe(0.05);
    expect(sampleOption(' 1 ')).toBe(1);
    expect(sampleOption('5%')).toBe(0.05);
    expect(sampleOption('100%')).toBe(1);
  });

  it('refuses 0, more than 1, and words', () => {
    for (const bad of ['0', '1.01', '101%', '-0.1', '', '%', 'half', 'NaN']) {
      expect(() => sampleOption(bad)).toThrow(InvalidArgumentError);
      expect(() => sampleOption(bad)).toThrow('--sample must be a fraction above 0 and at most 1, such as 0.05 or 5%.');
    }
  });
});
