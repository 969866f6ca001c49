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
});
