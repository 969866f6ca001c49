/**
 * A scenario's `cluster` (the worker groups, their page stores and identity persistence) and `placement` (the
 * algorithm and its ring) fields.
 */
import { EVICTION_POLICIES } from '../pagestore/eviction/index.js';
import { ALLUXIO_EVICTION_RETRIES, ALLUXIO_PAGE_SIZE_BYTES } from '../core/page-size.js';
import type { Fields } from '../core/field-reader.js';
import { ALGORITHM_NAMES } from '../ring/registry.js';
import type { ScenarioReader } from './scenario-reader.js';
import type { Scenario, WorkerGroup } from './scenario-types.js';

/** cluster: the worker groups, each with its page store and identity persistence. */
export function readGroups(r: ScenarioReader, value: unknown): WorkerGroup[] {
  const cluster = r.object(value, 'cluster', ['workerGroups', 'workers']);
  const rawGroupsValue: unknown = cluster.workerGroups ?? (cluster.workers !== undefined ? [{ name: 'worker', ...(cluster.workers as Fields) }] : undefined);
  if (!Array.isArray(rawGroupsValue) || rawGroupsValue.length === 0)
    r.fail(
      'cluster.workerGroups',
      rawGroupsValue,
      'must list at least one worker group',
      'write workerGroups: [{ name: worker, count: 10, pagestore: { size: 100Gi } }]',
    );
  const names = new Set<string>();
  const rawGroups = rawGroupsValue as unknown[];
  return rawGroups.map((g: unknown, i: number): WorkerGroup => {
    const p = `cluster.workerGroups[${i}]`;
    const o = r.object(g, p, ['name', 'count', 'pagestore', 'persistentIdentity', 'identity']);
    const name = r.str(o.name, `${p}.name`, `group-${i}`);
    if (names.has(name)) r.fail(`${p}.name`, name, 'duplicate group name', 'give every group a distinct name');
    names.add(name);
    const ps = r.object(o.pagestore ?? {}, `${p}.pagestore`, ['size', 'dirs', 'reservedSize', 'pageSize', 'policy', 'evictionRetries', 'persistent', 'type']);
    const dirs = readDirs(r, ps, `${p}.pagestore`);
    const sizeBytes = dirs.reduce((sum, d) => sum + d, 0);
    const reservedBytes = r.quantity(ps.reservedSize, `${p}.pagestore.reservedSize`, 0);
    if (reservedBytes > sizeBytes) r.fail(`${p}.pagestore.reservedSize`, ps.reservedSize, 'is larger than size', 'set reservedSize to about 10 % of size');
    const type = ps.type === undefined ? undefined : r.choice(ps.type, `${p}.pagestore.type`, ['hostPath', 'persistentVolumeClaim', 'emptyDir'] as const);
    const persistentPageStore = ps.persistent !== undefined ? r.bool(ps.persistent, `${p}.pagestore.persistent`, true) : type !== 'emptyDir';
    let persistentIdentity = true;
    if (o.identity !== undefined) persistentIdentity = r.choice(o.identity, `${p}.identity`, ['persisted', 'ephemeral'] as const) === 'persisted';
    if (o.persistentIdentity !== undefined) persistentIdentity = r.bool(o.persistentIdentity, `${p}.persistentIdentity`, true);
    return {
      name,
      count: r.int(o.count, `${p}.count`, 1, 100_000),
      sizeBytes,
      dirs,
      reservedBytes,
      pageSizeBytes: r.alluxioSize(ps.pageSize, `${p}.pagestore.pageSize`, ALLUXIO_PAGE_SIZE_BYTES),
      policy: r.choice(ps.policy, `${p}.pagestore.policy`, EVICTION_POLICIES, 'lru'),
      evictionRetries: r.int(ps.evictionRetries, `${p}.pagestore.evictionRetries`, 0, 1_000_000, ALLUXIO_EVICTION_RETRIES),
      persistentIdentity,
      persistentPageStore,
    };
  });
}

/**
 * The page store's directories: `size` (one directory) or `dirs: [{ size }, …]` (one per
 * `alluxio.worker.page.store.dirs` entry, in that order), exactly one of the two.
 */
function readDirs(r: ScenarioReader, ps: Fields, p: string): number[] {
  if (ps.size !== undefined && ps.dirs !== undefined) {
    r.fail(
      `${p}.dirs`,
      ps.dirs,
      'is given with size: a page store has one of the two',
      'keep size (one directory) or dirs (one { size } per directory), not both',
    );
  }
  if (ps.size === undefined && ps.dirs === undefined) {
    r.fail(
      `${p}.size`,
      ps.size,
      'is missing: a page store needs size (one directory) or dirs (one { size } per directory)',
      'write size: 100Gi, or dirs: [{ size: 50Gi }, { size: 50Gi }]',
    );
  }
  if (ps.size !== undefined) {
    const size = r.quantity(ps.size, `${p}.size`);
    if (size <= 0) r.fail(`${p}.size`, ps.size, 'must be positive', 'write e.g. size: 100Gi');
    return [size];
  }
  if (!Array.isArray(ps.dirs) || ps.dirs.length === 0)
    r.fail(`${p}.dirs`, ps.dirs, 'must list at least one directory', 'write dirs: [{ size: 50Gi }, { size: 50Gi }]');
  return (ps.dirs as unknown[]).map((d, i) => {
    const o = r.object(d, `${p}.dirs[${i}]`, ['size']);
    const size = r.quantity(o.size, `${p}.dirs[${i}].size`);
    if (size <= 0) r.fail(`${p}.dirs[${i}].size`, o.size, 'must be positive', 'write e.g. size: 50Gi');
    return size;
  });
}

/** placement: the algorithm and its ring; no more replicas than workers. */
export function readPlacement(r: ScenarioReader, value: unknown, groups: readonly WorkerGroup[]): Scenario['placement'] {
  const pl = r.object(value ?? {}, 'placement', ['algorithm', 'vnodes', 'ring', 'replicas', 'refreshDelay', 'weightByCapacity']);
  const placement: Scenario['placement'] = {
    algorithm: r.choice(pl.algorithm, 'placement.algorithm', ALGORITHM_NAMES, 'alluxio-consistent'),
    ring: r.choice(pl.ring, 'placement.ring', ['dynamic', 'static'] as const, 'dynamic'),
    replicas: r.int(pl.replicas, 'placement.replicas', 1, 16, 1),
    refreshDelay: r.int(pl.refreshDelay, 'placement.refreshDelay', 0, Number.MAX_SAFE_INTEGER, 0),
    weightByCapacity: r.bool(pl.weightByCapacity, 'placement.weightByCapacity', false),
  };
  if (pl.vnodes !== undefined) placement.vnodes = r.int(pl.vnodes, 'placement.vnodes', 1, 16_777_216);
  const total = groups.reduce((s, g) => s + g.count, 0);
  if (placement.replicas > total) r.fail('placement.replicas', placement.replicas, `is more than the ${total} workers`, `use at most ${total}`);
  return placement;
}
