import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInteger, checkReplicas, MAX_RING_POINTS, normaliseWorkers } from '../../src/ring/worker.js';

describe('normaliseWorkers', () => {
  it('fills in weight 1 and keeps zones', () => {
    expect(normaliseWorkers([{ id: 'a' }, { id: 'b', weight: 2.5, zone: 'z1' }])).toEqual([
      { id: 'a', weight: 1 },
      { id: 'b', weight: 2.5, zone: 'z1' },
    ]);
  });

  it('names the worker and field that is wrong', () => {
    expect(() => normaliseWorkers([])).toThrow(/^workers: the worker list is empty/);
    expect(() => normaliseWorkers([{ id: 'a' }, null as never], '--workers')).toThrow(/^--workers\[1\]: a worker must be an object with an id/);
    expect(() => normaliseWorkers([{ id: ' ' }])).toThrow(/^workers\[0\]\.id: a worker id must be a non-empty string/);
    expect(() => normaliseWorkers([{ id: 'a' }, { id: 'a' }])).toThrow(/^workers\[1\]\.id: duplicate worker id \(got "a"\)/);
    for (const weight of [0, -1, Number.POSITIVE_INFINITY, Number.NaN])
      expect(() => normaliseWorkers([{ id: 'a', weight }])).toThrow(/^workers\[0\]\.weight: a weight must be a positive finite number/);
    expect(() => normaliseWorkers([{ id: 'a', zone: '' }])).toThrow(/^workers\[0\]\.zone: a zone must be a non-empty string/);
  });

  it("returns a copy, never the caller's objects", () => {
    const given = [{ id: 'a', weight: 3 }];
    const out = normaliseWorkers(given);
    out[0].weight = 9;
    expect(given[0].weight).toBe(3);
  });

  it('keeps every distinct id, in order (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
          { minLength: 1, maxLength: 30 },
        ),
        (ids) => {
          expect(normaliseWorkers(ids.map((id) => ({ id }))).map((w) => w.id)).toEqual(ids);
        },
      ),
      { seed: 8, numRuns: 100 },
    );
  });
});

describe('checkReplicas and checkInteger', () => {
  it('allows 1 to the number of workers', () => {
    expect(() => checkReplicas(3, 3)).not.toThrow();
    expect(() => checkReplicas(0, 3)).toThrow(/^replicas: replicas must be a whole number of at least 1/);
    expect(() => checkReplicas(1.5, 3)).toThrow(/whole number/);
    expect(() => checkReplicas(2, 1, '--replicas')).toThrow(
      /^--replicas: only 1 distinct worker can hold a key \(got 2\); ask for at most 1 replicas or add workers$/,
    );
    expect(() => checkReplicas(4, 3)).toThrow(/only 3 distinct workers can hold a key/);
  });

  it('checkInteger returns the value in range and names the field otherwise', () => {
    expect(checkInteger('vnodes', 5, 1, MAX_RING_POINTS, 'fix')).toBe(5);
    expect(() => checkInteger('vnodes', '5', 1, 10, 'use 5')).toThrow(/^vnodes: must be a whole number from 1 to 10 \(got "5"\); use 5$/);
    expect(() => checkInteger('vnodes', 11, 1, 10, 'use 5')).toThrow(/from 1 to 10/);
  });
});
