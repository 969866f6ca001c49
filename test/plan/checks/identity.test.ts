/** The identity checks (src/plan/checks/identity.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import { identityPersisted, identityReason, withRestartCost } from '../../../src/plan/checks/identity.js';
import type { Check } from '../../../src/core/check.js';
import { ids, MINIMAL, persisted, plan } from '../guide-manifests.js';

describe('identity persistence (guide E)', () => {
  it("identity: the guide's fix is useExternalId: false plus systemInfo.hostPath", () => {
    const c = plan(MINIMAL).checks.find((x) => x.id === 'identity-not-persisted')!;
    expect(c.fix).toMatch(/spec\.worker\.useExternalId: false.*systemInfo\.hostPath/);
    expect(c.fix).not.toMatch(/useExternalId: true/);
    expect(ids(plan(persisted(MINIMAL)))).not.toContain('identity-not-persisted');
    expect(plan(persisted(MINIMAL)).whatIf.find((w) => w.name === 'restart one worker')!.moved).toBe(0);
    expect(ids(plan(MINIMAL.replace('    count: 1\n', '    count: 1\n    useExternalId: true\n')), 'warning')).toContain('identity-external-id');
  });

  const unset = persisted(MINIMAL).replace('    useExternalId: false\n', '');
  it('systemInfo without useExternalId: a warning naming spec.worker.useExternalId, the assumption printed, the restart plans a new identity', () => {
    const r = plan(unset);
    const c = r.checks.find((x) => x.id === 'identity-external-id-unset')!;
    expect(c).toMatchObject({ severity: 'warning', field: 'spec.worker.useExternalId' });
    expect(c.message).toMatch(/not set beside systemInfo.*not count identities as persisted.*assumed/);
    expect(r.assumptions.filter((a) => a.startsWith('spec.worker.useExternalId not set: '))).toHaveLength(1);
    expect(r.whatIf.find((w) => w.name === 'restart one worker')!.description).toMatch(
      /^identity not persisted \(useExternalId not set: assumed not persisted\): /,
    );
  });

  it('the fix converges: writing what it names raises nothing on useExternalId or systemInfo, and the restart moves nothing', () => {
    for (const text of [unset, MINIMAL]) {
      const r = plan(text);
      const fixed = plan(persisted(MINIMAL));
      expect(r.checks.some((c) => /useExternalId|systemInfo/.test(c.field))).toBe(true);
      expect(fixed.checks.filter((c) => /useExternalId|systemInfo/.test(c.field))).toEqual([]);
      expect(fixed.assumptions.some((a) => a.includes('useExternalId'))).toBe(false);
      expect(fixed.whatIf.find((w) => w.name === 'restart one worker')!.description).toMatch(
        /^identity persisted \(useExternalId: false, systemInfo hostPath \/home\/alluxio\/system-info\)/,
      );
    }
  });
});

describe('identityPersisted and the restart cost', () => {
  const group = (useExternalId: boolean | undefined, systemInfoStore: string | undefined) =>
    ({ useExternalId, systemInfoStore }) as Parameters<typeof identityPersisted>[0];

  it("is the guide's way only: useExternalId: false written, and the identity file on a hostPath or claim", () => {
    expect(identityPersisted(group(false, '/home/alluxio/system-info'))).toBe(true);
    expect(identityPersisted(group(false, 'pvc'))).toBe(true);
    // useExternalId not written: its default is not established, so identities are not counted as persisted.
    expect(identityPersisted(group(undefined, 'pvc'))).toBe(false);
    expect(identityPersisted(group(undefined, '/home/alluxio/system-info'))).toBe(false);
    expect(identityPersisted(group(true, '/home/alluxio/system-info'))).toBe(false);
    expect(identityPersisted(group(false, undefined))).toBe(false);
  });

  it('says why, naming useExternalId when it is not set', () => {
    expect(identityReason(group(undefined, '/home/alluxio/system-info'))).toBe('useExternalId not set: assumed not persisted');
    expect(identityReason(group(undefined, undefined))).toBe('no systemInfo.hostPath, useExternalId not set');
    expect(identityReason(group(true, '/x'))).toBe('useExternalId: true');
    expect(identityReason(group(false, '/home/alluxio/system-info'))).toBe('useExternalId: false, systemInfo hostPath /home/alluxio/system-info');
  });

  it('adds what one restart moves to the identity checks only', () => {
    const checks: Check[] = [
      { id: 'identity-not-persisted', severity: 'warning', field: 'f', message: 'not persisted', fix: 'x' },
      { id: 'other', severity: 'info', field: 'g', message: 'other', fix: 'y' },
    ];
    const restart = {
      moved: 0.05,
      samePod: 0.2,
      unreachable: 0.05,
      flows: [
        { from: 'w0', to: 'w1', fraction: 0.05 },
        { from: 'w0', to: 'w0 (new identity)', fraction: 0.2, samePod: true },
      ],
    } as unknown as Parameters<typeof withRestartCost>[1];
    withRestartCost(checks, restart, 'static');
    expect(checks[0].message).toBe(
      'not persisted; in this static ring one restart moves 5.0 % of the keys to other pods (20.0 % stay on the pod under its new identity, not re-read) and leaves 5.0 % unreachable (what-if "restart one worker")',
    );
    expect(checks[1].message).toBe('other');
    const unchanged = [{ ...checks[1] }];
    withRestartCost(unchanged, undefined, 'dynamic');
    expect(unchanged[0].message).toBe('other');
  });
});
