/** The ring checks (src/plan/checks/ring.ts) through the plan of manifests written from the guide. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadChecks, SPREAD_FLAG_OVER_FAIR, SPREAD_WARN_OVER_FAIR } from '../../../src/plan/checks/ring.js';
import { ids, MINIMAL, persisted, plan } from '../guide-manifests.js';

describe('the ring (guide step 4)', () => {
  const hetero = persisted(MINIMAL)
    .replace('  worker:\n    count: 1\n', '  workerGroups:\n  - name: small\n    count: 2\n')
    .replace(
      /\n {2}etcd:/,
      '\n  - name: large\n    count: 2\n    useExternalId: false\n    systemInfo: {hostPath: /home/alluxio/system-info}\n    pagestore: {size: 360Gi, reservedSize: 36Gi}\n  etcd:',
    );
  it('heterogeneous workers on DEFAULT: set CAPACITY (model), never "set the virtual nodes to 2000" when they are 2000', () => {
    const r = plan(hetero);
    expect(r.workers.map((w) => w.sizeBytes / 2 ** 30)).toEqual([90, 90, 360, 360]);
    const c = r.checks.find((x) => x.id === 'heterogeneous-default-provider')!;
    expect(c.fix).toMatch(/CAPACITY/);
    expect(c.fix).toMatch(/model/);
    expect(r.checks.every((x) => !/to 2000/.test(x.fix))).toBe(true);
    // The fill rates come from this ring's shares (issue 23 item 7), never a fixed "about the same share".
    const fill = r.workers.map((w, i) => r.ring.shares[i].share / w.cacheBytes);
    const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
    const shares = r.ring.shares.map((x) => x.share);
    expect(c.message).toContain(`they get ${pct(Math.min(...shares))} to ${pct(Math.max(...shares))} of the keys`);
    expect(c.message).toContain(`fills ${(Math.max(...fill) / Math.min(...fill)).toFixed(2)}× sooner`);
    const cap = hetero.replace(
      '    alluxio.license: LICENSE-STRING\n',
      '    alluxio.license: LICENSE-STRING\n    alluxio.user.worker.selection.policy.consistent.hash.provider.impl: CAPACITY\n',
    );
    expect(ids(plan(cap))).not.toContain('heterogeneous-default-provider');
  });
  it('the ring-change check quotes the exact fraction of the virtual-node what-if', () => {
    const r = plan(MINIMAL.replace('count: 1', 'count: 4'));
    const w = r.whatIf.find((x) => x.name.startsWith('virtual nodes'))!;
    const c = r.checks.find((x) => x.id === 'ring-change-destructive')!;
    expect(c.message).toContain(`moves ${(w.moved * 100).toFixed(2)} % of the keys`);
    expect(c.message).not.toMatch(/remap all/);
  });
});

describe('the spread check follows its figures (issue 23 item 7)', () => {
  const context = { settings: { vnodeProp: undefined, vnodes: 50 }, edition: 'enterprise', planned: [1, 2, 3, 4] } as unknown as Parameters<
    typeof spreadChecks
  >[0];
  const balance = (spreadMaxes: number[]) => ({ spreadMaxes, draws: spreadMaxes.length }) as unknown as Parameters<typeof spreadChecks>[1];
  it('raised exactly when the worst draw is over SPREAD_FLAG_OVER_FAIR, a warning exactly when the best is over SPREAD_WARN_OVER_FAIR, quoting both', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: 1, maxLength: 10 }), (draws) => {
        const maxes = [...draws].sort((a, b) => a - b);
        const out = spreadChecks(context, balance(maxes));
        const worst = maxes[maxes.length - 1];
        expect(out.length).toBe(worst > SPREAD_FLAG_OVER_FAIR ? 1 : 0);
        if (!out.length) return;
        expect(out[0].severity).toBe(maxes[0] > SPREAD_WARN_OVER_FAIR ? 'warning' : 'info');
        expect(out[0].message).toContain(`up to ${worst.toFixed(2)}×`);
        expect(out[0].message).toContain(`best ${maxes[0].toFixed(2)}×`);
        expect(out[0].message).toContain(`over the ${SPREAD_FLAG_OVER_FAIR.toFixed(2)}× ring-sim flags`);
        expect(out[0].fix).toContain(`stddev/mean about ${(100 / Math.sqrt(2000)).toFixed(2)} %`);
      }),
      { seed: 26, numRuns: 300 },
    );
  });
});
