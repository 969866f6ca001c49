/**
 * `cachesim`'s inputs and output (issue 29 items 7-9), through the built CLI: a binary file read as txt or csv is
 * refused; policies in any case; --object-size and --sizes take quantities; rows in size order for each policy;
 * byte columns in binary units in the text and exact bytes in --json; miss ratios as percentages; the working set
 * always printed; a trace without object sizes (cache2k) says what it assumed.
 */
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';

const ORACLE = '../shared/traces/cloudPhysicsIO.oracleGeneral.bin';
const CACHE2K = '../shared/traces/cache2k-web07.trace.xz';

interface Report {
  unit: string;
  workingSet: { objects: number; bytes: number };
  assumptions: string[];
  results: Array<{ policy: string; cacheSize: number; missBytes: number; missRatio: number }>;
}

describe('cachesim inputs and output (built CLI)', () => {
  it('a binary trace read as txt or csv is refused in one line naming the byte (exit 2)', () => {
    for (const format of [['txt'], ['csv', '--id-col', '1']]) {
      const r = builtCli(['cachesim', '--trace', ORACLE, '--format', ...format, '--sizes', '1Gi']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(
        /^ring-sim: error: .*cloudPhysicsIO\.oracleGeneral\.bin: is binary, not text \(byte \d+ is 0x[0-9a-f]{2}\); pass the binary format it is written in, e\.g\. --format oracleGeneral or --format cache2k\n$/,
      );
    }
  });

  it('LRU in any case, sizes as quantities given out of order: rows in size order for each policy; binary units, percentages, the working set', () => {
    const args = ['cachesim', '--trace', ORACLE, '--format', 'oracleGeneral', '--policy', 'LRU,Fifo', '--sizes', '1Gi,128MiB,512Mi'];
    const text = builtCli(args).stdout;
    const rows = text
      .split('\n')
      .filter((l) => /^(lru|fifo) /.test(l))
      .map((l) =>
        l
          .split(/\s{2,}/)
          .slice(0, 2)
          .join(' '),
      );
    expect(rows).toEqual(['lru 128.00 MiB', 'lru 512.00 MiB', 'lru 1.00 GiB', 'fifo 128.00 MiB', 'fifo 512.00 MiB', 'fifo 1.00 GiB']);
    expect(text).toContain('working set: 48,974 objects, 1.89 GiB (2,029,769,728 B)');
    expect(text).toMatch(/^lru +128\.00 MiB +113,872 +93,374 +82\.00 % +3\.92 GiB +96\.48 %$/m);
    const json = JSON.parse(builtCli([...args, '--json']).stdout) as Report;
    expect(json.workingSet).toEqual({ objects: 48_974, bytes: 2_029_769_728 });
    expect(json.results.map((x) => [x.policy, x.cacheSize])).toEqual([
      ['lru', 2 ** 27],
      ['lru', 2 ** 29],
      ['lru', 2 ** 30],
      ['fifo', 2 ** 27],
      ['fifo', 2 ** 29],
      ['fifo', 2 ** 30],
    ]);
    expect(Number.isInteger(json.results[0].missBytes)).toBe(true);
    expect(json.results[0].missRatio).toBeCloseTo(93_374 / 113_872, 12);
    expect(json.assumptions).toEqual([]);
  });

  it('cache2k without --object-size says it counts objects; with --object-size 4MiB, that every request is 4 MiB', () => {
    const objects = builtCli(['cachesim', '--trace', CACHE2K, '--format', 'cache2k', '--sizes', '1000']);
    expect(objects.code).toBe(0);
    expect(objects.stdout).toContain(
      'assumed: cache2k traces carry no object sizes: every request taken as one object (size 1), so cache sizes and misses are numbers of objects; pass --object-size SIZE (e.g. 4MiB) to count bytes',
    );
    expect(objects.stdout).toContain('working set: 20,484 objects\n');
    const sized = JSON.parse(
      builtCli(['cachesim', '--trace', CACHE2K, '--format', 'cache2k', '--object-size', '4MiB', '--sizes', '1Gi', '--json']).stdout,
    ) as Report;
    expect(sized.unit).toBe('bytes');
    expect(sized.workingSet).toEqual({ objects: 20_484, bytes: 20_484 * 4 * 2 ** 20 });
    expect(sized.assumptions).toEqual(['cache2k traces carry no object sizes: every request taken as 4,194,304 B (--object-size)']);
    const refused = builtCli(['cachesim', '--trace', CACHE2K, '--format', 'cache2k', '--sizes', '1Gi']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^ring-sim: error: --sizes: .*this cache2k trace has no object sizes/);
  });
});
