import { describe, expect, it } from 'vitest';
import { SHARED } from '../shared.js';
import { cli, tempFile } from './helpers.js';

describe('ring-sim cachesim', () => {
  it('prints libCacheSim LRU numbers for cloudPhysicsIO, as text and JSON; sizes as quantities, rows in size order', async () => {
    // 1Gi is a Kubernetes quantity (the scenario grammar), 128MiB libCacheSim's; LRU in capitals; given out of order.
    const args = [
      'cachesim',
      '--trace',
      `${SHARED}traces/cloudPhysicsIO.oracleGeneral.bin`,
      '--format',
      'oracleGeneral',
      '--policy',
      'LRU,Fifo',
      '--sizes',
      '1Gi,100,128MiB',
    ];
    const text = await cli(...args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('working set: 48,974 objects, 1.89 GiB (2,029,769,728 B)\n');
    expect(text.stdout).toContain('warning: cache size 100 B is below one object of this trace (the mean object is 41,446 B)');
    expect(text.stdout).toMatch(/lru\s+128\.00 MiB\s+113,872\s+93,374\s+82\.00 %\s+3\.92 GiB\s+96\.48 %/);
    const rows = text.stdout
      .split('\n')
      .filter((l) => /^(lru|fifo) /.test(l))
      .map((l) =>
        l
          .split(/\s{2,}/)
          .slice(0, 2)
          .join(' '),
      );
    expect(rows).toEqual(['lru 100 B', 'lru 128.00 MiB', 'lru 1.00 GiB', 'fifo 100 B', 'fifo 128.00 MiB', 'fifo 1.00 GiB']);
    const json = JSON.parse((await cli(...args, '--json')).stdout);
    expect(json.results.map((r: { policy: string; cacheSize: number; misses: number }) => [r.policy, r.cacheSize, r.misses])).toEqual([
      ['lru', 100, 113872],
      ['lru', 128 * 2 ** 20, 93374],
      ['lru', 2 ** 30, 71704],
      ['fifo', 100, 113872],
      ['fifo', 128 * 2 ** 20, 93403],
      ['fifo', 2 ** 30, 72140],
    ]);
    expect(json.results[1].missBytes).toBe(4214303232);
    expect(json.workingSet).toEqual({ objects: 48974, bytes: 2029769728 });
    expect(json.warnings).toHaveLength(1);
  });

  it('cache2k: --object-size takes a quantity; without it a byte size is refused, a count of objects is not', async () => {
    const trace = `${SHARED}traces/cache2k-web07.trace.gz`;
    const sized = JSON.parse((await cli('cachesim', '--trace', trace, '--format', 'cache2k', '--object-size', '4MiB', '--sizes', '1Gi', '--json')).stdout);
    expect(sized.unit).toBe('bytes');
    expect(sized.requestBytes).toBe(sized.requests * 4 * 2 ** 20);
    const bytes = await cli('cachesim', '--trace', trace, '--format', 'cache2k', '--sizes', '1000,1Gi');
    expect(bytes.code).toBe(2);
    expect(bytes.stderr).toBe(
      'ring-sim: error: --sizes: is a byte size, but this cache2k trace has no object sizes, so cache sizes are numbers of objects (got "1Gi"); give a number of objects (e.g. 1000), a fraction of the working set (0.1), or --object-size for a trace without sizes\n',
    );
  });

  it('counts objects with --ignore-obj-size, and reads libCacheSim -t options', async () => {
    const p = tempFile('t.csv', 'a,1,100\nb,2,100\na,3,100\nc,4,100\nb,5,100\n');
    const r = await cli(
      'cachesim',
      '--trace',
      p,
      '--format',
      'csv',
      '--trace-options',
      'obj-id-col=1, time-col=2, obj-size-col=3, has-header=false',
      '--sizes',
      '2',
      '--ignore-obj-size',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.unit).toBe('objects');
    expect(j.results[0]).toMatchObject({ cacheSize: 2, requests: 5, misses: 4 });
  });

  it('reports a trace without sizes in objects, not bytes (every request is one object)', async () => {
    const p = tempFile('keys.txt', 'a\nb\na\nc\nb\n');
    const text = await cli('cachesim', '--trace', p, '--format', 'txt', '--sizes', '2,0.5');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('5 requests, 5 objects requested');
    expect(text.stdout).toMatch(/working set: 3 objects\n/);
    expect(text.stdout).toMatch(/lru\s+2 objects\s+5\s+4\s+80\.00 %\s+4 objects/);
    expect(text.stdout).not.toMatch(/MiB| B\b/);
    const json = JSON.parse((await cli('cachesim', '--trace', p, '--format', 'txt', '--sizes', '2', '--json')).stdout);
    expect(json.unit).toBe('objects');
    // Metadata bytes make each object cost more than one unit: the sizes are bytes again.
    const meta = await cli('cachesim', '--trace', p, '--format', 'txt', '--sizes', '1000', '--metadata-bytes', '10');
    expect(meta.stdout).toMatch(/lru\s+1,000 B\s+5/);
  });

  it.each([
    [['cachesim', '--format', 'oracleGeneral', '--sizes', '1MiB'], /--trace/],
    [['cachesim', '--trace', 'x', '--format', 'parquet', '--sizes', '1MiB'], /unknown trace format/],
    [['cachesim', '--trace', 'x', '--format', 'txt', '--sizes', '12 parsecs'], /is not a size/],
    [['cachesim', '--trace', '/nonexistent', '--format', 'txt', '--sizes', '1MiB'], /cannot read the trace file/],
    [['cachesim', '--trace', 'x', '--format', 'txt', '--sizes', '1MiB', '--policy', 'arc'], /--policy must be one of/],
    [
      ['cachesim', '--trace', `${SHARED}traces/cloudPhysicsIO.oracleGeneral.bin`, '--format', 'csv', '--id-col', '1', '--sizes', '1Gi'],
      /oracleGeneral\.bin: is binary, not text \(byte 3 is 0x00\); pass the binary format/,
    ],
    [
      ['cachesim', '--trace', `${SHARED}traces/cloudPhysicsIO.oracleGeneral.bin`, '--format', 'txt', '--sizes', '1', '--ignore-obj-size'],
      /is binary, not text/,
    ],
    [
      ['cachesim', '--trace', 'x', '--format', 'txt', '--sizes', '1Ki', '--ignore-obj-size'],
      /--sizes: is a byte size, but with --ignore-obj-size every object counts as 1/,
    ],
  ])('bad input %j: exit 2 and one line', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });
});

