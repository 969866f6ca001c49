import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBandwidth } from '../../src/core/bandwidth.js';
import { membershipPlacement, type Membership } from '../../src/membership/membership.js';
import { movement } from '../../src/ring/analysis/movement.js';
import { buildInspect } from '../../src/report/inspect.js';
import { renderInspectText } from '../../src/report/inspect-text.js';
import { renderInspectHtml } from '../../src/report/inspect-html.js';
import { Random } from '../../src/core/random.js';

function cluster(n: number, offline: number[], seed = 14): Membership {
  const r = new Random(seed);
  const members = Array.from({ length: n }, (_, i) => ({
    identity: `worker-${r.uuid()}`,
    address: `w${i}:29999`,
    state: offline.includes(i) ? ('OFFLINE' as const) : ('ONLINE' as const),
  })).sort((a, b) => (a.identity < b.identity ? -1 : 1));
  return { cluster: 'c', members, source: 'test', notes: [] };
}

const without = (m: Membership, id: string): Membership => ({ ...m, members: m.members.filter((w) => w.identity !== id) });

describe('buildInspect', () => {
  for (const vnodes of [5, 200]) {
    it(`what-ifs equal movement() on the same exact rings (${vnodes} vnodes)`, () => {
      const m = cluster(20, [2, 7, 13, 14, 15, 16]);
      const r = buildInspect(m, { vnodes, add: 3, seed: 5 });
      const dyn = membershipPlacement(m, 'dynamic', vnodes);
      const stat = membershipPlacement(m, 'static', vnodes);
      expect(r.counts).toEqual({ registered: 20, online: 14, offline: 6 });
      for (const w of r.whatIf) {
        if (w.kind === 'stop') {
          const mv = movement(
            dyn,
            membershipPlacement(
              { ...m, members: m.members.map((x) => (x.identity === w.identities[0] ? { ...x, state: 'OFFLINE' as const } : x)) },
              'dynamic',
              vnodes,
            ),
          );
          expect(w.dynamic!.moved).toBe(mv.moved);
          expect(w.dynamic!.optimal).toBeCloseTo(mv.optimal, 12);
          expect(w.static.moved).toBe(0);
        } else if (w.kind === 'remove-offline') {
          expect(w.static.moved).toBe(movement(stat, membershipPlacement(without(m, w.identities[0]), 'static', vnodes)).moved);
          expect(w.static.moved).toBe(r.workers.find((x) => x.identity === w.identities[0])!.staticShare);
          const rebuilt = membershipPlacement(without(m, w.identities[0]), 'static', vnodes);
          const own = rebuilt.ownership();
          const unreachable = rebuilt.workers.reduce(
            (sum, x, i) => sum + (m.members.find((y) => y.identity === x.id)!.state === 'OFFLINE' ? own.byWorker[i] / own.total : 0),
            0,
          );
          expect(w.static.unreachable).toBeCloseTo(unreachable, 12);
          expect(w.dynamic!.moved).toBe(0);
        } else if (w.kind === 'restart-new-identity') {
          const [old, fresh] = w.identities;
          const after: Membership = {
            ...m,
            members: [...m.members.map((x) => (x.identity === old ? { ...x, state: 'OFFLINE' as const } : x)), { identity: fresh, state: 'ONLINE' as const }],
          };
          // Keys passing from the old identity to the new one stay on the pod (hostPath assumed): samePod, not moved.
          for (const [e, mode, before] of [
            [w.dynamic!, 'dynamic', dyn],
            [w.static, 'static', stat],
          ] as const) {
            const afterRing = membershipPlacement(after, mode, vnodes);
            const onPod = movement(before, afterRing, { samePod: [[old, fresh]] });
            expect(e.moved).toBe(onPod.moved);
            expect(e.samePod).toBe(onPod.samePod);
            expect(e.moved + e.samePod).toBeCloseTo(movement(before, afterRing).moved, 12);
          }
          if (vnodes === 200) expect(w.dynamic!.samePod).toBeGreaterThan(0);
        } else if (w.kind === 'scale-in') {
          // The test's addresses carry no StatefulSet ordinal: the median of the ReplicaSet's choices, as its stop.
          const stop = r.whatIf.find((x) => x.kind === 'stop' && x.identities[0] === w.identities[0])!;
          expect(w.dynamic).toEqual(stop.dynamic);
        } else {
          const grown: Membership = { ...m, members: [...m.members, ...w.identities.map((identity) => ({ identity, state: 'ONLINE' as const }))] };
          expect(w.identities).toHaveLength(3);
          expect(w.dynamic!.moved).toBe(movement(dyn, membershipPlacement(grown, 'dynamic', vnodes)).moved);
          expect(w.static.moved).toBe(movement(stat, membershipPlacement(grown, 'static', vnodes)).moved);
          expect(w.model).toMatch(/drawn/);
        }
      }
      expect(r.whatIf.filter((w) => w.kind === 'stop')).toHaveLength(14);
      expect(r.whatIf.filter((w) => w.kind === 'remove-offline')).toHaveLength(6);
    });
  }

  it('shares are exact, sum to 1 on each ring, and the bloat is the OFFLINE static share', () => {
    const m = cluster(12, [0, 5]);
    const r = buildInspect(m);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(r.workers.map((w) => w.share))).toBeCloseTo(1, 12);
    expect(sum(r.workers.map((w) => w.staticShare))).toBeCloseTo(1, 12);
    expect(r.workers.filter((w) => w.state === 'OFFLINE').every((w) => w.share === 0)).toBe(true);
    expect(r.bloat).toEqual({ offline: 2, staticOfflineShare: sum(r.workers.filter((w) => w.state === 'OFFLINE').map((w) => w.staticShare)) });
  });

  it('cost: bytes = what the workers handing keys over cache (exact integers), time = bytes ÷ bandwidth; labelled model', () => {
    const m = cluster(8, [3]);
    const bw = parseBandwidth('10Gbps');
    const r = buildInspect(m, { datasetBytes: 20 * 2 ** 40, ufsBandwidth: bw });
    for (const w of r.whatIf) {
      // No page data given: uncapped, so the dynamic ring (ONLINE workers only) re-reads moved × data set; keys
      // leaving an OFFLINE identity of the static ring were not cached, so they re-read nothing.
      expect(w.dynamic!.rereadBytes).toBe(Math.round(w.dynamic!.moved * 20 * 2 ** 40));
      expect(w.static.rereadBytes).toBeLessThanOrEqual(Math.round(w.static.moved * 20 * 2 ** 40));
      if (w.kind === 'remove-offline') expect(w.static.rereadBytes).toBe(0);
      expect(Number.isInteger(w.static.rereadBytes)).toBe(true);
      expect(w.dynamic!.rereadSeconds).toBe(w.dynamic!.rereadBytes! / 1.25e9);
    }
    const text = renderInspectText(r);
    expect(text).toMatch(/model: bytes re-read = what the workers handing the moved keys over cache of them/);
    expect(text).toMatch(/Assumed: what-if bytes: no --manifest/);
    expect(text).toMatch(/1\.25 GB\/s \(10\.00 Gbit\/s\)/);
    expect(text).toMatch(/21,990,232,555,520 B \(20\.00 TiB, 21\.99 TB\)/);
    const html = renderInspectHtml(r, 'body{}');
    expect(html).toContain('<main id="inspect">');
    expect(html).toContain("default-src 'none'");
  });

  it('with the page data and type of --manifest: bytes capped by what a worker caches; emptyDir loses the same-pod keys', () => {
    const m = cluster(8, [3]);
    const dataset = 20 * 2 ** 40;
    const capped = buildInspect(m, { datasetBytes: dataset, cacheBytes: 2 ** 30, pagestoreType: 'hostPath' });
    for (const w of capped.whatIf) {
      expect(w.dynamic!.rereadBytes).toBeLessThanOrEqual(7 * 2 ** 30);
      if (w.dynamic!.moved > 0) expect(w.dynamic!.bytesBasis).toBe('cache');
    }
    const stop = capped.whatIf.find((w) => w.kind === 'stop')!;
    expect(stop.dynamic!.rereadBytes).toBe(2 ** 30); // a stopped worker hands over all it caches, no more
    const kept = capped.whatIf.find((w) => w.kind === 'restart-new-identity')!;
    const lost = buildInspect(m, { datasetBytes: dataset, cacheBytes: 2 ** 30, pagestoreType: 'emptyDir' }).whatIf.find(
      (w) => w.kind === 'restart-new-identity',
    )!;
    expect(lost.dynamic!.samePod).toBe(0);
    expect(lost.dynamic!.moved).toBeCloseTo(kept.dynamic!.moved + kept.dynamic!.samePod, 12);
    expect(lost.model).toMatch(/emptyDir page store comes back empty/);
    expect(capped.assumptions.join('\n')).toMatch(/caches at most 1\.00 GiB/);
    const one = buildInspect(m, { datasetBytes: dataset, cacheBytes: 2 ** 30, pagestoreType: 'emptyDir', worker: m.members[0].identity });
    const same = one.whatIf.find((w) => w.kind === 'restart-same-identity')!;
    expect(same.dynamic!.moved).toBeCloseTo(one.workers[0].share, 12);
    expect(same.dynamic!.rereadBytes).toBe(2 ** 30);
  });
});

