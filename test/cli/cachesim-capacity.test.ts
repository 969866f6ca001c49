import { describe, expect, it } from 'vitest';
import { SHARED } from '../shared.js';
import { cli, tempFile } from './helpers.js';

describe('ring-sim cachesim', () => {
  it('prints libCacheSim LRU numbers for cloudPhysicsIO, as text and JSON', async () => {
    const args = ['cachesim', '--trace', `${SHARED}traces/cloudPhysicsIO.oracleGeneral.bin`, '--format', 'oracleGeneral', '--policy', 'lru', '--sizes', '128MiB,1GiB'];
    const text = await cli(...args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/lru\s+128\.00 MiB\s+113,872\s+93,374\s+0\.8200\s+4,214,303,232 B/);
    expect(text.stdout).toMatch(/lru\s+1\.00 GiB\s+113,872\s+71,704/);
    const json = JSON.parse((await cli(...args, '--json')).stdout);
    expect(json.results.map((r: { misses: number }) => r.misses)).toEqual([93374, 71704]);
  });

  it('counts objects with --ignore-obj-size, and reads libCacheSim -t options', async () => {
    const p = tempFile('t.csv', 'a,1,100\nb,2,100\na,3,100\nc,4,100\nb,5,100\n');
    const r = await cli('cachesim', '--trace', p, '--format', 'csv', '--trace-options', 'obj-id-col=1, time-col=2, obj-size-col=3, has-header=false', '--sizes', '2', '--ignore-obj-size', '--json');
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
    expect(text.stdout).toMatch(/lru\s+2 objects\s+5\s+4\s+0\.8000\s+4 objects/);
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
    expect(r.stdout).toMatch(/fix: set size to at most 84Gi with reservedSize 8Gi/);
  });

  it('84Gi + 8Gi fits: exit 0; JSON carries the plan', async () => {
    const r = await cli('capacity', '--size', '84Gi', '--reserved', '8Gi', '--disk', '100GB', '--provider', 'aws', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sizeBytes).toBe(84 * 2 ** 30);
    expect(j.pages).toBe(84 * 1024);
    expect(j.checks.every((c: { severity: string }) => c.severity !== 'error')).toBe(true);
  });

  it('bad quantities: the plan reports them as errors (exit 1), missing flags are bad input (exit 2)', async () => {
    const r = await cli('capacity', '--size', '100GB');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not a Kubernetes quantity/);
    expect((await cli('capacity')).code).toBe(2);
    expect((await cli('capacity', '--size', '1Gi', '--fs', 'zfs')).code).toBe(2);
  });

  it('text that is no size at all is bad input: one line naming the flag, exit 2', async () => {
    for (const [flag, value] of [['--size', 'abc'], ['--size', '1 2'], ['--reserved', 'ten']] as const) {
      const args = flag === '--size' ? ['--size', value] : ['--size', '90Gi', flag, value];
      const r = await cli('capacity', ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${flag}: not a size (got "${value}")`);
    }
  });
});
