import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkersRange,
  bandwidthRange,
  describeRange,
  MAX_ADDED_WORKERS,
  MAX_PAGE_VNODES,
  MAX_UFS_BYTES_PER_SECOND,
  readControlNumber,
  UFS_BANDWIDTH_UNITS,
  vnodesRange,
  type ControlRange,
} from '../../src/report/control-input.js';
import { MAX_RING_POINTS } from '../../src/ring/worker.js';

const add = addWorkersRange(8, 2000);

describe('readControlNumber: a numeric control of the HTML report', () => {
  it('names the control, the value and the accepted range; never a default', () => {
    expect(readControlNumber('0', add)).toEqual({ ok: false, message: 'Add workers: 0 is out of range; give a whole number of workers from 1 to 500.' });
    expect(readControlNumber('-1', add)).toEqual({ ok: false, message: 'Add workers: -1 is out of range; give a whole number of workers from 1 to 500.' });
    expect(readControlNumber('', add)).toEqual({ ok: false, message: 'Add workers: empty; give a whole number of workers from 1 to 500.' });
    expect(readControlNumber('100000', add)).toEqual({
      ok: false,
      message: 'Add workers: 100000 is out of range; give a whole number of workers from 1 to 500.',
    });
    expect(readControlNumber('2.5', add)).toEqual({
      ok: false,
      message: 'Add workers: 2.5 is not a whole number; give a whole number of workers from 1 to 500.',
    });
    expect(readControlNumber('two', add)).toEqual({ ok: false, message: 'Add workers: "two" is not a number; give a whole number of workers from 1 to 500.' });
    expect(readControlNumber('', add, true)).toEqual({
      ok: false,
      message: 'Add workers: what is typed is not a number; give a whole number of workers from 1 to 500.',
    });
    expect(readControlNumber(' 2 ', add)).toEqual({ ok: true, value: 2 });
    expect(readControlNumber('1e2', add)).toEqual({ ok: true, value: 100 });
  });

  it('the bandwidth: more than 0 and at most 10 Tbit/s, in the chosen unit', () => {
    expect(describeRange(bandwidthRange('Gbit/s'))).toBe('more than 0 and at most 10,000 Gbit/s');
    expect(describeRange(bandwidthRange('GB/s'))).toBe('more than 0 and at most 1,250 GB/s');
    expect(describeRange(bandwidthRange('MB/s'))).toBe('more than 0 and at most 1,250,000 MB/s');
    expect(readControlNumber('0', bandwidthRange('Gbit/s'))).toEqual({
      ok: false,
      message: 'Under-storage read bandwidth: 0 is out of range; give more than 0 and at most 10,000 Gbit/s.',
    });
    expect(readControlNumber('0.5', bandwidthRange('Gbit/s'))).toEqual({ ok: true, value: 0.5 });
    expect(readControlNumber('100000', bandwidthRange('MB/s'))).toEqual({ ok: true, value: 100000 });
    for (const unit of Object.keys(UFS_BANDWIDTH_UNITS)) expect(bandwidthRange(unit).max * UFS_BANDWIDTH_UNITS[unit]).toBeCloseTo(MAX_UFS_BYTES_PER_SECOND, 0);
  });

  it('the ranges keep every ring under the points ring-sim builds', () => {
    expect(add).toMatchObject({ min: 1, max: MAX_ADDED_WORKERS });
    expect(vnodesRange(8)).toMatchObject({ min: 1, max: MAX_PAGE_VNODES });
    expect(vnodesRange(1000).max).toBe(Math.floor(MAX_RING_POINTS / 1000));
    expect(addWorkersRange(16_000, 2000).max * 2000 + 16_000 * 2000).toBeLessThanOrEqual(MAX_RING_POINTS);
  });

  const ranges: Array<[string, ControlRange]> = [
    ['add', add],
    ['vnodes', vnodesRange(8)],
    ['bandwidth', bandwidthRange('Gbit/s')],
  ];
  for (const [name, range] of ranges) {
    it(`${name}: a value is accepted exactly when it is in the range, and then read as given (property)`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: -1_000_000, max: 10_000_000 }), fc.double({ min: -1e7, max: 1e7, noNaN: true })), (v) => {
          const r = readControlNumber(String(v), range);
          const inRange = v >= range.min && !(range.minExclusive && v === range.min) && v <= range.max && (!range.integer || Number.isInteger(v));
          expect(r.ok).toBe(inRange);
          if (r.ok) expect(r.value).toBe(v);
          else expect(r.message).toContain(describeRange(range));
        }),
        { seed: 23, numRuns: 500 },
      );
    });
  }
});
