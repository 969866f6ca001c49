import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan, type PlanReport } from '../../src/plan/plan.js';
import { flowMatrix, movedRanges, rebalance, ringArcs, type RebalanceInput } from '../../src/report/rebalance.js';
import type { Membership } from '../../src/membership/membership.js';
import { buildInspect, type InspectEffect, type InspectOptions } from '../../src/report/inspect.js';
import { inspectRebalance } from '../../src/report/inspect-html.js';
import { Random } from '../../src/core/random.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const text = (name: string): string => readFileSync(`${examples}${name}`, 'utf8');

function inputOf(r: PlanReport): RebalanceInput {
  return {
    model: r.ring.model,
    names: r.ring.shares.map((s) => s.worker),
    mode: r.ring.mode,
    capacityBytes: r.workers.map((w) => w.cacheBytes),
    pagestoreTypes: r.workers.map((w) => w.pagestoreType),
  };
}

/** The heterogeneous example with identities not persisted, so the plan has a restart what-if on a CAPACITY ring. */
function unpersisted(mode: 'true' | 'false'): PlanReport {
  const yaml = text('alluxio-cluster-heterogeneous.yaml')
    .replace(/useExternalId: true/g, 'useExternalId: false')
    .replace(/\n\s*systemInfo:\n\s*hostPath: \S+/g, '')
    .replace(/(alluxio\.user\.dynamic\.consistent\.hash\.ring\.enabled: )"false"/, `$1"${mode}"`);
  return buildPlan(parseManifest(yaml, 'h.yaml'));
}

describe("rebalance: the page's what-ifs agree with plan --json", () => {
  const cases: Array<[string, () => PlanReport]> = [
    ['GKE (dynamic, DEFAULT)', () => buildPlan(parseManifest(text('alluxio-cluster-gke.yaml').replace(/\n\s*systemInfo:\n\s*hostPath: \S+/, ''), 'gke.yaml'))],
    ['heterogeneous (static, CAPACITY), identities not persisted', () => unpersisted('false')],
    ['heterogeneous (dynamic, CAPACITY), identities not persisted', () => unpersisted('true')],
  ];
  for (const [name, plan] of cases) {
    it(`${name}: remove moves exactly the worker's share; add 1, restart and virtual nodes equal the plan's what-ifs`, () => {
      const r = plan();
      const input = inputOf(r);
      r.ring.shares.forEach((s, i) => {
        const x = rebalance(input, { kind: 'remove', worker: i });
        expect(x.moved).toBeCloseTo(s.share, 12);
        expect(x.unreachable).toBe(r.ring.mode === 'static' ? s.share : 0);
        const ranges = movedRanges(x.before, x.after);
        let sum = 0;
        for (let k = 0; k < ranges.length; k += 2) sum += ranges[k + 1] - ranges[k];
        expect(sum).toBeCloseTo(s.share, 9);
      });
      const whatIf = (n: string) => r.whatIf.find((w) => w.name.startsWith(n))!;
      expect(rebalance(input, { kind: 'add', count: 1 }).moved).toBe(whatIf('+1 worker').moved);
      const restart = rebalance(input, { kind: 'restart', worker: 0 });
      expect(restart.moved).toBe(whatIf('restart one worker').moved);
      expect(restart.unreachable).toBe(whatIf('restart one worker').unreachable);
      expect(restart.samePod).toBe(whatIf('restart one worker').samePod);
      expect(restart.samePod).toBeGreaterThan(0);
      expect(restart.optimal).toBe(whatIf('restart one worker').optimal);
      expect(restart.bytesMoved).toBe(whatIf('restart one worker').bytesMoved);
      if (restart.method === 'exact') {
        // The strip's moved ranges leave out what stays on the pod: they add up to the moved share.
        const rr = movedRanges(restart.before, restart.after, restart.samePodPairs);
        let sum = 0;
        for (let k = 0; k < rr.length; k += 2) sum += rr[k + 1] - rr[k];
        expect(sum).toBeCloseTo(restart.moved, 9);
      }
      expect(rebalance(input, { kind: 'vnodes', vnodes: 1000 }).moved).toBe(whatIf('virtual nodes').moved);
      expect(whatIf('virtual nodes').moved).toBeGreaterThan(0.2);
    });
  }

  it('a restart in a static ring leaves the old identity offline, owning what the new one did not take', () => {
    const r = unpersisted('false');
    const x = rebalance(inputOf(r), { kind: 'restart', worker: 2 });
    const old = x.workers.find((w) => w.state === 'offline')!;
    expect(old.name).toBe(r.ring.shares[2].worker);
    expect(x.unreachable).toBe(old.after);
    expect(old.after).toBeLessThan(old.before);
    expect(x.workers.filter((w) => w.state === 'new').map((w) => w.name)).toEqual([`${r.ring.shares[2].worker} (new identity)`]);
  });

  it('a restart with an emptyDir page store: the same-pod keys are moved too, as in the plan', () => {
    const yaml = text('alluxio-cluster-gke.yaml')
      .replace(/\n\s*systemInfo:\n\s*hostPath: \S+/, '')
      .replace(/(\n(\s*)pagestore:\n)/, '$1$2  type: emptyDir\n');
    const r = buildPlan(parseManifest(yaml, 'gke.yaml'));
    expect(r.workers.every((w) => w.pagestoreType === 'emptyDir')).toBe(true);
    const plan = r.whatIf.find((w) => w.name === 'restart one worker')!;
    const x = rebalance(inputOf(r), { kind: 'restart', worker: 0 });
    expect(x.samePod).toBe(0);
    expect(plan.samePod).toBe(0);
    expect(x.moved).toBe(plan.moved);
    expect(x.bytesMoved).toBe(plan.bytesMoved);
  });

  it('the provider switch changes the key hash: measured on sample keys', () => {
    const r = buildPlan(parseManifest(text('alluxio-cluster-gke.yaml'), 'gke.yaml'));
    const x = rebalance(inputOf(r), { kind: 'provider', weighted: true });
    expect(x.method).toBe('sample');
    expect(x.moved).toBeGreaterThan(0.7);
  });

  it('ringArcs covers the window in order, exactly when few points, binned when many', () => {
    const r = buildPlan(parseManifest(text('alluxio-cluster-gke.yaml'), 'gke.yaml'));
    const x = rebalance(inputOf(r), { kind: 'remove', worker: 0 });
    for (const [lo, hi, bins] of [
      [0, 1, 500],
      [0.25, 0.2501, 500],
      [0.999, 1, 50],
    ] as const) {
      const arcs = ringArcs(x.before, lo, hi, bins);
      expect(arcs[0]).toBe(lo);
      expect(arcs[arcs.length - 2]).toBeCloseTo(hi, 12);
      for (let i = 3; i < arcs.length; i += 3) expect(arcs[i]).toBe(arcs[i - 2]);
    }
  });

  it('flowMatrix folds the smaller rows and columns into "other", keeping the total', () => {
    const flows = Array.from({ length: 30 }, (_, i) => ({ from: `a${i % 10}`, to: `b${i % 12}`, fraction: (i + 1) / 1000 }));
    const m = flowMatrix(flows, 5);
    expect(m.from).toHaveLength(5);
    expect(m.from[4]).toBe('other');
    expect(m.to[4]).toBe('other');
    const total = m.cells.flat().reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(
      flows.reduce((s, f) => s + f.fraction, 0),
      12,
    );
  });
});