describe('buildInspect: keys that stay on the pod, and what a stopped worker comes back to (issue 23)', () => {
  it("property: moved + samePod ≤ 1 and samePod ≤ the restarted worker's share; samePod = 0 wherever identities persist", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('hostPath', 'persistentVolumeClaim', 'emptyDir'),
        (online, offline, seed, type) => {
          const m = cluster(
            online + offline,
            Array.from({ length: offline }, (_, i) => online + i),
            seed,
          );
          const r = buildInspect(m, { vnodes: 20, seed, datasetBytes: 2 ** 40, cacheBytes: 2 ** 30, pagestoreType: type });
          for (const w of r.whatIf) {
            for (const e of [w.dynamic, w.static]) {
              if (!e) continue;
              expect(e.moved + e.samePod).toBeLessThanOrEqual(1 + 1e-12);
              expect(e.samePodBytes).toBeGreaterThanOrEqual(0);
              expect(e.samePodBytes).toBeLessThanOrEqual(2 ** 30);
              if (w.kind !== 'restart-new-identity' || type === 'emptyDir') {
                expect(e.samePod).toBe(0);
                expect(e.samePodBytes).toBe(0);
              }
            }
            if (w.kind === 'restart-new-identity') {
              const old = r.workers.find((x) => x.identity === w.identities[0])!;
              expect(w.dynamic!.samePod).toBeLessThanOrEqual(old.share + 1e-12);
              expect(w.static.samePod).toBeLessThanOrEqual(old.staticShare + 1e-12);
            }
          }
        },
      ),
      { seed: 23, numRuns: 60 },
    );
  });

  it('samePodBytes is what the restarted worker caches of its samePod keys, and null without --dataset', () => {
    const m = cluster(6, []);
    const r = buildInspect(m, { vnodes: 200, datasetBytes: 2 ** 40 });
    const w = r.whatIf.find((x) => x.kind === 'restart-new-identity')!;
    expect(w.dynamic!.samePod).toBeGreaterThan(0);
    expect(w.dynamic!.samePodBytes).toBe(Math.round(w.dynamic!.samePod * 2 ** 40));
    const bare = buildInspect(m, { vnodes: 200 }).whatIf.find((x) => x.kind === 'restart-new-identity')!;
    expect(bare.dynamic!.samePodBytes).toBeNull();
    expect(bare.dynamic!.samePod).toBe(w.dynamic!.samePod);
  });

  it("a stop's note follows the page-store type: hostPath and PVC stay warm, emptyDir comes back empty", () => {
    const m = cluster(4, [1]);
    const note = (pagestoreType?: string): string[] => [
      ...new Set(
        buildInspect(m, { pagestoreType })
          .whatIf.filter((w) => w.kind === 'stop')
          .map((w) => w.note!),
      ),
    ];
    expect(note()).toEqual([
      'back with its identity, a stopped worker gets its keys back and its hostPath page store (assumed: no --manifest) survives the pod restart: still warm, nothing more is re-read',
    ]);
    expect(note('persistentVolumeClaim')[0]).toMatch(/its persistentVolumeClaim page store \(from --manifest\) survives the pod restart: still warm/);
    expect(note('emptyDir')).toEqual([
      'back with its identity, a stopped worker gets its keys back but its emptyDir page store (from --manifest) comes back empty: all it cached is re-read once more',
    ]);
    const one = buildInspect(m, { pagestoreType: 'emptyDir', worker: m.members[0].identity });
    expect(one.whatIf.find((w) => w.kind === 'stop')!.note).toMatch(/comes back empty/);
    for (const w of one.whatIf.filter((x) => x.kind !== 'stop')) expect(w.note).toBeNull();
  });
});

