/**
 * alluxioUriString's shortcut for paths the rules leave as written equals the rules on every path: generated from
 * pieces that touch each rule's edge (schemes of one and two characters, ports, multi-master separators, dot
 * segments, repeated and trailing slashes, backslashes, queries, drive letters, non-ASCII).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alluxioUriString, alluxioUriStringByRules } from '../../src/pagestore/alluxio-uri.js';

const same = (path: string): void => {
  let byRules: string | Error;
  try {
    byRules = alluxioUriStringByRules(path);
  } catch (e) {
    byRules = e as Error;
  }
  if (byRules instanceof Error) expect(() => alluxioUriString(path), path).toThrow(byRules.message);
  else expect(alluxioUriString(path), path).toBe(byRules);
};

describe('alluxioUriString: the shortcut for unchanged paths', () => {
  it('equals the rules on hand-picked edges', () => {
    for (const path of [
      's3://bucket/data/part-0.parquet',
      's3://bucket/a/./b',
      's3://bucket/a/../b',
      's3://bucket/a/..',
      's3://bucket/a/.hidden/..x',
      's3://bucket/a/',
      's3://bucket//a',
      's3://host:080/a',
      'hdfs://a:1;b:2/x',
      'hdfs://a+b/x',
      'C://x/y',
      'c:/x',
      's3://b/a?x=1',
      's3://b/a\\b',
      's3://b/é/日本/😀',
      'gs.x+y-z://b/k',
      '1s://b/k',
      's3://b',
      's3://b/a:b',
    ])
      same(path);
  });

  it('equals the rules on random paths', () => {
    const piece = fc.constantFrom(
      's3',
      'C',
      'x',
      ':',
      '/',
      '//',
      '.',
      '..',
      '\\',
      '?',
      '=',
      ';',
      '+',
      ',',
      ':80',
      'é',
      '\ud83d',
      'a',
      '-',
      '1',
      '#',
      '%',
      ' ',
      '@',
      'A',
      'S3',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => same(parts.join(''))),
      { seed: 31, numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => same(`s3://bucket/${parts.join('')}`)),
      { seed: 32, numRuns: 3000 },
    );
  });
});
