import { describe, expect, it } from 'vitest';
import type { PlanWorker } from '../../src/plan/model.js';
import { PlanRingBuilder, ringBalance } from '../../src/plan/ring-balance.js';
import type { RingSettings } from '../../src/plan/settings.js';

const GiB = 2 ** 30;
const settings = (provider: string, vnodes: number): RingSettings => ({
  policy: 'CONSISTENT',
  vnodes,
  vnodeProp: undefined,
  mode: 'dynamic',
  provider,
  pageSizeBytes: 1_048_576n,
  pageSizeSet: false,
});
const worker = (i: number, cacheGiB: number): PlanWorker => ({
  name: `worker-${i}`,
  group: 'g',
  sizeBytes: cacheGiB * GiB,
  reservedBytes: 0,
  cacheBytes: cacheGiB * GiB,
  pages: cacheGiB * 1024,
  pageSizeBytes: 1_048_576,
  usableDiskBytes: null,
  headroomBytes: null,
  pagestoreType: 'hostPath',
});
const names = (ws: PlanWorker[]): string[] => ws.map((w) => w.name);

describe('PlanRingBuilder', () => {
  const ws = [worker(0, 100), worker(1, 100), worker(2, 400)];

  it('draws seeded identities: the same every run, another set each draw and seed', () => {
    const b = new PlanRingBuilder(settings('DEFAULT', 50), ws, 7);
    const first = b.identities(0);
    expect(first).toHaveLength(3);
    for (const id of first) expect(id).toMatch(/^worker-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new PlanRingBuilder(settings('DEFAULT', 50), ws, 7).identities(0)).toEqual(first);
    expect(b.identities(1)).not.toEqual(first);
    expect(new PlanRingBuilder(settings('DEFAULT', 50), ws, 8).identities(0)).not.toEqual(first);
  });

  it('weights workers by capacity (over the mean) only for the CAPACITY provider', () => {
    const def = new PlanRingBuilder(settings('DEFAULT', 50), ws, 1);
    expect(def.weighted).toBe(false);
    expect(def.ringWorkers(['a', 'b', 'c'])).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const cap = new PlanRingBuilder(settings('CAPACITY', 50), ws, 1);
    expect(cap.weighted).toBe(true);
    expect(cap.ringWorkers(['a', 'b', 'c'])).toEqual([
      { id: 'a', weight: 0.5 },
      { id: 'b', weight: 0.5 },
      { id: 'c', weight: 2 },
    ]);
    expect(cap.extraWorker('x', 2)).toEqual({ id: 'x', weight: 2 });
    expect(cap.model(['a', 'b', 'c'])).toEqual({ weighted: true, vnodes: 50, seed: 1, workers: cap.ringWorkers(['a', 'b', 'c']) });
  });
});

describe('ringBalance', () => {
  it('gives shares that sum to 1, the busiest worker, and the spread over the draws', () => {
    const ws = Array.from({ length: 8 }, (_, i) => worker(i, 100));
    const r = ringBalance(new PlanRingBuilder(settings('DEFAULT', 20), ws, 3), names(ws));
    expect(r.draws).toBe(10);
    expect(r.shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
    expect(r.shares.map((s) => s.worker)).toEqual(names(ws));
    for (const s of r.shares) {
      expect(s.fairShare).toBe(1 / 8);
      expect(s.bandLow).toBeLessThan(s.fairShare);
      expect(s.bandHigh).toBeGreaterThan(s.fairShare);
    }
    expect(r.overFair[r.busiest]).toBe(Math.max(...r.overFair));
    expect(r.maxes).toHaveLength(10);
    expect([...r.maxes].sort((x, y) => x - y)).toEqual(r.maxes);
    expect(r.maxes).toContain(Math.max(...r.overFair));
    expect(r.spreadMaxes).toEqual(r.maxes); // equal workers: the fair share is the points' share
  });

  it('draws fewer identity sets as the ring grows, never none', () => {
    const ws = Array.from({ length: 20 }, (_, i) => worker(i, 1));
    expect(ringBalance(new PlanRingBuilder(settings('DEFAULT', 50_000), ws, 1), names(ws)).draws).toBe(3);
  });

  it('with CAPACITY, a worker four times larger gets about four times the keys', () => {
    const ws = [worker(0, 100), worker(1, 100), worker(2, 100), worker(3, 400)];
    const r = ringBalance(new PlanRingBuilder(settings('CAPACITY', 2000), ws, 5), names(ws));
    expect(r.shares[3].fairShare).toBeCloseTo(4 / 7, 12);
    expect(r.shares[3].share / r.shares[0].share).toBeGreaterThan(3.5);
    expect(r.shares[3].share / r.shares[0].share).toBeLessThan(4.5);
  });
});