describe('buildInspect: scale in by 1 worker in the general what-ifs (issue 27 item 4)', () => {
  const withAddresses = (m: Membership, address: (i: number) => string): Membership => ({
    ...m,
    members: m.members.map((w, i) => ({ ...w, address: address(i), host: address(i).split(':')[0] })),
  });

  it('StatefulSet pod names: the highest ordinal of the ONLINE workers leaves, figures as its stop', () => {
    const m = withAddresses(cluster(7, [6]), (i) => `alluxio-worker-${i}.alluxio-worker.ns.svc.cluster.local:29999`);
    const r = buildInspect(m, { vnodes: 50, datasetBytes: 2 ** 40 });
    const s = r.whatIf.find((w) => w.kind === 'scale-in')!;
    const online = m.members.map((w, i) => ({ w, i })).filter((x) => x.w.state === 'ONLINE');
    const highest = online[online.length - 1].w.identity; // the address ordinal is the member's index
    expect(s.identities).toEqual([highest]);
    expect(s.scaleIn).toMatchObject({ removes: 'statefulset-ordinals', leaving: 1, range: null });
    const stop = r.whatIf.find((w) => w.kind === 'stop' && w.identities[0] === highest)!;
    expect(s.dynamic).toEqual(stop.dynamic);
    expect(s.static).toEqual(stop.static);
  });

  it("pod IPs (a Deployment): best, median and worst over every choice, the same as plan's scale-in code; the row is the median's", () => {
    const m = withAddresses(cluster(9, [2]), (i) => `10.244.${i}.7:29999`);
    const r = buildInspect(m, { vnodes: 50, datasetBytes: 2 ** 40 });
    const s = r.whatIf.find((w) => w.kind === 'scale-in')!;
    const range = s.scaleIn!.range!;
    expect(s.scaleIn!.removes).toBe('replicaset');
    expect(range.choices).toBe(8);
    expect(range.measured).toBe(8);
    const stops = r.whatIf.filter((w) => w.kind === 'stop').map((w) => w.dynamic!.moved);
    const sorted = [...stops].sort((a, b) => a - b);
    expect(range.best.moved).toBe(sorted[0]);
    expect(range.median.moved).toBe(sorted[3]);
    expect(range.worst.moved).toBe(sorted[7]);
    expect(s.identities).toEqual(range.median.leaving);
    expect(s.dynamic!.moved).toBe(range.median.moved);
    expect(s.dynamic!.rereadBytes).toBe(range.median.rereadBytes);
    const text = renderInspectText(r);
    expect(text).toMatch(/^scale in by 1 worker: the median choice, worker-\S+ \(10\.244\.\d\.7\) /m);
    expect(text).toMatch(/^range over every choice \(8\), dynamic ring moved: best \d+\.\d\d % \(.*\): worker-\S+ \(10\.244\.\d\.7\); median .*; worst /m);
  });

  it('--worker keeps its own scale-in row; no ONLINE worker: no scale-in', () => {
    const m = cluster(4, []);
    const one = buildInspect(m, { worker: m.members[1].identity });
    expect(one.whatIf.filter((w) => w.kind === 'scale-in').map((w) => w.identities)).toEqual([[m.members[1].identity]]);
    expect(buildInspect(cluster(3, [0, 1, 2])).whatIf.some((w) => w.kind === 'scale-in')).toBe(false);
  });
});
