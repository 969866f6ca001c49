import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingSimError } from '../../src/core/errors.js';
import { alluxioUriString } from '../../src/pagestore/alluxio-uri.js';
import { alluxioFileId, dirIndexOfFileId, pageStoreDirIndex } from '../../src/pagestore/hash-allocator.js';
import { alluxioFileId as rootFileId, pageStoreDirIndex as rootDirIndex } from '../../src/index.js';

/**
 * Golden vectors, computed outside ring-sim with JDK 17 and Guava 32.1.3: a Java re-statement of Alluxio's
 * URI.Factory.create / AlluxioURI.normalizePath / Authority.fromString / AlluxioURI.toString (dora branch) whose
 * dot-segment step is the JDK's own java.net.URI.normalize(), then MessageDigest SHA-256 of the UTF-8 string
 * (AlluxioURI.hash), then Guava murmur3_32_fixed().hashString(fileId, UTF_8).asInt() and Math.floorMod
 * (HashAllocator). The same program agreed with alluxioUriString on 16,463 generated paths (slashes, backslashes,
 * dots, colons, queries, drives, non-ASCII) and rejected the 441 Java rejects.
 * Columns: input, AlluxioURI.toString(), file id, murmur3 asInt, floorMod by 2, 3, 7.
 */
const VECTORS: [string, string, string, number, number, number, number][] = [
  [
    's3://bucket/data/part-0.parquet',
    's3://bucket/data/part-0.parquet',
    'e809455a33f7fdb6ac0ea18f635ad7de8b8bf88902000199724d145c7eb71c20',
    1496234159,
    1,
    2,
    0,
  ],
  [
    's3://bucket//data///part-0.parquet/',
    's3://bucket/data/part-0.parquet',
    'e809455a33f7fdb6ac0ea18f635ad7de8b8bf88902000199724d145c7eb71c20',
    1496234159,
    1,
    2,
    0,
  ],
  ['hdfs://nn:8020/warehouse/t/', 'hdfs://nn:8020/warehouse/t', 'ccb6686e4f45e3883ecce36ed00b14026d8c9b8f0f6e81b16b8382b17ba677c4', -950590631, 1, 1, 3],
  ['hdfs://nn:08020/a/./b/../c', 'hdfs://nn:8020/a/c', '3ba670f988b1b7c33213951aaee7cd3b3b96eb625104169e0c82823693f134b7', -226441022, 0, 1, 4],
  ['hdfs://h1:1;h2:2+h3:3/x', 'hdfs://h1:1,h2:2,h3:3/x', 'f601100424f834f43dd0a281e43ffffbcd3fc32139f9aac90b3121592824cf98', 1130860067, 1, 2, 1],
  ['gs://b/数据/文件.csv', 'gs://b/数据/文件.csv', '25a2556f1c6f355c2069d2d0e57eb994e14a4d87e667c2d8dd5f98d4e2e4d731', -1589063657, 1, 1, 1],
  ['s3://bücket/é/😀.bin', 's3://bücket/é/😀.bin', '1b483e51cf0ecb749048ef094dfda1314d5493409fe5f7eec4ae52e34f8239ed', -1312960111, 1, 2, 6],
  ['file:///tmp//cache/', 'file:///tmp/cache', '53cad3f2daa0b2c641f3df1d235ec9f69ab752f6e5e0bc333b4a4968f5fb4621', 1817791222, 0, 1, 2],
  ['/local/path/', '/local/path', '4e1f3de1c85a66e66c061ee87cd1119874668d857de2fbe4f9926e634e94b50f', 1355330790, 0, 0, 2],
  ['C:\\data\\x.csv', 'C:/data/x.csv', '57dbf83cd17fa32691901f2bd8181170354438c9b1a08e29a61018fead418c0b', 631072467, 1, 0, 4],
  ['s3://b/a/b/..', 's3://b/a/', '28ebaa59d005bbe40dcc44e306c4a626e6d412b4a47979a53e9e684f41b7b09b', 1492655576, 0, 2, 6],
  ['s3://b/../x', 's3://b/../x', '3e5808bc108bed1058eedb97cac26ea68ddebd230cd605ae4baecb1ae704c8ad', -375698372, 0, 1, 0],
  ['oss://b/p?versionId=7', 'oss://b/p?versionId=7', '220089382b24869dbfe6b82349c6c4dcd24cfd7d4108a6cca7326605e6787633', -1975356203, 1, 1, 5],
  ['relative//dir/', 'relative/dir', '393de91d95fd83c9f9abef48c840c5af58cdb025329a71150d361708f261ddfd', 569794184, 0, 2, 1],
  ['./', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', -2033750433, 1, 0, 6],
  ['', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', -2033750433, 1, 0, 6],
  ['s3://bucket', 's3://bucket', 'f6404b9c72d841133f4a1d7fc4143d6b66d6f8f6f024f215fc2f916a9b85bea9', 1824392354, 0, 2, 1],
];

/** A reference Guava murmur3_32_fixed over UTF-8 (bytes from Buffer, blocks through DataView), independent of src/hash. */
function referenceMurmur3(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const mul = (a: number, b: number): number => Math.imul(a, b);
  const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
  const mixK = (k: number): number => mul(rotl(mul(k, 0xcc9e2d51), 15), 0x1b873593);
  let h = 0;
  const blocks = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blocks; i += 4) h = (mul(rotl(h ^ mixK(view.getInt32(i, true)), 13), 5) + 0xe6546b64) | 0;
  let k = 0;
  for (let i = bytes.length - 1; i >= blocks; i--) k = (k << 8) | bytes[i];
  if (bytes.length > blocks) h ^= mixK(k);
  h ^= bytes.length;
  h = mul(h ^ (h >>> 16), 0x85ebca6b);
  h = mul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const floorMod = (a: number, n: number): number => ((a % n) + n) % n;

describe('alluxioFileId and pageStoreDirIndex (Alluxio HashAllocator)', () => {
  it('match the Java vectors bit for bit (URI string, SHA-256 file id, murmur3, floorMod by 2, 3 and 7)', () => {
    for (const [input, uri, fileId, hash, by2, by3, by7] of VECTORS) {
      expect(alluxioUriString(input), input).toBe(uri);
      expect(alluxioFileId(input), input).toBe(fileId);
      expect(referenceMurmur3(fileId), input).toBe(hash);
      expect(
        [2, 3, 7].map((n) => pageStoreDirIndex(input, n)),
        input,
      ).toEqual([by2, by3, by7]);
      expect(pageStoreDirIndex(input, 1)).toBe(0);
    }
  });

  it('are exported from the package root', () => {
    expect(rootFileId('s3://bucket/a')).toBe(alluxioFileId('s3://bucket/a'));
    expect(rootDirIndex('s3://bucket/a', 4)).toBe(pageStoreDirIndex('s3://bucket/a', 4));
  });

  it('equal node:crypto SHA-256 and a reference murmur3 with floorMod, on random paths', () => {
    const segment = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '_', 'é', '数', '😀', ' ', '%'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.constantFrom('s3://bucket', 'hdfs://nn:8020', 'gs://b', ''),
        fc.array(segment, { maxLength: 5 }),
        fc.integer({ min: 1, max: 64 }),
        (root, segments, dirs) => {
          const path = `${root}/${segments.join('/')}`;
          const expected = createHash('sha256')
            .update(Buffer.from(alluxioUriString(path), 'utf8'))
            .digest('hex');
          expect(alluxioFileId(path)).toBe(expected);
          expect(pageStoreDirIndex(path, dirs)).toBe(floorMod(referenceMurmur3(expected), dirs));
          expect(dirIndexOfFileId(expected, dirs)).toBe(pageStoreDirIndex(path, dirs));
        },
      ),
      { seed: 30, numRuns: 300 },
    );
  });

  it('give one id to the spellings Alluxio normalizes to one URI (repeated and trailing slashes, backslashes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '1'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.nat(3),
        (segments, extra) => {
          const clean = `s3://bucket/${segments.join('/')}`;
          const messy = `s3://bucket/${segments.join('/'.repeat(extra + 1))}${'/'.repeat(extra)}`;
          expect(alluxioFileId(messy)).toBe(alluxioFileId(clean));
          expect(alluxioFileId(`s3://bucket/${segments.join('\\')}\\`)).toBe(alluxioFileId(clean));
        },
      ),
      { seed: 30, numRuns: 100 },
    );
  });

  it('encode a lone surrogate as Java does (a "?"), and keep the root and dot-segment rules', () => {
    // Java's getBytes writes "?" for it; the bytes are then those of "s3://b/x?" (an empty query, kept by toString).
    expect(alluxioUriString('s3://b/x?')).toBe('s3://b/x?');
    expect(alluxioFileId('s3://b/x\uD800')).toBe(alluxioFileId('s3://b/x?'));
    expect(alluxioUriString('/')).toBe('/');
    expect(alluxioUriString('C:\\')).toBe('C:/');
    expect(alluxioUriString('.')).toBe('.');
    expect(alluxioUriString('./a:b')).toBe('./a:b');
    expect(alluxioUriString('/a/b/../..')).toBe('/');
  });

  it('reject bad input with a RingSimError naming the field', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '2' as unknown as number]) {
      expect(() => pageStoreDirIndex('s3://b/a', bad)).toThrowError(RingSimError);
      expect(() => pageStoreDirIndex('s3://b/a', bad)).toThrowError(/^dirCount: /);
    }
    for (const bad of ['s3:relative/x', 's3:', 'ab:cd://h/x', '1s3://b/x', 's3:x']) {
      expect(() => alluxioFileId(bad), bad).toThrowError(/^ufsPath: /);
    }
    expect(() => alluxioFileId(42 as unknown as string)).toThrowError(/^ufsPath: /);
  });
});
