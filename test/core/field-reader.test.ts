import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldReader } from '../../src/core/field-reader.js';

describe('FieldReader', () => {
  const r = new FieldReader('x.yaml');

  it('returns good values and fallbacks', () => {
    expect(r.object({ a: 1 }, 'spec', ['a', 'b'])).toEqual({ a: 1 });
    expect(r.int(5, 'spec.n', 1, 10)).toBe(5);
    expect(r.int('1e6', 'spec.n', 1)).toBe(1_000_000);
    expect(r.int(undefined, 'spec.n', 1, 10, 3)).toBe(3);
    expect(r.num(0.5, 'spec.f', 0, 1)).toBe(0.5);
    expect(r.str(undefined, 'spec.s', 'd')).toBe('d');
    expect(r.bool(undefined, 'spec.b', true)).toBe(true);
    expect(r.choice('lru', 'spec.p', ['lru', 'fifo'] as const)).toBe('lru');
  });

  it('names the file, the field path, the value and the fix', () => {
    expect(() => r.object([], 'spec', ['a'])).toThrow(/x\.yaml: spec.*must be a mapping/);
    expect(() => r.object({ Name: 1 }, 'spec', ['name'])).toThrow(/spec\.Name.*unknown field.*did you mean name\?/);
    expect(() => r.object({ zzz: 1 }, 'spec', ['a', 'b'])).toThrow(/use one of a, b/);
    expect(() => r.int(1.5, 'spec.count', 1, 10)).toThrow(/spec\.count.*must be a whole number from 1 to 10.*count: 1/);
    expect(() => r.int(-1, 'spec.count', 0)).toThrow(/from 0 up/);
    expect(() => r.num(Number.NaN, 'spec.f', 0, 1)).toThrow(/must be a number from 0 to 1/);
    expect(() => r.str('', 'spec.s')).toThrow(/must be a non-empty string/);
    expect(() => r.bool('yes', 'spec.b', false)).toThrow(/must be true or false/);
    expect(() => r.choice('arc', 'spec.p', ['lru', 'fifo'] as const)).toThrow(/spec\.p.*unknown value.*use one of lru, fifo/);
  });

  it("mapping: any keys kept; a list, a scalar or nothing fails with the caller's problem and fix", () => {
    expect(r.mapping({ anyKey: 1, other: [2] }, 'spec', 'missing or not a mapping', 'add a spec')).toEqual({ anyKey: 1, other: [2] });
    for (const v of [[], 3, 'x', null, undefined])
      expect(() => r.mapping(v, 'spec', 'missing or not a mapping', 'add a spec')).toThrow(/^x\.yaml: spec: missing or not a mapping.*; add a spec$/);
  });

  it("wholeNumber: never reads a string, and says the caller's fix", () => {
    expect(r.wholeNumber(4, 'spec.count', 1, 10, 'write count: 4')).toBe(4);
    expect(() => r.wholeNumber('4', 'spec.count', 1, 10, 'write count: 4')).toThrow(
      'x.yaml: spec.count: must be a whole number from 1 to 10 (got "4"); write count: 4',
    );
    expect(() => r.wholeNumber('1e3', 'spec.count', 1, 10_000, 'write count: 4')).toThrow(/from 1 to 10000 \(got "1e3"\)/);
    expect(() => r.int('1e3', 'spec.count', 1, 10)).toThrow(/from 1 to 10 \(got 1000\); write e\.g\. count: 1$/);
  });

  it("bool: the caller's fix, or the field's name", () => {
    expect(r.bool(false, 'spec.enabled', true, 'write enabled: false')).toBe(false);
    expect(() => r.bool('yes', 'spec.enabled', true, 'write enabled: false')).toThrow(/must be true or false \(got "yes"\); write enabled: false$/);
    expect(() => r.bool(null, 'spec.enabled', true)).toThrow(/write enabled: true$/);
  });

  it('int and wholeNumber agree with the range, for every number (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ min: -100, max: 100 })),
        (min, span, v) => {
          const max = min + span;
          const inRange = Number.isInteger(v) && v >= min && v <= max;
          for (const read of [() => r.int(v, 'a.n', min, max), () => r.wholeNumber(v, 'a.n', min, max, 'fix it')]) {
            if (inRange) expect(read()).toBe(v);
            else expect(read).toThrow(`x.yaml: a.n: must be a whole number from ${min} to ${max}`);
          }
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });
});
