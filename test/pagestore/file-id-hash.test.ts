/**
 * fileIdHash, the allocator's per-file hash without the file id's string (reused buffers, digest in place), equals
 * murmur3 of alluxioFileId's hex string, and alluxioFileId equals node:crypto's SHA-256 of the URI string: on
 * non-ASCII, lone-surrogate and non-normalized paths, and on lengths that pad into one, two or more blocks.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur3String } from '../../src/hash/murmur3.js';
import { utf8Bytes } from '../../src/hash/utf8.js';
import { alluxioUriString } from '../../src/pagestore/alluxio-uri.js';
import { alluxioFileId, fileIdHash } from '../../src/pagestore/hash-allocator.js';

const nodeId = (path: string): string =>
  createHash('sha256')
    .update(utf8Bytes(alluxioUriString(path), 'java'))
    .digest('hex');

describe('fileIdHash', () => {
  it('equals murmur3String(alluxioFileId(path)) for paths padded into one, two and three SHA-256 blocks', () => {
    for (let n = 0; n <= 200; n++) {
      const path = `s3://bucket/${'k'.repeat(n)}`;
      expect(fileIdHash(path), `length ${n}`).toBe(murmur3String(alluxioFileId(path)));
      expect(alluxioFileId(path)).toBe(nodeId(path));
    }
  });

  it('equals it on random paths (non-ASCII, lone surrogates, repeated and trailing slashes), long after short', () => {
    const segment = fc.string({ unit: fc.constantFrom('a', 'é', '日', '\ud83d', '\ude00', '😀', '/', '//', '.', 'x'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        const path = `/${parts.join('/')}`;
        expect(fileIdHash(path)).toBe(murmur3String(alluxioFileId(path)));
        expect(alluxioFileId(path)).toBe(nodeId(path));
      }),
      { seed: 30, numRuns: 400 },
    );
  });
});
