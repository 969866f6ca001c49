import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { choose, leavingChoices, MAX_SCALE_IN_CHOICES, scaleInLeaving, scaleInRange, statefulSetOrdinal } from '../../src/plan/scale-in.js';
import { parseManifest } from '../../src/plan/manifest.js';
import { planAgainst } from '../../src/plan/against.js';
import { readMembership } from '../../src/membership/etcd-membership.js';
import { exportSource } from '../../src/membership/etcd-source.js';
import { parseEtcdJson } from '../../src/membership/etcd-json.js';

const manifest = (file: string, count?: number) => {
  const text = readFileSync(file, 'utf8');
  return parseManifest(count === undefined ? text : text.replace(/count: \d+/, `count: ${count}`), file);
};

describe('scale-in: which workers leave', () => {
  it('scaleInLeaving: the highest ordinals when every worker has one, else every choice (plan --against and inspect share it)', () => {
    const sts = [3, 11, 7].map((n) => ({
      identity: `w${n}`,
      state: 'ONLINE' as const,
      address: `alluxio-worker-${n}.alluxio-worker.ns.svc.cluster.local:29999`,
    }));
    expect(scaleInLeaving(sts, 2, 1)).toMatchObject({ removes: 'statefulset-ordinals', leaving: ['w11', 'w7'] });
    const ips = [1, 2, 3, 4].map((n) => ({ identity: `w${n}`, state: 'ONLINE' as const, address: `10.244.${n}.7:29999` }));
    const d = scaleInLeaving(ips, 2, 1);
    expect(d.removes).toBe('replicaset');
    if (d.removes === 'replicaset') expect([d.sets.length, d.total]).toEqual([6, 6]);
    expect(scaleInLeaving([...sts, ips[0]], 1, 1).removes).toBe('replicaset');
  });

  it('StatefulSet ordinals from a pod DNS name; none in a pod IP', () => {
    expect(statefulSetOrdinal({ identity: 'w', state: 'ONLINE', address: 'alluxio-worker-11.alluxio-worker.alluxio.svc.cluster.local:29999' })).toBe(11);
    expect(statefulSetOrdinal({ identity: 'w', state: 'ONLINE', address: '10.244.0.7:29999' })).toBe(-1);
    expect(statefulSetOrdinal({ identity: 'w', state: 'ONLINE', address: 'alluxio-cluster-worker-85fd45db46-c7n9p:29999' })).toBe(-1);
  });
  it('every choice when few, a seeded sample of distinct ones when many', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const few = leavingChoices(ids, 2, 1);
    expect([few.total, few.sets.length, new Set(few.sets.map((s) => s.join())).size]).toEqual([45, 45, 45]);
    const many = leavingChoices(
      Array.from({ length: 30 }, (_, i) => `w${i}`),
      5,
      1,
    );
    expect([many.total, many.sets.length, new Set(many.sets.map((s) => s.join())).size]).toEqual([choose(30, 5), MAX_SCALE_IN_CHOICES, MAX_SCALE_IN_CHOICES]);
    expect(
      leavingChoices(
        Array.from({ length: 30 }, (_, i) => `w${i}`),
        5,
        1,
      ),
    ).toEqual(many);
  });
  it('best, lower median and worst by moved share', () => {
    const r = scaleInRange(
      [0.3, 0.1, 0.2, 0.4].map((moved, i) => ({ leaving: [`w${i}`], moved, rereadBytes: null })),
      4,
    );
    expect([r.best.moved, r.median.moved, r.worst.moved, r.measured]).toEqual([0.1, 0.2, 0.4, 4]);
  });
});

describe('plan --against a scale-in', () => {
  it('drawn identities (no ordinal: a ReplicaSet picks): the range over all 45 choices; moved is the median; on a dynamic ring each choice moves exactly the leaving shares', () => {
    const before = manifest('examples/day2/alluxio-cluster.yaml');
    const r = planAgainst(manifest('examples/day2/alluxio-cluster.yaml', 8), before, { datasetBytes: 2 ** 40 });
    expect(r.scaleIn).toBeNull();
    const s = planAgainst(before, manifest('examples/day2/alluxio-cluster.yaml', 8), { datasetBytes: 2 ** 40 });
    expect(s.scaleIn?.removes).toBe('replicaset');
    const range = s.scaleIn!.range!;
    expect([range.choices, range.measured]).toEqual([45, 45]);
    expect(range.best.moved).toBeLessThanOrEqual(range.median.moved);
    expect(range.median.moved).toBeLessThanOrEqual(range.worst.moved);
    expect(s.ring.moved).toBe(range.median.moved);
    expect(range.worst.rereadBytes).toBe(Math.round(range.worst.moved * 2 ** 40));
    // Leaving a dynamic ring moves exactly what the leaving workers owned: the optimum.
    expect(s.ring.optimal).toBeCloseTo(s.ring.moved, 12);
  });
  it('the example export registers pod IPs, as a default install (a Deployment): the range over every choice', async () => {
    const m = await readMembership(
      exportSource('export', parseEtcdJson(readFileSync('examples/etcd-export.json', 'utf8'), 'export')),
      'alx-ns-alluxio-cluster',
    );
    const s = planAgainst(manifest('examples/day2/alluxio-cluster.yaml'), manifest('examples/day2/alluxio-cluster.yaml', 8), { membership: m });
    expect(s.scaleIn).toMatchObject({ removes: 'replicaset', leaving: 2, range: { choices: 45, measured: 45 } });
  });
});
