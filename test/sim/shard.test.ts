/**
 * A simulation split into shards by worker and merged gives the same result, byte for byte, as one run: every
 * event kind, static and dynamic rings, replicas, capacity weighting; with every shard routing its reads, or one
 * router handing routed reads to store shards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedReadQueue } from '../../src/sim/shared-read-queue.js';
import { bytesTraceSource } from '../../src/sim/trace/source.js';
import { readScenario } from '../../src/sim/scenario.js';
import { mergeShards, replay, simulateRouter, simulateShard, simulateStores } from '../../src/sim/simulate.js';

const events = [
  { at: 300, action: 'add-workers', count: 2 },
  { at: 600, action: 'stop-worker', worker: 'worker-1' },
  { at: 900, action: 'set-capacity', worker: 'worker-2', size: '40Mi' },
  { at: 1200, action: 'start-worker', worker: 'worker-1' },
  { at: 1500, action: 'restart-worker', worker: 'worker-3', keepIdentity: false, keepPageStore: false },
  { at: 1800, action: 'remove-worker', worker: 'worker-3' },
  { at: 2100, action: 'scale-in', worker: 'worker-4' },
  { at: 2999, action: 'stop-worker', worker: 'worker-0' },
];

function scenario(ring: 'static' | 'dynamic', extra: Record<string, unknown> = {}) {
  return readScenario(
    {
      name: 'shards',
      seed: 9,
      cluster: { workerGroups: [{ name: 'worker', count: 7, pagestore: { size: '64Mi', pageSize: '1MB', type: 'hostPath' }, identity: 'persisted' }] },
      placement: { algorithm: 'alluxio-consistent', vnodes: 100, ring, refreshDelay: 50 },
      workload: { type: 'zipf', files: 500, alpha: 0.8, fileSize: '3Mi', requests: 3000 },
      metrics: { window: 250 },
      events,
      ...extra,
    },
    'shards',
  );
}

describe('simulateShard + mergeShards', () => {
  it.each([
    ['dynamic', {}],
    ['static', {}],
    ['static', { placement: { algorithm: 'alluxio-consistent', vnodes: 100, ring: 'static', replicas: 2 } }],
    ['dynamic', { placement: { algorithm: 'ring', vnodes: 50, ring: 'dynamic', weightByCapacity: true, refreshDelay: 0 } }],
  ] as const)('%s ring %j: 1, 2 and 3 shards give the result of one run', async (ring, extra) => {
    const s = scenario(ring, extra);
    const whole = JSON.stringify(await replay(s));
    expect(JSON.parse(whole).events.length).toBe(events.length);
    for (const shards of [1, 2, 3]) {
      const parts = await Promise.all(Array.from({ length: shards }, (_, shard) => simulateShard(s, { shard, shards })));
      expect(JSON.stringify(mergeShards(s, parts.reverse()))).toBe(whole);
    }
  });

  it('refuses a shard outside 0 … N-1 and an incomplete set', async () => {
    const s = scenario('dynamic');
    await expect(simulateShard(s, { shard: 2, shards: 2 })).rejects.toThrow(/shard/);
    const one = await simulateShard(s, { shard: 1, shards: 2 });
    expect(() => mergeShards(s, [one])).toThrow(/each shard/);
  });
});

describe('simulateRouter + simulateStores (routed reads through a SharedReadQueue)', () => {
  // In one thread: the router publishes every batch first (the ring has a slot for each), then each store shard
  // replays them; threads only change when the work happens.
  async function routed(s: ReturnType<typeof scenario>, shards: number, sample?: number): Promise<string> {
    const ring = SharedReadQueue.create(shards, 8);
    const router = await simulateRouter(s, ring, { sample });
    const stores = [];
    for (let shard = 0; shard < shards; shard++) stores.push(await simulateStores(s, { shard, shards }, ring, { sample }));
    return JSON.stringify(mergeShards(s, [router, ...stores].reverse()));
  }

  it.each([
    ['dynamic', {}],
    ['static', { placement: { algorithm: 'alluxio-consistent', vnodes: 100, ring: 'static', replicas: 2 } }],
    ['dynamic', { placement: { algorithm: 'ring', vnodes: 50, ring: 'dynamic', weightByCapacity: true, refreshDelay: 0 } }],
  ] as const)('%s ring %j: 1, 2 and 3 store shards give the result of one run', async (ring, extra) => {
    const s = scenario(ring, extra);
    const whole = JSON.stringify(await replay(s));
    for (const shards of [1, 2, 3]) expect(await routed(s, shards)).toBe(whole);
  });

  it('property: any seed, refresh delay, window, sample and shard count merge to the one-thread result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 50, max: 900 }),
        fc.constantFrom(undefined, 0.5),
        fc.integer({ min: 1, max: 4 }),
        async (seed, refreshDelay, window, sample, shards) => {
          const timed = [...events, { atTime: 1.25, action: 'add-workers', count: 1 }];
          const s = scenario('dynamic', {
            seed,
            placement: { algorithm: 'alluxio-consistent', vnodes: 50, refreshDelay },
            metrics: { window },
            events: timed,
            requestsPerSecond: 1000,
          });
          expect(await routed(s, shards, sample)).toBe(JSON.stringify(await replay(s, { sample })));
        },
      ),
      { seed: 16, numRuns: 12 },
    );
  });

  it('a trace: the router ships each file (path, size) ahead of its reads, over several slots when long', async () => {
    const csv = Array.from(
      { length: 9000 },
      (_, i) => `${i},key-${(i * 7919) % 1300}-${'x'.repeat(((i * 7919) % 1300) % 40)},${1 + ((i * 31) % 5)}000000`,
    ).join('\n');
    const s = readScenario(
      {
        name: 'trace',
        seed: 4,
        cluster: { workerGroups: [{ name: 'w', count: 5, pagestore: { size: '300Mi' } }] },
        placement: { algorithm: 'alluxio-consistent', vnodes: 50, refreshDelay: 100 },
        workload: { type: 'trace', path: 'mem.csv', format: 'csv', csv: { timeCol: 1, idCol: 2, sizeCol: 3 } },
        metrics: { window: 700 },
        events: [
          { at: 2000, action: 'add-workers', count: 1 },
          { at: 5000, action: 'restart-worker', worker: 'w-1', keepIdentity: false, keepPageStore: false },
          { atTime: 7000, action: 'stop-worker', worker: 'w-2' },
        ],
      },
      'trace',
    );
    const openTrace = () => bytesTraceSource('mem.csv', new TextEncoder().encode(csv));
    const whole = JSON.stringify(await replay(s, { openTrace }));
    for (const shards of [1, 3]) {
      const ring = SharedReadQueue.create(shards, 64, 4096, 2000); // 2,000 bytes of paths a slot: a batch's new files take many slots
      const parts = [await simulateRouter(s, ring, { openTrace })];
      for (let shard = 0; shard < shards; shard++) parts.push(await simulateStores(s, { shard, shards }, ring));
      expect(JSON.stringify(mergeShards(s, parts))).toBe(whole);
    }
  });

  it('refuses a trace workload and a ring made for another shard count', async () => {
    const s = scenario('dynamic');
    await expect(simulateStores(s, { shard: 0, shards: 2 }, SharedReadQueue.create(3))).rejects.toThrow(/ring was made for 3/);
    const trace = readScenario(
      {
        name: 't',
        cluster: { workerGroups: [{ name: 'w', count: 2, pagestore: { size: '1Gi' } }] },
        workload: { type: 'trace', path: 'x.csv', format: 'csv' },
      },
      't',
    );
    await expect(simulateStores(trace, { shard: 0, shards: 1 }, SharedReadQueue.create(1))).rejects.toThrow(/workload.type/);
  });
});
