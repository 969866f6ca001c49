/**
 * The baseline of a run: the same scenario (same seed, same reads, same cluster at the start) replayed without
 * its events, and what the events cost over it: `delta` = totals − baseline, field by field. A scenario without
 * events has a zero delta. What the workload costs anyway (cold misses, a working set larger than the cache)
 * is in the baseline; what an event costs is in the delta.
 */
import type { Scenario } from './scenario.js';
import type { Baseline, SimulationResult, TotalsDelta } from './result.js';

type Totals = SimulationResult['totals'];
type NumericTotal = Exclude<keyof Totals, 'ufs'>;

export type { Baseline, TotalsDelta };

/** The scenario without its events: the workload the events are measured against. */
export function baselineScenario(s: Scenario): Scenario {
  return { ...s, events: [] };
}

const NUMERIC: readonly NumericTotal[] = [
  'reads',
  'files',
  'requests',
  'pageRequests',
  'pageHits',
  'hitRatio',
  'bytesRequested',
  'hitBytes',
  'byteHitRatio',
  'ufsBytes',
  'unavailableBytes',
  'workerRequestsMaxOverMean',
  'workerBytesMaxOverMean',
  'occupiedBytes',
  'capacityBytes',
  'occupancy',
];

const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/** `run` − `base`, field by field. */
export function totalsDelta(run: Totals, base: Totals): TotalsDelta {
  const delta = {} as TotalsDelta;
  for (const k of NUMERIC) delta[k] = run[k] - base[k];
  delta.pageMisses = run.pageRequests - run.pageHits - (base.pageRequests - base.pageHits);
  delta.ufs = {
    bytes: run.ufs.bytes - base.ufs.bytes,
    requests: run.ufs.requests - base.ufs.requests,
    seconds: minus(run.ufs.seconds, base.ufs.seconds),
    costUSD: minus(run.ufs.costUSD, base.ufs.costUSD),
  };
  return delta;
}

/** `run` with `baseline` (its baseline run's totals and windows) and `delta`. */
export function withBaseline(run: SimulationResult, base: SimulationResult): SimulationResult {
  return {
    ...run,
    baseline: { totals: base.totals, windows: base.windows.map(({ workerPageRequests: _w, ...w }) => w) },
    delta: totalsDelta(run.totals, base.totals),
  };
}
