/**
 * A two-disk AlluxioCluster through the built CLI: one page-store directory a pagestore.size entry, in text and
 * --json; mismatched hostPath entries are an ERROR (exit 1); an empty entry is bad input (exit 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';

const GiB = 2 ** 30;
const EXAMPLE = new URL('../../examples/alluxio-cluster-two-disks.yaml', import.meta.url).pathname;
const ARGS = ['--disk', '100GB', '--provider', 'aws', '--nodes', '4'];

interface Json {
  verdict: { deployable: boolean };
  workers: Array<{
    sizeBytes: number;
    cacheBytes: number;
    pages: number;
    headroomBytes: number;
    dirs: Array<{ index: number; hostPath: string; sizeBytes: number; reservedBytes: number; pages: number; headroomBytes: number }>;
  }>;
  checks: Array<{ id: string; severity: string; field: string; message: string }>;
}

describe('plan: examples/alluxio-cluster-two-disks.yaml (built CLI)', () => {
  it('plans two directories a worker, each on its own disk, and sums them', () => {
    const r = builtCli(['plan', EXAMPLE, ...ARGS, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.verdict.deployable).toBe(true);
    expect(j.workers).toHaveLength(4);
    const w = j.workers[0];
    expect(w.dirs.map((d) => [d.index, d.hostPath, d.sizeBytes, d.reservedBytes, d.pages])).toEqual([
      [0, '/mnt/disks/nvme0/alluxio', 80 * GiB, 8 * GiB, 20480],
      [1, '/mnt/disks/nvme1/alluxio', 80 * GiB, 8 * GiB, 20480],
    ]);
    expect([w.sizeBytes, w.cacheBytes, w.pages, w.headroomBytes]).toEqual([160 * GiB, 160 * GiB, 40960, w.dirs[0].headroomBytes + w.dirs[1].headroomBytes]);
    const text = builtCli(['plan', EXAMPLE, ...ARGS]).stdout;
    expect(text).toContain('VERDICT: DEPLOYABLE: 4 workers, 640.00 GiB of cache');
    expect(text).toMatch(/\n {2}pagestore-0 \/mnt\/disks\/nvme0\/alluxio +80\.00 GiB +8\.00 GiB +80\.00 GiB +20,480 × 4\.00 MiB +92\.86 GiB +4\.86 GiB\n/);
  });

  it('hostPath entries that do not match the size entries: an ERROR, exit 1', () => {
    const m = tempFile(
      'two-sizes-one-path.yaml',
      readFileSync(EXAMPLE, 'utf8').replace('/mnt/disks/nvme0/alluxio,/mnt/disks/nvme1/alluxio', '/mnt/disks/nvme0/alluxio'),
    );
    const r = builtCli(['plan', m, ...ARGS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'ERROR   spec.worker.pagestore.hostPath: spec.worker.pagestore.size lists 2 entries (80Gi,80Gi) but spec.worker.pagestore.hostPath lists 1 entry',
    );
  });

  it('an empty size entry is bad input: one line, exit 2', () => {
    const m = tempFile('empty-entry.yaml', readFileSync(EXAMPLE, 'utf8').replace('size: 80Gi,80Gi', 'size: 80Gi,'));
    const r = builtCli(['plan', m]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('spec.worker.pagestore.size: entry 2 of 2 is empty');
  });

  it('a reservedSize larger than one entry is bad input, naming the entry', () => {
    const m = tempFile('reserved-too-large.yaml', readFileSync(EXAMPLE, 'utf8').replace('size: 80Gi,80Gi', 'size: 80Gi,4Gi'));
    const r = builtCli(['plan', m]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('spec.worker.pagestore.reservedSize: is larger than the size entry 4Gi (one reservedSize applies to each directory)');
  });
});
