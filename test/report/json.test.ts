import { describe, expect, it } from 'vitest';
import { jsonText, plainJSON } from '../../src/report/json.js';

describe('JSON output', () => {
  it('indents by two, ends with a newline, and writes bigints as numbers when exact, else strings', () => {
    expect(jsonText({ a: 1n, b: [2] })).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}\n');
    expect(plainJSON({ big: 2n ** 60n, small: -5n })).toEqual({ big: '1152921504606846976', small: -5 });
  });
});
