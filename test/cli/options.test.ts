import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceOption, integerOption, listOption, positiveNumberOption } from '../../src/cli/options.js';

describe('the shared option parsers', () => {
  it('integerOption takes whole numbers in range, 1e3 forms included', () => {
    const count = integerOption('--count', 1, 10_000);
    expect(count('42')).toBe(42);
    expect(count('+7')).toBe(7);
    expect(count('1e3')).toBe(1000);
    for (const bad of ['0', '10001', '1.5', '-1', 'x', '', '0x10', '1e5']) expect(() => count(bad)).toThrow(InvalidArgumentError);
    expect(() => count('x')).toThrow('--count must be a whole number from 1 to 10000.');
  });

  it('integerOption agrees with the range for every whole number (property)', () => {
    const r = integerOption('--n', 5, 500);
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        if (n >= 5 && n <= 500) expect(r(String(n))).toBe(n);
        else expect(() => r(String(n))).toThrow('--n must be a whole number from 5 to 500.');
      }),
      { seed: 500, numRuns: 200 },
    );
  });

  it('positiveNumberOption, choiceOption and listOption', () => {
    const rate = positiveNumberOption('--rate');
    expect(rate('0.25')).toBe(0.25);
    for (const bad of ['0', '-1', '', ' ', 'Infinity', 'abc']) expect(() => rate(bad)).toThrow('--rate must be a positive number.');
    const policy = choiceOption('--policy', ['lru', 'fifo'] as const);
    expect(policy('fifo')).toBe('fifo');
    expect(() => policy('LRU')).toThrow('--policy must be one of lru, fifo.');
    const policies = listOption('--policies', policy);
    expect(policies('lru, fifo,')).toEqual(['lru', 'fifo']);
    expect(() => policies(',')).toThrow('--policies must be a comma-separated list.');
    expect(() => policies('lru,arc')).toThrow('--policy must be one of lru, fifo.');
  });
});
