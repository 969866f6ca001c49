/**
 * A simulation split into shards by worker and merged gives the same result, byte for byte, as one run: every
 * event kind, static and dynamic rings, replicas, capacity weighting.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/sim/scenario.js';
import { mergeShards, simulate, simulateShard } from '../../src/sim/simulate.js';

const events = [
  { at: 300, action: 'add-workers', count: 2 },
  { at: 600, action: 'stop-worker', worker: 'worker-1' },
  { at: 900, action: 'set-capacity', worker: 'worker-2', size: '40Mi' },
  { at: 1200, action: 'start-worker', worker: 'worker-1' },
  { at: 1500, action: 'restart-worker', worker: 'worker-3', keepIdentity: false, keepPageStore: false },
  { at: 1800, action: 'remove-worker', worker: 'worker-3' },
  { at: 2100, action: 'scale-in', worker: 'worker-4' },
  { at: 5000, action: 'stop-worker', worker: 'worker-0' },
];

function scenario(ring: 'static' | 'dynamic', extra: Record<string, unknown> = {}) {
  return readScenario({
    name: 'shards',
    seed: 9,
    cluster: { workerGroups: [{ name: 'worker', count: 7, pagestore: { size: '64Mi', pageSize: '1MB', type: 'hostPath' }, identity: 'persisted' }] },
    placement: { algorithm: 'alluxio-consistent', vnodes: 100, ring, refreshDelay: 50 },
    workload: { type: 'zipf', files: 500, alpha: 0.8, fileSize: '3Mi', requests: 3000 },
    metrics: { window: 250 },
    events,
    ...extra,
  }, 'shards');
}

describe('simulateShard + mergeShards', () => {
  it.each([
    ['dynamic', {}],
    ['static', {}],
    ['static', { placement: { algorithm: 'alluxio-consistent', vnodes: 100, ring: 'static', replicas: 2 } }],
    ['dynamic', { placement: { algorithm: 'ring', vnodes: 50, ring: 'dynamic', weightByCapacity: true, refreshDelay: 0 } }],
  ] as const)('%s ring %j: 1, 2 and 3 shards give the result of one run', async (ring, extra) => {
    const s = scenario(ring, extra);
    const whole = JSON.stringify(await simulate(s));
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
