/**
 * Scenarios: a cluster, its placement, a workload and a timeline of events, as YAML or JSON. Validation gives
 * one clear error per bad field (its path, the value, and the fix); unknown fields are errors too, since a
 * misspelt field silently ignored would change the result.
 */
import { parseYamlDocuments } from '../core/yaml.js';
import { readUfs } from './ufs.js';
import { checkDowntimes, checkOrder, checkWithinReads, plannedReads, timeToRead, type TimedEvent } from './timeline.js';
import { ScenarioReader } from './scenario-reader.js';
import { readGroups, readPlacement } from './scenario-cluster.js';
import { readWorkload } from './scenario-workload.js';
import { readEvent } from './scenario-events.js';
import type { Scenario, ScenarioEvent } from './scenario-types.js';

export type { EventAction, FileSizeSpec, Scenario, ScenarioEvent, WorkerGroup, WorkloadSpec } from './scenario-types.js';

/** Validates a scenario object (parsed YAML/JSON). `source` names it in errors. */
export function readScenario(data: unknown, source = 'scenario'): Scenario {
  const r = new ScenarioReader(source);
  const top = r.object(data, 'scenario', ['name', 'seed', 'cluster', 'placement', 'workload', 'events', 'metrics', 'pathTemplate', 'requestsPerSecond', 'ufs']);
  const seed = r.int(top.seed, 'seed', 0, 2 ** 32 - 1, 1);
  const groups = readGroups(r, top.cluster);
  const names = new Set(groups.map((g) => g.name));
  const placement = readPlacement(r, top.placement, groups);
  const workload = readWorkload(r, top.workload);
  const type = workload.type;
  const metrics = r.object(top.metrics ?? {}, 'metrics', ['window']);
  const requestsPerSecond = top.requestsPerSecond === undefined ? undefined : r.num(top.requestsPerSecond, 'requestsPerSecond', 1e-9, 1e12);
  const eventsValue: unknown = top.events === undefined ? [] : top.events;
  if (!Array.isArray(eventsValue)) r.fail('events', eventsValue, 'must be a list', 'write events: [{ at: 100000, action: add-workers, count: 1 }]');
  const scenario: Scenario = {
    name: r.str(top.name, 'name', 'scenario'),
    seed,
    cluster: { groups },
    placement,
    workload,
    pathTemplate: r.str(top.pathTemplate, 'pathTemplate', type === 'trace' ? 's3://ring-sim/trace/{key}' : 's3://ring-sim/dataset/file-{index}'),
    metrics: { window: r.int(metrics.window, 'metrics.window', 1, Number.MAX_SAFE_INTEGER, 10_000) },
    events: (eventsValue as unknown[]).map((e: unknown, i: number) =>
      readEvent(r, e, `events[${i}]`, names, workload, type === 'trace' ? undefined : requestsPerSecond),
    ),
  };
  const ufs = readUfs(r, top.ufs);
  if (ufs) scenario.ufs = ufs;
  if (requestsPerSecond !== undefined) scenario.requestsPerSecond = requestsPerSecond;
  if (scenario.events.some((e) => e.atTime !== undefined) && scenario.requestsPerSecond === undefined && type !== 'trace') {
    r.fail(
      'requestsPerSecond',
      undefined,
      'events at a time (atTime) need a clock for a synthetic workload',
      'set requestsPerSecond, or give events by request count (at)',
    );
  }
  const timed = scenario.events.map((e, i) => timedEvent(e, i, scenario));
  checkWithinReads(r, timed, plannedReads(workload));
  checkOrder(r, timed);
  checkDowntimes(r, timed, plannedReads(workload));
  return scenario;
}

/** An event's place on the timeline, as a read index when the scenario alone gives it (src/sim/timeline.ts). */
function timedEvent(e: ScenarioEvent, index: number, s: Scenario): TimedEvent {
  const worker = 'worker' in e ? e.worker : undefined;
  const downtime = e.action === 'restart-worker' && e.downtime ? e.downtime : undefined;
  if (e.atEpoch !== undefined) return { index, field: 'atEpoch', value: e.atEpoch, read: e.at, worker, downtime };
  if (e.at !== undefined) return { index, field: 'at', value: e.at, read: e.at, worker, downtime };
  const clock = s.workload.type === 'trace' ? undefined : s.requestsPerSecond;
  return { index, field: 'atTime', value: e.atTime!, read: clock === undefined ? undefined : timeToRead(e.atTime!, clock), worker, downtime };
}

/** Parses YAML or JSON text, then validates it. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  // One document; nesting depth and alias expansion bounded before and while parsing (core/yaml.ts).
  const [data] = parseYamlDocuments(text, source, { maxDocuments: 1, maxAliases: 100, uniqueKeys: true });
  return readScenario(data ?? null, source);
}
