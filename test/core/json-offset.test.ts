import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/core/json-offset.js';

describe('jsonErrorOffset', () => {
  it('is null for valid JSON', () => {
    for (const t of ['{}', '[]', ' 1 ', '"a\\u00e9\\n"', '{"a": [1, -2.5e3, true, null, {"b": "c"}]}', '[[[]]]']) expect(jsonErrorOffset(t)).toBeNull();
  });

  it('points at the first character that cannot continue the document', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('"a\\x"')).toBe(3);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset('tru')).toBe(0);
  });

  it('says text.length when the text ends too early', () => {
    expect(jsonErrorOffset('{"a": ')).toBe(6);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('"abc')).toBe(4);
    expect(jsonErrorOffset('')).toBe(0);
  });

  it('does not overflow the stack on deep nesting', () => {
    expect(jsonErrorOffset('['.repeat(50_000) + ']'.repeat(50_000))).toBeNull();
    expect(jsonErrorOffset('['.repeat(50_000))).toBe(50_000);
  });

  it('agrees with JSON.parse on every JSON value, and on every cut of one (property)', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.nat(), (text, cut) => {
        expect(jsonErrorOffset(text)).toBeNull();
        const prefix = text.slice(0, cut % (text.length + 1));
        let valid = true;
        try {
          JSON.parse(prefix);
        } catch {
          valid = false;
        }
        const offset = jsonErrorOffset(prefix);
        expect(offset === null).toBe(valid);
        if (offset !== null) expect(offset).toBeLessThanOrEqual(prefix.length);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe('jsonErrorOffset: one character inserted', () => {
  it('is null exactly when JSON.parse accepts (seeded), and points at the fault otherwise', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorOffset(text)).toBeNull();
      }),
      { seed: 14, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('}', ']', ',', ':', '"', 'x', '\n'), (text, at, ch): void => {
        const broken = text.slice(0, at % (text.length + 1)) + ch + text.slice(at % (text.length + 1));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(broken) === null).toBe(valid);
      }),
      { seed: 14, numRuns: 500 },
    );
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
  });
});
