import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWorkers } from '../../src/cli/workers-file.js';

describe('parseWorkers', () => {
  it('reads "id [weight] [zone]" lines, with # comments and blank lines', () => {
    expect(parseWorkers('# the cache\nw1\n\nw2 2.5   # bigger\r\nw3 1 zone-b\n', 'w.txt')).toEqual([
      { id: 'w1' },
      { id: 'w2', weight: 2.5 },
      { id: 'w3', weight: 1, zone: 'zone-b' },
    ]);
  });

  it('reads a JSON array of ids, objects or Alluxio identities', () => {
    expect(parseWorkers('["a", {"id": "b", "weight": 2, "zone": "z"}]', 'w.json')).toEqual([{ id: 'a' }, { id: 'b', weight: 2, zone: 'z' }]);
    const [w] = parseWorkers('[{"version": 1, "identifier": "0a8b9c1d2e3f4a5b8c6d7e8f9a0b1c2d"}]', 'w.json');
    expect(w.id).toBe('worker-0a8b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d');
  });

  it('names the line or item, the value and the fix', () => {
    expect(() => parseWorkers('w1\nw2 0\n', 'w.txt')).toThrow('w.txt:2 weight: a weight must be a positive finite number (got "0"); write e.g. "worker-1 2"');
    expect(() => parseWorkers('w1 1 z extra\n', 'w.txt')).toThrow(/^w\.txt:1: a worker line has at most three fields/);
    expect(() => parseWorkers('# nothing\n\n', 'w.txt')).toThrow(/^w\.txt: the workers file lists no workers/);
    expect(() => parseWorkers('[1, ', 'w.json')).toThrow(/^w\.json: not valid JSON/);
    expect(() => parseWorkers('[]', 'w.json')).toThrow(/lists no workers/);
    expect(() => parseWorkers('["a", ""]', 'w.json')).toThrow(/^w\.json\[1\]: a worker id is a non-empty string/);
    expect(() => parseWorkers('[{"id": "a", "weight": -1}]', 'w.json')).toThrow(/^w\.json\[0\]\.weight: a weight must be a positive finite number/);
  });

  it('reads back every list it is given as lines (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9.:-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(fc.record({ id, weight: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }) }), { minLength: 1, maxLength: 20 }),
        (list) => {
          const text = list.map((w) => (w.weight === undefined ? w.id : `${w.id} ${w.weight}`)).join('\n');
          expect(parseWorkers(text, 'w.txt')).toEqual(list.map((w) => (w.weight === undefined ? { id: w.id } : w)));
        },
      ),
      { seed: 77, numRuns: 150 },
    );
  });
});
