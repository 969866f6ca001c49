/** The model of a shard's pod: page-store metadata by page count, the shard holding the most, threads and overrides. */
import { describe, expect, it } from 'vitest';
import { pageStoreMetadataBytes, SHARD_MEMORY_MODEL, shardResources } from '../../src/sim/job-resources.js';
import { readScenario } from '../../src/sim/scenario.js';

const MiB = 2 ** 20;
const scenario = (extra: Record<string, unknown> = {}, requests = 10_000) =>
  readScenario({
    name: 'r',
    cluster: { workerGroups: [{ name: 'w', count: 5, pagestore: { size: '1Gi', pageSize: '1MB' } }] },
    placement: { algorithm: 'alluxio-consistent', vnodes: 100 },
    workload: { type: 'zipf', files: 1000, fileSize: '4Mi', requests },
    metrics: { window: 1000 },
    ...extra,
  });
const opts = { shards: 2, threadsMinReads: 1_000_000 };
const estimateMiB = (r: { memoryRequest: string }): number => Number(r.memoryRequest.replace('Mi', ''));

describe('shardResources', () => {
  it('page-store metadata: 32 B a slot and 8 B a key-index cell (a power of two, twice the slots)', () => {
    // 1 GiB in 1 MiB pages: 1025 slots, 4096 cells.
    expect(pageStoreMetadataBytes(2 ** 30, MiB)).toBe(1025 * 32 + 4096 * 8);
    expect(pageStoreMetadataBytes(64 * 2 ** 30, MiB)).toBe(65537 * 32 + 262144 * 8);
  });

  it('memory: Node, the ceil(W/N) largest workers, the catalog, the counters and the ring; limit 1.5x', () => {
    const r = shardResources(scenario(), opts);
    const m = SHARD_MEMORY_MODEL;
    const bytes = m.baseBytes + 3 * pageStoreMetadataBytes(2 ** 30, MiB) + 1000 * m.fileBytes + 10 * 5 * m.windowWorkerBytes + 100 * 5 * m.ringPointBytes;
    expect(r.memoryRequest).toBe(`${Math.ceil(bytes / MiB)}Mi`);
    expect(r.memoryLimit).toBe(`${Math.ceil(Math.ceil(bytes / MiB) * 1.5)}Mi`);
    expect(r.assumptions[0]).toMatch(/^memory per pod: request \d+Mi, limit \d+Mi \(1\.5x\) \(model/);
  });

  it('a set-capacity event makes that worker the largest; more shards hold fewer', () => {
    const grown = shardResources(scenario({ events: [{ at: 100, action: 'set-capacity', worker: 'w-4', size: '64Gi' }] }), { ...opts, shards: 5 });
    const flat = shardResources(scenario(), { ...opts, shards: 5 });
    expect(estimateMiB(grown) - estimateMiB(flat)).toBeGreaterThanOrEqual(3);
    const big = scenario({ cluster: { workerGroups: [{ name: 'w', count: 5, pagestore: { size: '64Gi', pageSize: '1MB' } }] } });
    expect(estimateMiB(shardResources(big, { ...opts, shards: 1 })) - estimateMiB(shardResources(big, { ...opts, shards: 5 }))).toBe(16);
  });

  it('cpu: one thread under the threshold, up to 4 (one a held worker) above; --cpu and --memory set them', () => {
    expect(shardResources(scenario(), opts)).toMatchObject({ cpu: '1', threads: 1 });
    expect(shardResources(scenario({}, 2_000_000), opts)).toMatchObject({ cpu: '3', threads: 3 });
    const set = shardResources(scenario(), { ...opts, cpuMillis: 2500, cpuText: '2500m', memoryBytes: 2 ** 31, memoryText: '2Gi' });
    expect(set).toMatchObject({ cpu: '2500m', threads: 2, memoryRequest: '2Gi', memoryLimit: '2Gi' });
  });
});
