/**
 * A worker's disk, from the size a cloud sells to the bytes a file system leaves a page store.
 * Reference: shared/reference/capacity.md §5 (cloud units), §6 (file systems, measured), §8.
 *
 * This is a model: the file-system figures reproduce mke2fs (e2fsprogs 1.47) and mkfs.xfs (xfsprogs 6.1)
 * defaults as measured on fresh file systems; every assumption is returned with the numbers.
 */
import { RingSimError } from '../core/errors.js';
import { parseQuantity } from './quantity.js';
import { formatBinary } from '../core/units.js';

export type DiskProvider = 'aws' | 'gcp' | 'azure' | 'plain';
export type FileSystem = 'ext4' | 'ext4-root' | 'xfs' | 'raw';

export const DISK_PROVIDERS: readonly DiskProvider[] = ['aws', 'gcp', 'azure', 'plain'];
export const FILE_SYSTEMS: readonly FileSystem[] = ['ext4', 'ext4-root', 'xfs', 'raw'];

const GiB = 1n << 30n;
const MiB = 1n << 20n;
const KiB4 = 4096n;

export interface ProvisionedDisk {
  /** The size as given. */
  text: string;
  provider: DiskProvider;
  /** Bytes of the block device. */
  rawBytes: bigint;
  assumptions: string[];
}

const PROVIDER_NAMES: Record<Exclude<DiskProvider, 'plain'>, string> = {
  aws: 'AWS EBS',
  gcp: 'GCP Persistent Disk',
  azure: 'Azure managed disks',
};

/**
 * Reads a disk size as the provider sells it. `100GB`/`1TB` are the numbers a console shows: AWS, GCP and Azure
 * provision those in GiB/TiB (GCP writes "GB" but means 2^30), `plain` reads them as decimal. `GiB`/`TiB` are
 * binary everywhere. Kubernetes quantities (`100Gi`, `100G`, `107374182400`) are PVC requests: exact with
 * `plain`, rounded up to whole GiB by the cloud's CSI driver otherwise.
 */
export function provisionedDisk(text: string, provider: DiskProvider = 'plain'): ProvisionedDisk {
  if (!DISK_PROVIDERS.includes(provider)) {
    throw new RingSimError('provider', provider, 'unknown disk provider', `use one of ${DISK_PROVIDERS.join(', ')}`);
  }
  const assumptions: string[] = [];
  const m = /^(\d+(?:\.\d+)?)\s*(GB|TB|GiB|TiB)$/.exec(String(text).trim());
  let raw: bigint;
  if (m) {
    const [, num, unit] = m;
    const binary = unit.endsWith('iB') || provider !== 'plain';
    const base = unit.startsWith('T') ? (binary ? 1n << 40n : 10n ** 12n) : binary ? GiB : 10n ** 9n;
    raw = decimalTimes(num, base, text);
    if (unit === 'GB' || unit === 'TB') {
      if (provider === 'plain') {
        assumptions.push(`${text} read as decimal: ${unit === 'GB' ? '10^9' : '10^12'} bytes a ${unit} (--provider plain)`);
      } else {
        assumptions.push(
          `${PROVIDER_NAMES[provider]} provisions disk sizes in binary units: ${text} on ${provider} is ${num} ${unit === 'GB' ? 'GiB' : 'TiB'}`,
        );
      }
    }
  } else {
    let q;
    try {
      q = parseQuantity(String(text).trim());
    } catch {
      throw new RingSimError('disk', text, 'not a disk size', 'write a size as sold (100GB, 1TB, 100GiB) or a Kubernetes quantity (100Gi)');
    }
    if (q.sign <= 0) throw new RingSimError('disk', text, 'a disk size must be positive', 'write e.g. 100GiB');
    raw = q.bytes;
    if (provider !== 'plain') {
      const rounded = ((raw + GiB - 1n) / GiB) * GiB;
      if (rounded !== raw) {
        assumptions.push(`a PVC request of ${text} (${raw} B) is rounded up to whole GiB by the ${provider} CSI driver: ${formatBinary(rounded)}`);
      }
      raw = rounded;
    } else {
      assumptions.push(`${text} read as a Kubernetes quantity: ${raw} B`);
    }
  }
  if (raw <= 0n) throw new RingSimError('disk', text, 'a disk size must be positive', 'write e.g. 100GiB');
  return { text, provider, rawBytes: raw, assumptions };
}

function decimalTimes(num: string, base: bigint, text: string): bigint {
  const [whole, frac = ''] = num.split('.');
  const scale = 10n ** BigInt(frac.length);
  const product = BigInt(whole + frac) * base;
  if (product % scale !== 0n) {
    throw new RingSimError('disk', text, 'the size is not a whole number of bytes', 'give a size with fewer decimals');
  }
  return product / scale;
}

