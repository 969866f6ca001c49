/** One reservedSize shared by several page-store directories (`sharedSizes`): its fixes pass beside every entry. */
import { describe, expect, it } from 'vitest';
import { reservedFix, reservedPasses, exampleReserved, type StoreLimits } from '../../src/capacity/fix-values.js';

const GiB = 1n << 30n;
const base: StoreLimits = { edition: 'enterprise', pageSizeBytes: 4n << 20n, overhead: 0.1, reservedBytes: 2n * GiB };

describe('a reservedSize shared by several directories', () => {
  it('passes only when it passes beside every entry', () => {
    expect(reservedPasses(base, 20n * GiB, 2n * GiB)).toBe(true);
    expect(reservedPasses({ ...base, sharedSizes: [80n * GiB] }, 20n * GiB, 2n * GiB)).toBe(false); // 2.5 % of 80Gi
    expect(reservedPasses({ ...base, sharedSizes: [80n * GiB] }, 20n * GiB, 4n * GiB)).toBe(true);
  });

  it('the fix names a value within the band of every entry, else both values for every entry', () => {
    expect(reservedFix({ ...base, sharedSizes: [80n * GiB] }, 20n * GiB)).toBe('set reservedSize to 4Gi (5–20 % of every size entry, one reserve a directory)');
    expect(reservedFix({ ...base, sharedSizes: [90n * GiB] }, 90n * GiB)).toBe('set reservedSize to 9Gi (5–20 % of every size entry, one reserve a directory)');
    expect(reservedFix({ ...base, sharedSizes: [80n * GiB] }, 10n * GiB)).toBe('set size to 100Gi with reservedSize 10Gi (the same size in every entry)');
    expect(exampleReserved({ ...base, sharedSizes: [80n * GiB] }, 10n * GiB)).toBe('10Gi with size 100Gi in every entry');
    // One directory: as before.
    expect(reservedFix(base, 20n * GiB)).toBe('set reservedSize to 2Gi (about 10 % of size)');
  });
});
