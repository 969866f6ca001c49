/**
 * Each event's `bytesUnreachable` is the cached bytes that event made unreachable: pages clients reached before it
 * and cannot after. Pages an earlier event left unreachable are not counted again, so no event counts more than one
 * copy of each file (at most the data set), and like events report like figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/sim/scenario.js';
import { simulate } from '../../src/sim/simulate.js';

const MiB = 2 ** 20;
const FILES = 300;
const FILE_SIZE = 2 * MiB;

function scenario(events: unknown[], ring: 'static' | 'dynamic', replicas: number, seed: number) {
  return readScenario(
    {
      name: 'unreachable',
      seed,
      cluster: { workerGroups: [{ name: 'worker', count: 5, pagestore: { size: '400Mi', pageSize: '1MB', type: 'hostPath' }, identity: 'ephemeral' }] },
      placement: { algorithm: 'alluxio-consistent', vnodes: 100, ring, replicas, refreshDelay: 20 },
      workload: { type: 'zipf', files: FILES, alpha: 0.6, fileSize: '2Mi', requests: 4000 },
      metrics: { window: 200 },
      events,
    },
    'unreachable',
  );
}

const worker = fc.integer({ min: 0, max: 4 }).map((i) => `worker-${i}`);
const event = fc.oneof(
  worker.map((w) => ({ action: 'restart-worker', worker: w })),
  worker.map((w) => ({ action: 'restart-worker', worker: w, keepPageStore: false })),
  worker.map((w) => ({ action: 'restart-worker', worker: w, keepIdentity: true })),
  fc.constant({ action: 'add-workers', count: 1 }),
  worker.map((w) => ({ action: 'set-capacity', worker: w, size: '100Mi' })),
);

describe('events[i].bytesUnreachable', () => {
  it('property: each event counts at most the data set, what is cached, and (keeping its page stores) what it moved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('static', 'dynamic'),
        fc.constantFrom(1, 2),
        fc.integer({ min: 0, max: 99 }),
        async (evs, ring, replicas, seed) => {
          const timeline = evs.map((e, i) => ({ ...e, at: 1000 + 400 * i }));
          const r = await simulate(scenario(timeline, ring, replicas, seed));
          for (const e of r.events) {
            expect(e.bytesUnreachable).toBeLessThanOrEqual(FILES * FILE_SIZE);
            expect(e.bytesUnreachable).toBeLessThanOrEqual(r.totals.capacityBytes + 4 * 400 * MiB);
            expect(e.bytesUnreachable).toBeGreaterThanOrEqual(0);
            // No page store lost, one worker a file: only the pages of files this event moved can become unreachable.
            const keepsStores = !/page store lost/.test(e.detail) && e.action !== 'set-capacity';
            if (ring === 'dynamic' && replicas === 1 && keepsStores) expect(e.bytesUnreachable).toBeLessThanOrEqual(e.bytesMoved);
          }
        },
      ),
      { seed: 29, numRuns: 15 },
    );
  });

  it("two restarts at once: the second counts its own pages, not the first one's again", async () => {
    const pair = await simulate(
      scenario(
        [
          { at: 2000, action: 'restart-worker', worker: 'worker-0' },
          { at: 2000, action: 'restart-worker', worker: 'worker-1' },
        ],
        'dynamic',
        1,
        3,
      ),
    );
    const alone = await simulate(scenario([{ at: 2000, action: 'restart-worker', worker: 'worker-1' }], 'dynamic', 1, 3));
    const [a, b] = pair.events.map((e) => e.bytesUnreachable);
    const x = alone.events[0].bytesUnreachable;
    expect(a).toBeGreaterThan(0);
    expect(x).toBeGreaterThan(0);
    // Its own pages (about x; ownership moved a little with the first restart), not a running total a + x.
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(a + x / 2);
  });

  it('a restart that keeps identity and page store makes nothing unreachable', async () => {
    const r = await simulate(
      scenario(
        [
          { at: 1000, action: 'restart-worker', worker: 'worker-0' },
          { at: 1000, action: 'restart-worker', worker: 'worker-1', keepIdentity: true, keepPageStore: true },
        ],
        'dynamic',
        1,
        3,
      ),
    );
    expect(r.events[0].bytesUnreachable).toBeGreaterThan(0);
    expect(r.events[1].bytesUnreachable).toBe(0);
  });
});
