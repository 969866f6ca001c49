import { describe, expect, it } from 'vitest';
import { scenarioError } from './scenario-error.js';
import { parseScenario, readScenario } from '../../src/sim/scenario.js';

const GROUP = 'cluster:\n  workerGroups: [{name: w, count: 4, pagestore: {size: 10Gi}}]\n';
const ZIPF = 'workload: {type: zipf, files: 1000, requests: 5000}\n';

const error = scenarioError;

describe('parseScenario', () => {
  it('fills in the documented defaults', () => {
    const s = parseScenario(GROUP + ZIPF, 's.yaml');
    expect(s).toMatchObject({ name: 'scenario', seed: 1, pathTemplate: 's3://ring-sim/dataset/file-{index}', metrics: { window: 10_000 }, events: [] });
    expect(s.placement).toEqual({ algorithm: 'alluxio-consistent', ring: 'dynamic', replicas: 1, refreshDelay: 0, weightByCapacity: false });
    expect(s.workload).toEqual({ type: 'zipf', files: 1000, alpha: 0.99, fileSize: { kind: 'fixed', bytes: 64 * 2 ** 20 }, requests: 5000 });
    expect(s.cluster.groups).toEqual([
      {
        name: 'w',
        count: 4,
        sizeBytes: 10 * 2 ** 30,
        dirs: [10 * 2 ** 30],
        reservedBytes: 0,
        pageSizeBytes: 2 ** 20,
        policy: 'lru',
        evictionRetries: 10,
        persistentIdentity: expect.any(Boolean),
        persistentPageStore: true,
      },
    ]);
  });

  it('reads sizes as Kubernetes quantities and page sizes as Alluxio sizes (binary)', () => {
    const s = parseScenario(
      'cluster:\n  workerGroups: [{name: w, count: 1, pagestore: {size: 1G, reservedSize: 100Mi, pageSize: 4MB, policy: sieve, type: emptyDir}}]\n' + ZIPF,
      's.yaml',
    );
    expect(s.cluster.groups[0]).toMatchObject({
      sizeBytes: 1e9,
      reservedBytes: 100 * 2 ** 20,
      pageSizeBytes: 4 * 2 ** 20,
      policy: 'sieve',
      persistentPageStore: false,
    });
  });

  it('reads events by request count or by time, with a clock for the synthetic workload', () => {
    const s = parseScenario(
      `${GROUP}${ZIPF}requestsPerSecond: 100\nevents:\n  - {at: 10, action: add-workers, count: 2}\n  - {atTime: 5, action: restart-worker, worker: w-1, keepIdentity: false, label: r}\n  - {at: 20, action: set-capacity, worker: w-0, size: 1Gi}\n`,
      's.yaml',
    );
    expect(s.events).toEqual([
      { at: 10, action: 'add-workers', count: 2, group: 'w' },
      { atTime: 5, label: 'r', action: 'restart-worker', worker: 'w-1', keepIdentity: false, keepPageStore: undefined },
      { at: 20, action: 'set-capacity', worker: 'w-0', sizeBytes: 2 ** 30 },
    ]);
    expect(s.requestsPerSecond).toBe(100);
  });

  it('is one line naming the file, the field, the value and the fix for bad input', () => {
    expect(error(`${GROUP}${ZIPF}bogus: 1\n`)).toBe(
      's.yaml: scenario.bogus: unknown field (got "bogus"); use one of name, seed, cluster, placement, workload, events, metrics, pathTemplate, requestsPerSecond, ufs',
    );
    expect(error(`${GROUP}workload: {type: zipf, files: 10, requests: 100, alpha: 9}\n`)).toBe(
      's.yaml: workload.alpha: must be a number from 0 to 5 (got 9); write e.g. alpha: 0',
    );
    expect(error('cluster:\n  workerGroups: [{name: w, count: 2, pagestore: {size: 1GB}}]\n' + ZIPF)).toBe(
      's.yaml: cluster.workerGroups[0].pagestore.size: not a Kubernetes quantity (got "1GB"); Kubernetes has no "GB": write 1Gi',
    );
    expect(error(`${GROUP}${ZIPF}placement: {replicas: 9}\n`)).toBe('s.yaml: placement.replicas: is more than the 4 workers (got 9); use at most 4');
    expect(error(`${GROUP}${ZIPF}events: [{action: add-workers, at: 1, group: b}]\n`)).toBe(
      's.yaml: events[0].group: no such worker group (got "b"); use one of w',
    );
    expect(error(`${GROUP}${ZIPF}events: [{action: stop-worker, atTime: 5, worker: w-0}]\n`)).toMatch(
      /^s\.yaml: requestsPerSecond: events at a time \(atTime\) need a clock/,
    );
    expect(error(`${GROUP}${ZIPF}seed: 1\nseed: 2\n`)).toMatch(/^s\.yaml: not valid YAML/);
  });

  it('reads pagestore.dirs (one directory each, in order) instead of size, and evictionRetries', () => {
    const s = parseScenario(
      'cluster:\n  workerGroups: [{name: w, count: 1, pagestore: {dirs: [{size: 10Mi}, {size: 6Mi}], evictionRetries: 0, type: hostPath}}]\n' + ZIPF,
      's.yaml',
    );
    expect(s.cluster.groups[0]).toMatchObject({ sizeBytes: 16 * 2 ** 20, dirs: [10 * 2 ** 20, 6 * 2 ** 20], evictionRetries: 0, persistentPageStore: true });
    const g = (ps: string): string => error(`cluster:\n  workerGroups: [{name: w, count: 1, pagestore: ${ps}}]\n${ZIPF}`);
    expect(g('{size: 1Gi, dirs: [{size: 1Gi}]}')).toMatch(
      /^s\.yaml: cluster\.workerGroups\[0\]\.pagestore\.dirs: is given with size: a page store has one of the two/,
    );
    expect(g('{pageSize: 1MB}')).toMatch(/^s\.yaml: cluster\.workerGroups\[0\]\.pagestore\.size: is missing/);
    expect(g('{dirs: []}')).toMatch(/^s\.yaml: cluster\.workerGroups\[0\]\.pagestore\.dirs: must list at least one directory/);
    expect(g('{dirs: [{size: 1Gi}, {size: 0}]}')).toMatch(/^s\.yaml: cluster\.workerGroups\[0\]\.pagestore\.dirs\[1\]\.size: must be positive/);
    expect(g('{dirs: [{size: 1Gi, path: /mnt}]}')).toMatch(/^s\.yaml: cluster\.workerGroups\[0\]\.pagestore\.dirs\[0\]\.path: unknown field/);
    expect(g('{size: 1Gi, evictionRetries: -1}')).toMatch(/^s\.yaml: cluster\.workerGroups\[0\]\.pagestore\.evictionRetries: /);
  });

  it('reads set-page-size with an Alluxio size', () => {
    const s = parseScenario(`${GROUP}${ZIPF}events: [{at: 5, action: set-page-size, worker: w-1, pageSize: 4MB}]\n`, 's.yaml');
    expect(s.events).toEqual([{ at: 5, action: 'set-page-size', worker: 'w-1', pageSizeBytes: 4 * 2 ** 20 }]);
    expect(error(`${GROUP}${ZIPF}events: [{at: 5, action: set-page-size, worker: w-1}]\n`)).toMatch(
      /^s\.yaml: events\[0\]\.pageSize: set-page-size needs the new page size/,
    );
    expect(error(`${GROUP}${ZIPF}events: [{at: 5, action: set-page-size, worker: w-1, pageSize: 4XB}]\n`)).toMatch(
      /^s\.yaml: events\[0\]\.pageSize: not an Alluxio size/,
    );
  });

  it('readScenario takes an already-parsed document', () => {
    const data = { cluster: { workerGroups: [{ name: 'w', count: 2, pagestore: { size: '1Gi' } }] }, workload: { type: 'uniform', files: 10, requests: 20 } };
    expect(readScenario(data, 'x').workload).toEqual({ type: 'uniform', files: 10, fileSize: { kind: 'fixed', bytes: 64 * 2 ** 20 }, requests: 20 });
    expect(() => readScenario(null, 'x')).toThrow(/^x: scenario: must be a mapping/);
  });
});
