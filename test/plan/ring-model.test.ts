import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan } from '../../src/plan/plan.js';
import { drawIdentities, planRing } from '../../src/plan/ring-model.js';
import { movement } from '../../src/ring/analysis/movement.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const load = (name: string) => parseManifest(readFileSync(`${examples}${name}`, 'utf8'), name);

describe('the plan ring model rebuilds the ring the plan reports', () => {
  for (const example of ['alluxio-cluster-gke.yaml', 'alluxio-cluster-heterogeneous.yaml']) {
    it(`${example}: same shares, and removing a worker moves exactly its share`, () => {
      const r = buildPlan(load(example));
      const m = r.ring.model;
      expect(m.workers.map((w) => w.id)).toEqual(r.ring.shares.map((s) => s.identity));
      const ring = planRing(m.workers, m.vnodes, m.weighted);
      const own = ring.ownership()!;
      r.ring.shares.forEach((s, i) => expect(own.byWorker[i] / own.total).toBe(s.share));
      const gone = m.workers[1].id;
      const mv = movement(ring, ring.withWorkers(m.workers.filter((w) => w.id !== gone)));
      expect(mv.moved).toBeCloseTo(r.ring.shares[1].share, 12);
    });
  }

  it("draws the identities the what-ifs use: the first new worker is the +1 worker what-if's", () => {
    const r = buildPlan(load('alluxio-cluster-gke.yaml'));
    const m = r.ring.model;
    const [extra, second] = drawIdentities(m.seed, 'add', 2);
    expect(extra).toMatch(/^worker-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(extra);
    const base = planRing(m.workers, m.vnodes, m.weighted);
    const mv = movement(base, planRing([...m.workers, { id: extra }], m.vnodes, m.weighted));
    expect(mv.moved).toBe(r.whatIf.find((w) => w.name === '+1 worker')!.moved);
  });
});
