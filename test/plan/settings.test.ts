import { describe, expect, it } from 'vitest';
import { ALLUXIO_API_VERSION, parseManifest } from '../../src/plan/manifest.js';
import {
  checkRingPoints,
  DYNAMIC_PROP,
  PAGE_SIZE_PROP,
  POLICY_PROP,
  prop,
  PROVIDER_PROP,
  readRingSettings,
  settingsAssumptions,
  VNODE_PROPS,
} from '../../src/plan/settings.js';
import { MAX_RING_POINTS } from '../../src/ring/worker.js';

const withProperties = (props: Record<string, string>) => {
  const lines = Object.entries(props)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}\n`)
    .join('');
  return parseManifest(
    `apiVersion: ${ALLUXIO_API_VERSION}\nkind: AlluxioCluster\nmetadata: {name: c}\nspec:\n  properties:\n${lines || '    {}\n'}  worker: {count: 2, pagestore: {size: 1Gi}}\n`,
    'm.yaml',
  );
};

describe('readRingSettings', () => {
  it("takes Alluxio's defaults for the edition when the manifest is silent", () => {
    expect(readRingSettings(withProperties({}), 'enterprise')).toEqual({
      policy: 'CONSISTENT',
      vnodes: 2000,
      vnodeProp: undefined,
      mode: 'dynamic',
      provider: 'DEFAULT',
      pageSizeBytes: 4n * 1_048_576n,
      pageSizeSet: false,
    });
    expect(readRingSettings(withProperties({}), 'oss')).toMatchObject({ vnodes: 5, pageSizeBytes: 1_048_576n, pageSizeSet: false });
  });

  it('reads the properties, normalising case and spacing', () => {
    const s = readRingSettings(
      withProperties({ [POLICY_PROP]: ' jump ', [VNODE_PROPS[1]]: '160', [DYNAMIC_PROP]: 'FALSE', [PROVIDER_PROP]: 'capacity', [PAGE_SIZE_PROP]: '4MB' }),
      'enterprise',
    );
    expect(s).toEqual({
      policy: 'JUMP',
      vnodes: 160,
      vnodeProp: VNODE_PROPS[1],
      mode: 'static',
      provider: 'CAPACITY',
      pageSizeBytes: 4n * 1_048_576n,
      pageSizeSet: true,
    });
  });

  it('prefers the first virtual-node property, and ignores invalid values and placeholders', () => {
    expect(readRingSettings(withProperties({ [VNODE_PROPS[0]]: '300', [VNODE_PROPS[1]]: '100' }), 'enterprise').vnodes).toBe(300);
    const s = readRingSettings(
      withProperties({ [VNODE_PROPS[0]]: 'many', [POLICY_PROP]: '<POLICY>', [DYNAMIC_PROP]: 'flase', [PAGE_SIZE_PROP]: '1 MB' }),
      'oss',
    );
    expect(s).toMatchObject({ vnodes: 5, vnodeProp: undefined, policy: 'CONSISTENT', mode: 'dynamic', pageSizeSet: false });
  });
});

describe('prop, settingsAssumptions and checkRingPoints', () => {
  it('prop gives the first key the manifest sets', () => {
    const m = withProperties({ b: '2', c: '3' });
    expect(prop(m, 'a', 'c', 'b')).toBe('3');
    expect(prop(m, 'a')).toBeUndefined();
  });

  it("says which settings are ring-sim's assumptions", () => {
    const silent = readRingSettings(withProperties({}), 'enterprise');
    expect(settingsAssumptions(silent, 'enterprise')).toEqual([
      "virtual nodes per worker not set: 2000, the Enterprise default (--edition; ring-sim's assumption, the guide does not give it)",
      expect.stringMatching(
        /^page size not set: 4MB \(4\.00 MiB\), the Enterprise operator chart's preset alluxio\.worker\.page\.store\.page\.size=4MB, which spec\.properties overrides \(.*unofficial copy, github\.com\/dodiadodia\/alluxio-helm/,
      ),
    ]);
    expect(settingsAssumptions(readRingSettings(withProperties({}), 'oss'), 'oss')[1]).toMatch(
      /^page size not set: 1MB \(1\.00 MiB\), open-source Alluxio's default/,
    );
    expect(settingsAssumptions(readRingSettings(withProperties({ [VNODE_PROPS[0]]: '5', [PAGE_SIZE_PROP]: '1MB' }), 'enterprise'), 'enterprise')).toEqual([]);
  });

  it('refuses more ring points than the cap, naming the manifest property and the largest count that fits', () => {
    const m = withProperties({ [VNODE_PROPS[1]]: '2000' });
    const s = readRingSettings(m, 'enterprise');
    const workers = Math.floor(MAX_RING_POINTS / 2000) - 1;
    expect(() => checkRingPoints(m, s, 'enterprise', workers)).not.toThrow();
    expect(() => checkRingPoints(m, s, 'enterprise', workers + 1)).toThrow(
      new RegExp(
        `^m\\.yaml: spec\\.properties\\.${VNODE_PROPS[1].replace(/\./g, '\\.')}: ${workers + 1} workers .* over ring-sim's limit of ${MAX_RING_POINTS} \\(got 2000\\); lower spec\\.properties\\.\\S+ to at most ${Math.floor(MAX_RING_POINTS / (workers + 2))} or spec\\.worker\\.count$`,
      ),
    );
    const silent = readRingSettings(withProperties({}), 'enterprise');
    expect(() => checkRingPoints(m, silent, 'enterprise', 20_000)).toThrow(new RegExp(`spec\\.properties\\.${VNODE_PROPS[0].replace(/\./g, '\\.')}`));
  });
});
