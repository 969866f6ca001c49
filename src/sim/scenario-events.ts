/**
 * A scenario's `events` entries: each event's action and fields, and when it happens (`at`, `atTime` or
 * `atEpoch`); a restart's downtime in reads or seconds.
 */
import { ALLUXIO_PAGE_SIZE_BYTES } from '../core/page-size.js';
import { epochToRead, readsPerEpoch, timeToRead } from './timeline.js';
import type { ScenarioReader } from './scenario-reader.js';
import type { ScenarioEvent, WorkloadSpec } from './scenario-types.js';

/** Event `p` (`events[i]`), its worker group among `groups`; `clock`: requests a second, when the workload has one. */
export function readEvent(r: ScenarioReader, e: unknown, p: string, groups: Set<string>, workload: WorkloadSpec, clock: number | undefined): ScenarioEvent {
  const o = r.object(e, p, [
    'at',
    'atTime',
    'atEpoch',
    'action',
    'count',
    'group',
    'worker',
    'keepIdentity',
    'keepPageStore',
    'downtime',
    'size',
    'pageSize',
    'label',
  ]);
  const action = r.choice(o.action, `${p}.action`, [
    'add-workers',
    'scale-in',
    'stop-worker',
    'start-worker',
    'restart-worker',
    'remove-worker',
    'set-capacity',
    'set-page-size',
  ] as const);
  const given = [o.at, o.atTime, o.atEpoch].filter((x) => x !== undefined).length;
  if (given !== 1) r.fail(`${p}.at`, o.at, 'give exactly one of at (a read count), atTime (seconds) and atEpoch (training epochs)', 'write e.g. at: 100000');
  const when: { at?: number; atTime?: number; atEpoch?: number; label?: string } = {};
  if (o.at !== undefined) when.at = r.int(o.at, `${p}.at`, 0);
  if (o.atTime !== undefined) when.atTime = r.num(o.atTime, `${p}.atTime`, 0, 1e12);
  if (o.atEpoch !== undefined) {
    if (workload.type !== 'training')
      r.fail(`${p}.atEpoch`, o.atEpoch, `epochs are a training workload's, and this one is ${workload.type}`, 'give at (a read count) or atTime (seconds)');
    when.atEpoch = r.num(o.atEpoch, `${p}.atEpoch`, 0, 1e9);
    when.at = epochToRead(when.atEpoch, readsPerEpoch(workload));
  }
  if (o.label !== undefined) when.label = r.str(o.label, `${p}.label`);
  const worker = (): string => {
    if (typeof o.worker === 'number' && Number.isInteger(o.worker)) return String(o.worker);
    return r.str(o.worker, `${p}.worker`);
  };
  switch (action) {
    case 'add-workers': {
      const group = r.str(o.group, `${p}.group`, [...groups][0]);
      if (!groups.has(group)) r.fail(`${p}.group`, group, 'no such worker group', `use one of ${[...groups].join(', ')}`);
      return { ...when, action, count: r.int(o.count, `${p}.count`, 1, 100_000, 1), group };
    }
    case 'restart-worker': {
      const restart: Extract<ScenarioEvent, { action: 'restart-worker' }> = {
        ...when,
        action,
        worker: worker(),
        keepIdentity: o.keepIdentity === undefined ? undefined : r.bool(o.keepIdentity, `${p}.keepIdentity`, true),
        keepPageStore: o.keepPageStore === undefined ? undefined : r.bool(o.keepPageStore, `${p}.keepPageStore`, true),
      };
      if (o.downtime !== undefined) restart.downtime = readDowntime(r, o.downtime, `${p}.downtime`, clock);
      return restart;
    }
    case 'set-capacity':
      return { ...when, action, worker: worker(), sizeBytes: r.quantity(o.size, `${p}.size`) };
    case 'set-page-size':
      if (o.pageSize === undefined)
        r.fail(`${p}.pageSize`, o.pageSize, 'set-page-size needs the new page size', 'write e.g. pageSize: 4MB (an Alluxio size: binary)');
      return { ...when, action, worker: worker(), pageSizeBytes: r.alluxioSize(o.pageSize, `${p}.pageSize`, ALLUXIO_PAGE_SIZE_BYTES) };
    default:
      return { ...when, action, worker: worker() };
  }
}

/**
 * A restart's `downtime` in reads: a whole number of reads, or seconds (`30s`) on a synthetic workload's clock
 * (`requestsPerSecond`): the reads made in that many seconds (src/sim/timeline.ts, `timeToRead`).
 */
function readDowntime(r: ScenarioReader, v: unknown, path: string, clock: number | undefined): number {
  if (typeof v !== 'string') return r.int(v, path, 0);
  const m = /^(\d+(?:\.\d+)?)\s*s$/.exec(v.trim());
  if (!m) r.fail(path, v, 'must be a number of reads or of seconds', 'write e.g. downtime: 5000 (reads) or downtime: 30s (seconds, with requestsPerSecond)');
  if (clock === undefined)
    r.fail(
      path,
      v,
      'is in seconds, and this scenario has no read rate',
      'set requestsPerSecond (synthetic workloads), or give the downtime in reads (downtime: 5000)',
    );
  return timeToRead(Number(m[1]), clock);
}