describe('ring-sim capacity', () => {
  it('90Gi + 9Gi on a 100 GB AWS disk with ext4: exit 1 with the quota error and its fix', async () => {
    const r = await cli('capacity', '--size', '90Gi', '--reserved', '9Gi', '--disk', '100GB', '--provider', 'aws', '--fs', 'ext4');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/WILL NOT DEPLOY/);
    expect(r.stdout).toMatch(/ERROR --size: size \+ reservedSize = 99\.00 GiB exceeds/);
    expect(r.stdout).toMatch(/fix: set size to at most 83Gi with reservedSize 8Gi/);
  });

  it('the fix applied, 83Gi + 8Gi, fits with no error or warning: exit 0; JSON carries the plan', async () => {
    const r = await cli('capacity', '--size', '83Gi', '--reserved', '8Gi', '--disk', '100GB', '--provider', 'aws', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sizeBytes).toBe(83 * 2 ** 30);
    expect(j.pages).toBe(83 * 256); // 4 MiB pages: the Enterprise default
    expect(j.checks.filter((c: { severity: string }) => c.severity !== 'info')).toEqual([]);
  });

  it('bad quantities: the plan reports them as errors (exit 1), missing flags are bad input (exit 2)', async () => {
    const r = await cli('capacity', '--size', '100GB');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not a Kubernetes quantity/);
    expect((await cli('capacity')).code).toBe(2);
    expect((await cli('capacity', '--size', '1Gi', '--fs', 'zfs')).code).toBe(2);
  });

  it('text that is no size at all is bad input: one line naming the flag, exit 2', async () => {
    for (const [flag, value] of [
      ['--size', 'abc'],
      ['--size', '1 2'],
      ['--reserved', 'ten'],
    ] as const) {
      const args = flag === '--size' ? ['--size', value] : ['--size', '90Gi', flag, value];
      const r = await cli('capacity', ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${flag}: not a size (got "${value}")`);
    }
  });
});
