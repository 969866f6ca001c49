/**
 * `--shard I/N` parts and `mergeParts`: for random small scenarios (events that add, restart, stop and start
 * workers and resize page stores; static and dynamic rings; sampled or not; with or without a baseline) and any
 * N from 1 to 8, the parts (through their JSON, as files carry them) merge into the single run's result, byte for
 * byte; parts that do not belong together are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeParts, needsBaseline, scenarioDigest, simulationPart, type SimulationPart } from '../../src/sim/part.js';
import { baselineScenario } from '../../src/sim/baseline.js';
import { readScenario, type Scenario } from '../../src/sim/scenario.js';
import { simulate, simulateShard, simulateWithBaseline } from '../../src/sim/simulate.js';

interface Shape {
  seed: number;
  workers: number;
  added: number;
  ring: 'static' | 'dynamic';
  refreshDelay: number;
  window: number;
  keepIdentity: boolean;
  keepPageStore: boolean;
  resize: boolean;
}

function scenario(x: Shape): Scenario {
  const events: Record<string, unknown>[] = [
    { at: 150, action: 'add-workers', count: x.added },
    { at: 300, action: 'restart-worker', worker: 'worker-0', keepIdentity: x.keepIdentity, keepPageStore: x.keepPageStore },
    { at: 450, action: 'stop-worker', worker: 'worker-1' },
    { at: 700, action: 'start-worker', worker: 'worker-1' },
    { at: 900, action: 'restart-worker', worker: `worker-${x.workers}`, keepIdentity: false },
  ];
  if (x.resize) events.push({ at: 1000, action: 'set-capacity', worker: 'worker-1', size: '6Mi' });
  return readScenario(
    {
      name: 'random shards',
      seed: x.seed,
      cluster: { workerGroups: [{ name: 'worker', count: x.workers, pagestore: { size: '12Mi', pageSize: '1MB' } }] },
      placement: { algorithm: 'alluxio-consistent', vnodes: 40, ring: x.ring, refreshDelay: x.refreshDelay },
      workload: { type: 'zipf', files: 300, alpha: 0.9, fileSize: '2Mi', requests: 1200 },
      metrics: { window: x.window },
      events,
    },
    'random',
  );
}

/** A part as a file carries it: its JSON, parsed. */
const carried = (p: SimulationPart): SimulationPart => JSON.parse(JSON.stringify(p)) as SimulationPart;

async function parts(s: Scenario, shards: number, sample?: number, baseline = false): Promise<SimulationPart[]> {
  return Promise.all(
    Array.from({ length: shards }, async (_, shard) => {
      const run = [await simulateShard(s, { shard, shards }, { sample })];
      const base = needsBaseline(s, baseline) ? [await simulateShard(baselineScenario(s), { shard, shards }, { sample })] : null;
      return carried(simulationPart(s, shard, shards, '0.1.0', sample, run, base, baseline));
    }),
  );
}

