import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSystemSpace, provisionedDisk } from '../../src/capacity/disk.js';
import { parseAlluxioSize } from '../../src/capacity/alluxio-size.js';
import { formatBytes, formatIn } from '../../src/core/units.js';

const GiB = 2 ** 30;
const gib = (b: bigint): number => Number(b) / GiB;

describe('provisionedDisk', () => {
  it('reads console sizes as the cloud provisions them (GiB), and plain GB as decimal', () => {
    expect(provisionedDisk('100GB', 'aws').rawBytes).toBe(107374182400n);
    expect(provisionedDisk('100GB', 'gcp').rawBytes).toBe(107374182400n);
    expect(provisionedDisk('1TB', 'azure').rawBytes).toBe(1n << 40n);
    expect(provisionedDisk('100GB', 'plain').rawBytes).toBe(100_000_000_000n);
    expect(provisionedDisk('1000GB', 'plain').rawBytes).toBe(10n ** 12n);
    expect(provisionedDisk('100GiB', 'plain').rawBytes).toBe(107374182400n);
  });

  it('rounds a Kubernetes PVC request up to whole GiB on a cloud (100G on GCP gets 94 GiB)', () => {
    expect(provisionedDisk('100G', 'gcp').rawBytes).toBe(94n << 30n);
    expect(provisionedDisk('100G', 'plain').rawBytes).toBe(100_000_000_000n);
    expect(provisionedDisk('100Gi', 'aws').rawBytes).toBe(100n << 30n);
  });

  it('rejects bad sizes with a one-line error', () => {
    expect(() => provisionedDisk('0GiB')).toThrow(/positive/);
    expect(() => provisionedDisk('-5Gi')).toThrow(/positive/);
    expect(() => provisionedDisk('lots')).toThrow(/^disk: not a disk size \(got "lots"\); .*Kubernetes quantity/);
    expect(() => provisionedDisk('10XB')).toThrow(/^disk: not a disk size \(got "10XB"\)/);
    expect(() => provisionedDisk('100GB', 'ibm' as never)).toThrow(/unknown disk provider/);
  });
});

describe('fileSystemSpace reproduces the measured figures (reference §6)', () => {
  it.each([
    [10, 9.745, 9.245],
    [100, 97.872, 92.872],
    [1024, 1006.854, 955.654],
  ])('ext4 on %d GiB: df Size %d GiB, %d GiB for a non-root writer (before the 16 MiB kernel reserve)', (size, df, nonRoot) => {
    const s = fileSystemSpace(BigInt(size) << 30n, 'ext4');
    expect(gib(s.dfSizeBytes)).toBeCloseTo(df, 2);
    const kernel = s.parts.find((p) => p.what.startsWith('kernel'))!.bytes;
    expect(gib(s.usableBytes + kernel)).toBeCloseTo(nonRoot, 2);
    const root = fileSystemSpace(BigInt(size) << 30n, 'ext4-root');
    expect(gib(root.usableBytes + kernel)).toBeCloseTo(df, 2);
  });

  it.each([
    [10, 9.937],
    [100, 99.937],
    [1024, 1023.5],
  ])('xfs on %d GiB leaves %d GiB after the log', (size, free) => {
    const s = fileSystemSpace(BigInt(size) << 30n, 'xfs');
    expect(gib(s.dfSizeBytes)).toBeCloseTo(free, 2);
    expect(s.usableBytes).toBe(s.dfSizeBytes - (32n << 20n));
  });

  it('usable <= raw for every size and file system', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 256n << 20n, max: 64n << 40n }), fc.constantFrom('ext4', 'ext4-root', 'xfs', 'raw' as const), (raw, fs) => {
        const s = fileSystemSpace(raw, fs);
        expect(s.usableBytes <= s.dfSizeBytes).toBe(true);
        expect(s.dfSizeBytes <= raw).toBe(true);
        expect(s.usableBytes > 0n).toBe(true);
      }),
    );
  });
});

describe('parseAlluxioSize (FormatUtils.parseSpaceSize)', () => {
  it.each([
    ['100GB', 107374182400n],
    ['100G', 107374182400n],
    ['100Gi', 107374182400n],
    ['100gib', 107374182400n],
    ['512MB', 512n << 20n],
    ['512m', 512n << 20n],
    ['1MB', 1n << 20n],
    ['4MiB', 4n << 20n],
    ['1024', 1024n],
    ['10b', 10n],
    ['1.5GB', 1610612736n],
    ['0.1KB', 102n],
    ['2PB', 2n << 50n],
    ['1.1PB', 1238489897526886n],
    ['-1GB', -1073741823n],
  ])('%s is %s bytes', (text, bytes) => {
    expect(parseAlluxioSize(text)).toBe(bytes);
  });

  it.each(['100 GB', '1EB', 'GB', '', '1x'])('rejects %j', (text) => {
    expect(() => parseAlluxioSize(text)).toThrow();
  });
});

describe('units', () => {
  it('prints bytes with their unit, binary or decimal', () => {
    expect(formatIn(96636764160n, 'GiB')).toBe('90.00 GiB');
    expect(formatIn(90_000_000_000n, 'GiB')).toBe('83.82 GiB');
    expect(formatBytes(96636764160n)).toBe('96,636,764,160 B (90.00 GiB, 96.64 GB)');
    expect(formatBytes(512n)).toBe('512 B');
  });
});
