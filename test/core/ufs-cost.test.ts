import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanFileBytes, pageRequests, requestsPerFile } from '../../src/core/ufs-cost.js';

const MiB = 2 ** 20;

describe('pageRequests: GETs of bytes moved, whole pages or files of the mean size', () => {
  it('1,000 files of 1 MiB under 4 MiB pages: 1,000 GETs, not 250 whole pages', () => {
    const file = meanFileBytes(1000 * MiB, 1000);
    expect(file).toBe(MiB);
    expect(requestsPerFile(MiB, 4 * MiB)).toBe(1);
    expect(pageRequests(1000 * MiB, 4 * MiB, file)).toBe(1000);
    expect(pageRequests(1000 * MiB, 4 * MiB)).toBe(250);
    expect(pageRequests(100 * 2 ** 30, 4 * MiB, 6 * MiB)).toBe(34_134);
  });

  it('no file count, or no bytes, gives no mean file size', () => {
    expect(meanFileBytes(undefined, 10)).toBeNull();
    expect(meanFileBytes(MiB, undefined)).toBeNull();
    expect(meanFileBytes(MiB, 0)).toBeNull();
  });

  it('files never take fewer GETs than whole pages, nor more than one a file more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 24 }), fc.integer({ min: 1, max: 2 ** 30 }), (bytes, page, file) => {
        const pages = pageRequests(bytes, page);
        const files = pageRequests(bytes, page, file);
        expect(files).toBeGreaterThanOrEqual(pages);
        expect(files).toBeLessThanOrEqual(pages + Math.ceil(bytes / file) + 1);
      }),
      { seed: 28, numRuns: 500 },
    );
  });
});
