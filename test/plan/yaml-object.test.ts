import { describe, expect, it } from 'vitest';
import { at, isObj } from '../../src/plan/yaml-object.js';

describe('isObj and at', () => {
  it('isObj is true for mappings only', () => {
    expect([{}, { a: 1 }].map(isObj)).toEqual([true, true]);
    expect([null, undefined, [], 'x', 3, true].map(isObj)).toEqual([false, false, false, false, false, false]);
  });

  it('at follows a path of mappings, and is undefined past a list, a scalar or a missing key', () => {
    const doc = { spec: { worker: { log: { hostPath: '/x' } }, list: [{ a: 1 }] } };
    expect(at(doc, ['spec', 'worker', 'log', 'hostPath'])).toBe('/x');
    expect(at(doc, [])).toBe(doc);
    expect(at(doc, ['spec', 'missing', 'x'])).toBeUndefined();
    expect(at(doc, ['spec', 'list', '0', 'a'])).toBeUndefined();
    expect(at(doc, ['spec', 'worker', 'log', 'hostPath', 'length'])).toBeUndefined();
    expect(at(null, ['a'])).toBeUndefined();
  });
});