export interface FileSystemSpace {
  fs: FileSystem;
  rawBytes: bigint;
  /** Bytes `df` reports as Size (metadata excluded). */
  dfSizeBytes: bigint;
  /** Bytes a writer of this kind can fill (the page store's limit). */
  usableBytes: bigint;
  /** The parts subtracted from the raw size, in bytes. */
  parts: Array<{ what: string; bytes: bigint }>;
  assumptions: string[];
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** ext4 journal size by file-system size (mke2fs `ext2fs_default_journal_size`, e2fsprogs 1.47). */
function ext4JournalBytes(raw: bigint): bigint {
  const table: Array<[bigint, bigint]> = [
    [128n * MiB, 4n * MiB],
    [GiB, 16n * MiB],
    [2n * GiB, 32n * MiB],
    [16n * GiB, 64n * MiB],
    [32n * GiB, 128n * MiB],
    [64n * GiB, 256n * MiB],
    [128n * GiB, 512n * MiB],
  ];
  for (const [limit, journal] of table) if (raw < limit) return journal;
  return GiB;
}

/** Backup superblock groups with sparse_super: 0, 1 and powers of 3, 5 and 7. */
function sparseSuperGroups(groups: bigint): bigint {
  const set = new Set<bigint>([0n]);
  if (groups > 1n) set.add(1n);
  for (const base of [3n, 5n, 7n]) for (let g = base; g < groups; g *= base) set.add(g);
  return BigInt([...set].filter((g) => g < groups).length);
}

/** The space a freshly made file system leaves on `rawBytes`. */
export function fileSystemSpace(rawBytes: bigint, fs: FileSystem): FileSystemSpace {
  if (!FILE_SYSTEMS.includes(fs)) {
    throw new RingSimError('fs', fs, 'unknown file system', `use one of ${FILE_SYSTEMS.join(', ')}`);
  }
  if (fs === 'raw') {
    return { fs, rawBytes, dfSizeBytes: rawBytes, usableBytes: rawBytes, parts: [], assumptions: ['no file system overhead (raw device)'] };
  }
  if (fs === 'xfs') {
    const log = [rawBytes / 2048n, 64n * MiB].reduce((a, b) => (a > b ? a : b));
    const logCapped = log > 2038n * MiB ? 2038n * MiB : log;
    const reserve = [(rawBytes * 5n) / 100n, 8192n * KiB4].reduce((a, b) => (a < b ? a : b));
    const dfSize = rawBytes - logCapped;
    return {
      fs,
      rawBytes,
      dfSizeBytes: dfSize,
      usableBytes: dfSize - reserve,
      parts: [
        { what: 'internal log: max(size/2048, 64 MiB)', bytes: logCapped },
        { what: 'kernel reserve pool: min(5 %, 8192 blocks)', bytes: reserve },
      ],
      assumptions: [
        'XFS made by mkfs.xfs defaults (xfsprogs 6.1): 4 KiB blocks, internal log, no inode pre-allocation',
        'no root reserve on XFS; the kernel keeps a 32 MiB reserve pool from every writer (model)',
      ],
    };
  }
  // ext4, mke2fs defaults: 4 KiB blocks, 128 MiB block groups, 256-byte inodes, one inode per 16 KiB,
  // 64-bit group descriptors, sparse_super, resize_inode, 5 % reserved blocks.
  const blocks = rawBytes / KiB4;
  const groups = ceilDiv(blocks, 32768n);
  const inodeTables = (rawBytes * 256n) / 16384n;
  const journal = ext4JournalBytes(rawBytes);
  const gdtBlocks = ceilDiv(groups * 64n, KiB4);
  const maxBlocks = blocks * 1024n > 0xffffffffn ? 0xffffffffn : blocks * 1024n;
  let reservedGdt = ceilDiv(ceilDiv(maxBlocks, 32768n), 64n) - gdtBlocks;
  if (reservedGdt > 1024n) reservedGdt = 1024n;
  if (reservedGdt < 0n) reservedGdt = 0n;
  const backups = sparseSuperGroups(groups);
  const superAndGdt = backups * (1n + gdtBlocks + reservedGdt) * KiB4;
  const bitmaps = groups * 2n * KiB4;
  const dfSize = rawBytes - inodeTables - journal - superAndGdt - bitmaps;
  const rootReserve = ((blocks * 5n) / 100n) * KiB4;
  const kernelReserve = [((blocks * 2n) / 100n) * KiB4, 4096n * KiB4].reduce((a, b) => (a < b ? a : b));
  const root = fs === 'ext4-root';
  const parts = [
    { what: 'inode tables: 256 B per 16 KiB', bytes: inodeTables },
    { what: 'journal', bytes: journal },
    { what: `superblock and group-descriptor copies (${backups} groups)`, bytes: superAndGdt },
    { what: 'block and inode bitmaps', bytes: bitmaps },
  ];
  if (!root) parts.push({ what: 'root reserve: 5 % of blocks (-m 5)', bytes: rootReserve });
  parts.push({ what: 'kernel reserve: min(2 %, 4096 blocks)', bytes: kernelReserve });
  return {
    fs,
    rawBytes,
    dfSizeBytes: dfSize,
    usableBytes: dfSize - (root ? 0n : rootReserve) - kernelReserve,
    parts,
    assumptions: [
      'ext4 made by mke2fs defaults (e2fsprogs 1.47): 4 KiB blocks, 256-byte inodes, one inode per 16 KiB',
      root
        ? 'the page store writes as root (or the disk was made with -m 0): the 5 % root reserve is usable'
        : 'the page store writes as a non-root user: the 5 % root reserve is not usable (use --fs ext4-root if it runs as root)',
    ],
  };
}
