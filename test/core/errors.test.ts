import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, RingSimError } from '../../src/core/errors.js';

describe('RingSimError', () => {
  it('names the field, the problem, the value and the fix in one line', () => {
    const e = new RingSimError('spec.count', 0, 'must be at least 1', 'write count: 1');
    expect(e.message).toBe('spec.count: must be at least 1 (got 0); write count: 1');
    expect(e).toMatchObject({ name: 'RingSimError', field: 'spec.count', value: 0, fix: 'write count: 1' });
    expect(e).toBeInstanceOf(Error);
  });

  it('leaves out "got" for no value, and shortens long or odd values', () => {
    expect(new RingSimError('f', undefined, 'missing', 'add it').message).toBe('f: missing; add it');
    expect(new RingSimError('f', 'x'.repeat(100), 'bad', 'fix').message).toBe(`f: bad (got "${'x'.repeat(77)}..."); fix`);
    expect(new RingSimError('f', 12n, 'bad', 'fix').message).toBe('f: bad (got 12); fix');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(new RingSimError('f', cyclic, 'bad', 'fix').message).toBe('f: bad (got a mapping); fix');
    expect(new RingSimError('f', () => 1, 'bad', 'fix').message).toMatch(/^f: bad \(got .*1.*\); fix$/);
  });

  it('is one line whatever the field, value and fix hold (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), fc.string(), fc.string(), (field, value, problem, fix) => {
        const m = new RingSimError(field, value, problem, fix).message;
        expect(m).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe('oneLine', () => {
  it('escapes newlines, tabs and other control characters', () => {
    expect(oneLine('a\nb\r\tc\u0001\u2028')).toBe('a\\nb\\r\\tc\\u0001\\u2028');
    expect(oneLine('plain text')).toBe('plain text');
  });
});