describe('mergeParts', () => {
  it('property: random small scenarios and N in 1..8 merge to the single run, byte for byte', async () => {
    const shape = fc.record({
      seed: fc.integer({ min: 0, max: 10_000 }),
      workers: fc.integer({ min: 2, max: 6 }),
      added: fc.integer({ min: 1, max: 3 }),
      ring: fc.constantFrom('static' as const, 'dynamic' as const),
      refreshDelay: fc.integer({ min: 0, max: 200 }),
      window: fc.integer({ min: 100, max: 500 }),
      keepIdentity: fc.boolean(),
      keepPageStore: fc.boolean(),
      resize: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(shape, fc.integer({ min: 1, max: 8 }), fc.constantFrom(undefined, 0.5), fc.boolean(), async (x, shards, sample, baseline) => {
        const s = scenario(x);
        const one = baseline ? await simulateWithBaseline(s, { sample }) : await simulate(s, { sample });
        expect(one.events).toHaveLength(x.resize ? 6 : 5);
        const shuffled = (await parts(s, shards, sample, baseline)).reverse();
        expect(JSON.stringify(mergeParts(shuffled, '0.1.0'))).toBe(JSON.stringify(one));
      }),
      { seed: 31, numRuns: 25 },
    );
  }, 60_000);

  it('assigns worker i to shard i mod N, the workers events add included', async () => {
    const s = scenario({
      seed: 1,
      workers: 3,
      added: 2,
      ring: 'dynamic',
      refreshDelay: 0,
      window: 300,
      keepIdentity: true,
      keepPageStore: true,
      resize: false,
    });
    const held = (await parts(s, 2)).map((p) => p.run[0].final.info.filter((_, i) => p.run[0].final.hosts[i].owned).map((h) => h.name));
    expect(held).toEqual([
      ['worker-0', 'worker-2', 'worker-4'],
      ['worker-1', 'worker-3'],
    ]);
  });

  it('refuses parts of another scenario, trace bytes, version, shard count or sample, a doubled and a missing shard', async () => {
    const x: Shape = {
      seed: 2,
      workers: 3,
      added: 1,
      ring: 'dynamic',
      refreshDelay: 10,
      window: 300,
      keepIdentity: false,
      keepPageStore: false,
      resize: false,
    };
    const s = scenario(x);
    const [p0, p1] = await parts(s, 2);
    const names = ['a.json', 'b.json'];
    const [other] = await parts(scenario({ ...x, seed: 3 }), 2);
    expect(other.scenarioDigest).not.toBe(p0.scenarioDigest);
    expect(() => mergeParts([p0, { ...other, shard: 1 }], '0.1.0', names)).toThrow(/^b\.json: is a part of another scenario than a\.json/);
    expect(() => mergeParts([p0, { ...p1, ringSim: '0.0.9' }], '0.1.0', names)).toThrow(/^b\.json: was made by ring-sim 0\.0\.9, and this is ring-sim 0\.1\.0/);
    expect(() => mergeParts([p0, p1], '0.2.0', names)).toThrow(/^a\.json: was made by ring-sim 0\.1\.0, and this is ring-sim 0\.2\.0/);
    const digest = (c: string): string => `sha256:${c.repeat(64)}`;
    expect(() =>
      mergeParts(
        [
          { ...p0, traceDigest: digest('a') },
          { ...p1, traceDigest: digest('b') },
        ],
        '0.1.0',
        names,
      ),
    ).toThrow(new RegExp(`^b\\.json: was run over other trace bytes than a\\.json \\(${digest('a')}\\)`));
    expect(() => mergeParts([p0, { ...p1, shards: 3 }], '0.1.0', names)).toThrow(/is a shard of 3, and a\.json one of 2/);
    expect(() => mergeParts([p0, { ...p1, sample: 0.5 }], '0.1.0', names)).toThrow(/sampled at 0\.5/);
    expect(() => mergeParts([p0, { ...p1, baselineReported: true }], '0.1.0', names)).toThrow(/^b\.json: was run with --baseline, and a\.json without/);
    expect(() => mergeParts([p0, { ...p1, baseline: null }], '0.1.0', names)).toThrow(
      /^b\.json: has no baseline replay, which the events' recovery is measured against/,
    );
    expect(() => mergeParts([p1, p1], '0.1.0', ['b.json', 'c.json'])).toThrow(/^c\.json: shard 1\/2 is given twice \(b\.json, then c\.json\)/);
    expect(() => mergeParts([p1], '0.1.0', ['b.json'])).toThrow(/^parts: shard 0\/2 is missing \(got "1\/2"\)/);
    expect(() => mergeParts([], '0.1.0')).toThrow(/no part given/);
  });

  it('the digest is of the scenario as read: comments, key order and spelt-out sizes do not change it', () => {
    const base = {
      name: 'd',
      cluster: { workerGroups: [{ name: 'w', count: 2, pagestore: { size: '1Gi' } }] },
      workload: { type: 'uniform', files: 10, requests: 100 },
    };
    const same = {
      workload: { requests: 100, files: 10, type: 'uniform' },
      cluster: { workerGroups: [{ pagestore: { size: 2 ** 30 }, count: 2, name: 'w' }] },
      name: 'd',
    };
    expect(scenarioDigest(readScenario(same))).toBe(scenarioDigest(readScenario(base)));
    expect(scenarioDigest(readScenario({ ...base, seed: 5 }))).not.toBe(scenarioDigest(readScenario(base)));
    expect(scenarioDigest(readScenario(base))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
