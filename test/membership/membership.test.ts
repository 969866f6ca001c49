import { describe, expect, it } from 'vitest';
import { membershipPlacement, requireRingWorkers, ringMembers, ringWorkers, type Membership } from '../../src/membership/membership.js';

const membership = (states: Array<'ONLINE' | 'OFFLINE'>): Membership => ({
  cluster: 'c',
  source: 'dump.json',
  notes: [],
  members: states.map((state, i) => ({ identity: `worker-${i}`, state })),
});

describe('the ring over a membership', () => {
  it('a dynamic ring holds the ONLINE members, a static one every registered member', () => {
    const m = membership(['ONLINE', 'OFFLINE', 'ONLINE']);
    expect(ringMembers(m, 'dynamic').map((w) => w.identity)).toEqual(['worker-0', 'worker-2']);
    expect(ringMembers(m, 'static')).toHaveLength(3);
    expect(ringWorkers(m, 'static')).toEqual([{ id: 'worker-0' }, { id: 'worker-1' }, { id: 'worker-2' }]);
  });

  it('refuses an empty ring, naming --ring and the way out', () => {
    expect(() => requireRingWorkers(membership(['OFFLINE']), 'dynamic')).toThrow(
      /^--ring: cluster "c" has no ONLINE worker in dump\.json \(got "dynamic"\); use --ring static/,
    );
    expect(() => requireRingWorkers(membership([]), 'static')).toThrow(/has no registered worker in dump\.json .*check --cluster/);
    expect(requireRingWorkers(membership(['OFFLINE']), 'static')).toEqual([{ id: 'worker-0' }]);
  });

  it('places on the members of the ring only', () => {
    const p = membershipPlacement(membership(['ONLINE', 'OFFLINE', 'ONLINE']), 'dynamic');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(p.locate(`s3://bucket/file-${i}`)[0]);
    expect([...seen].sort()).toEqual(['worker-0', 'worker-2']);
  });
});
