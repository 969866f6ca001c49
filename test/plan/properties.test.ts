import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ids, MINIMAL, plan } from './guide-manifests.js';
import {
  DYNAMIC_PROP,
  ETCD_ENDPOINTS_PROP,
  PAGE_SIZE_PROP,
  POLICIES,
  POLICY_PROP,
  PROVIDER_PROP,
  propertyChecks,
  propertyValid,
  VNODE_PROPS,
} from '../../src/plan/properties.js';

describe('propertyValid', () => {
  it('accepts the values Alluxio accepts for the properties ring-sim knows', () => {
    expect(propertyValid(POLICY_PROP, ' consistent ')).toBe(true);
    expect(propertyValid(PROVIDER_PROP, 'CAPACITY')).toBe(true);
    expect(propertyValid(DYNAMIC_PROP, 'FALSE')).toBe(true);
    expect(propertyValid(VNODE_PROPS[0], '2000')).toBe(true);
    expect(propertyValid(PAGE_SIZE_PROP, '4MB')).toBe(true);
    expect(propertyValid(ETCD_ENDPOINTS_PROP, 'http://a:2379, https://b/')).toBe(true);
  });

  it('refuses the others', () => {
    expect(propertyValid(POLICY_PROP, 'CONSISTANT')).toBe(false);
    expect(propertyValid(PROVIDER_PROP, 'CAPACTY')).toBe(false);
    expect(propertyValid(DYNAMIC_PROP, 'flase')).toBe(false);
    expect(propertyValid(VNODE_PROPS[1], '0')).toBe(false);
    expect(propertyValid(VNODE_PROPS[1], '1e3')).toBe(false);
    expect(propertyValid(PAGE_SIZE_PROP, '0MB')).toBe(false);
    expect(propertyValid(PAGE_SIZE_PROP, '1 MB')).toBe(false);
    expect(propertyValid(ETCD_ENDPOINTS_PROP, 'etcd:2379')).toBe(false);
  });

  it('reads any alluxio.*.enabled property as a boolean, and never rejects an unknown property', () => {
    expect(propertyValid('alluxio.worker.foo.enabled', 'yes')).toBe(false);
    expect(propertyValid('alluxio.worker.foo.enabled', 'true')).toBe(true);
    expect(propertyValid('alluxio.some.future.property', 'anything at all')).toBe(true);
  });

  it('accepts every policy in any case and spacing, and nothing else of letters (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICIES), fc.boolean(), fc.stringMatching(/^[A-Z_]{1,12}$/), (policy, lower, other) => {
        expect(propertyValid(POLICY_PROP, ` ${lower ? policy.toLowerCase() : policy} `)).toBe(true);
        expect(propertyValid(POLICY_PROP, other)).toBe((POLICIES as readonly string[]).includes(other));
      }),
      { seed: 19, numRuns: 200 },
    );
  });
});

describe('propertyChecks', () => {
  it('is one error a bad known value, naming the property, the allowed values and the fix', () => {
    const checks = propertyChecks({ [PROVIDER_PROP]: 'CAPACTY', [DYNAMIC_PROP]: 'true', 'alluxio.x': 'y' });
    expect(checks).toEqual([
      {
        id: 'property-invalid',
        severity: 'error',
        field: `spec.properties.${PROVIDER_PROP}`,
        message:
          '"CAPACTY" is not one of the values Alluxio accepts: DEFAULT, CAPACITY, KETAMA, MAGLEV, MULTI_PROBE, JUMP; Alluxio would fail to start or ignore the setting',
        fix: 'write DEFAULT or CAPACITY',
        source: 'guide B.1 (spec.properties → alluxio-site.properties)',
      },
    ]);
    expect(propertyChecks({ [VNODE_PROPS[0]]: '-5' })[0].message).toBe(
      '"-5" is invalid: must be a whole number of at least 1; Alluxio would fail to start or ignore the setting',
    );
  });

  it('leaves placeholders such as <LICENSE> to their own check', () => {
    expect(propertyChecks({ [POLICY_PROP]: '<POLICY>' })).toEqual([]);
  });
});

describe('property checks through the plan of a manifest written from the guide', () => {
  it('"flase", CAPACTY and an unknown policy are errors naming the allowed values; unknown properties are kept', () => {
    const props = (extra: string) => MINIMAL.replace('    alluxio.license: LICENSE-STRING\n', `    alluxio.license: LICENSE-STRING\n${extra}`);
    const bad = plan(
      props(
        '    alluxio.user.dynamic.consistent.hash.ring.enabled: "flase"\n    alluxio.user.worker.selection.policy.consistent.hash.provider.impl: CAPACTY\n    alluxio.user.worker.selection.policy: CONSISTANT\n',
      ),
    );
    const msgs = bad.checks.filter((c) => c.id === 'property-invalid');
    expect(msgs.map((c) => c.field)).toEqual([
      'spec.properties.alluxio.user.dynamic.consistent.hash.ring.enabled',
      'spec.properties.alluxio.user.worker.selection.policy.consistent.hash.provider.impl',
      'spec.properties.alluxio.user.worker.selection.policy',
    ]);
    expect(msgs[0].message).toMatch(/true or false/);
    expect(msgs[1].message).toMatch(/DEFAULT, CAPACITY/);
    expect(msgs[2].message).toMatch(/CONSISTENT, JUMP/);
    const fine = plan(props('    alluxio.user.dynamic.consistent.hash.ring.enabled: "FALSE"\n    alluxio.some.future.property: anything\n'));
    expect(ids(fine)).not.toContain('property-invalid');
    expect(fine.ring.mode).toBe('static');
  });
});