/** A running cluster: `n` drawn identities in etcd's order, the ones at `offline` OFFLINE, each with a host. */
function membership(n: number, offline: readonly number[]): Membership {
  const r = new Random(41);
  return {
    cluster: 'c',
    source: 'export.json',
    notes: [],
    members: Array.from({ length: n }, (_, i) => ({
      identity: `worker-${r.uuid()}`,
      host: `10.0.0.${i}`,
      address: `10.0.0.${i}:29999`,
      state: offline.includes(i) ? ('OFFLINE' as const) : ('ONLINE' as const),
    })),
  };
}

describe("rebalance on inspect's exact identities: the page's figures are inspect's", () => {
  const same = (x: ReturnType<typeof rebalance>, e: InspectEffect, withBytes: boolean): void => {
    expect([x.moved, x.unreachable, x.samePod, x.optimal]).toEqual([e.moved, e.unreachable, e.samePod, e.optimal]);
    if (withBytes) expect(x.bytesMoved).toBe(e.rereadBytes);
  };
  const settings: Array<[string, InspectOptions]> = [
    ['no --manifest, no --dataset', { vnodes: 40 }],
    [
      '--manifest page data and emptyDir, --dataset, --seed',
      { vnodes: 40, cacheBytes: 2 ** 30, pagestoreType: 'emptyDir', datasetBytes: 20 * 2 ** 40, seed: 5 },
    ],
  ];
  for (const [name, o] of settings) {
    it(`${name}: remove-worker, stop, restart without identity and add, in both rings`, () => {
      const m = membership(9, [0, 4]);
      const page = { seed: o.seed, cacheBytes: o.cacheBytes, pagestoreType: o.pagestoreType };
      const r = buildInspect(m, o);
      const bytes = o.datasetBytes !== undefined;
      for (const mode of ['dynamic', 'static'] as const) {
        const input = { ...inspectRebalance({ ...r, ring: mode }, page).input };
        const pick = (e: { dynamic: InspectEffect | null; static: InspectEffect }): InspectEffect => (mode === 'static' ? e.static : e.dynamic!);
        r.workers.forEach((w, i) => {
          const removed = rebalance(input, { kind: 'remove', worker: i });
          if (w.state === 'OFFLINE') same(removed, pick(r.whatIf.find((x) => x.kind === 'remove-offline' && x.identities[0] === w.identity)!), bytes);
          else {
            const stop = r.whatIf.find((x) => x.kind === 'stop' && x.identities[0] === w.identity)!;
            same(rebalance(input, { kind: 'stop', worker: i }), pick(stop), bytes);
            // An ONLINE identity removed moves exactly its share of that ring.
            expect(removed.moved).toBeCloseTo(mode === 'dynamic' ? w.share : w.staticShare, 12);
          }
        });
        same(rebalance(input, { kind: 'add', count: 1 }), pick(r.whatIf.find((x) => x.kind === 'add')!), bytes);
        const restart = r.whatIf.find((x) => x.kind === 'restart-new-identity')!;
        const busiest = r.workers.findIndex((w) => w.identity === restart.identities[0]);
        const x = rebalance(input, { kind: 'restart', worker: busiest });
        same(x, pick(restart), bytes);
        // The identities OFFLINE after it: the ones registered OFFLINE (static ring) and the old identity.
        expect(x.offlineIds).toEqual(mode === 'static' ? [m.members[0].identity, m.members[4].identity, restart.identities[0]] : []);
        expect(
          x.workers
            .filter((w) => w.state === 'offline')
            .map((w) => w.id)
            .sort(),
        ).toEqual([...x.offlineIds].sort());
      }
    });
  }
});
