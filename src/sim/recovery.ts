/**
 * An event's recovery, against the baseline (the same reads without the events, src/sim/baseline.ts): the run is
 * recovered once its windowed hit ratio is back within `RECOVERY_TOLERANCE` of the baseline's at the same window.
 * What the workload does anyway (cold misses, a hot set moving on, an epoch ending) is in the baseline too, so it
 * neither delays a recovery nor passes for one. Windows are the resolution: the run and the baseline have the
 * same windows (the same reads), compared one by one.
 */
import type { EventReport, SimulationResult, WindowMetrics } from './result.js';
import { ufsSeconds, type UfsModel } from './ufs.js';

/** Recovered: the run's windowed hit ratio at most this far (absolute: 0.01 = 1 percentage point) below the baseline's. */
export const RECOVERY_TOLERANCE = 0.01;

type WindowFigures = Pick<WindowMetrics, 'start' | 'end' | 'hitRatio' | 'ufs'>;

/** What moved the run away from the baseline: from read `at`, clients seeing it from `effectiveAt`. */
export interface Disturbance {
  at: number;
  effectiveAt: number;
}

export interface Recovery {
  lowestHitRatio: number | null;
  recoveryRequests: number | null;
  recoverySeconds: number | null;
  recoveredBy: number | null;
}

/** Whether run window `w` is within the tolerance of baseline window `b` (a hit ratio above the baseline's is). */
function withinTolerance(w: WindowFigures, b: WindowFigures): boolean {
  return w.hitRatio >= b.hitRatio - RECOVERY_TOLERANCE;
}

/**
 * The recovery from `d`: R is the first window ending after `effectiveAt` within the tolerance; the recovery is
 * the reads from `at` to the start of the unbroken run of windows within the tolerance that ends with R (0 when
 * that run starts at or before `at`: the event never moved the hit ratio out of the tolerance). The lowest hit
 * ratio is over the windows from the one holding `at` to R; the seconds are the under-storage's for the windows
 * from the one holding `at` to the last before the recovery.
 */
export function recoveryFrom(d: Disturbance, windows: readonly WindowFigures[], baseline: readonly WindowFigures[], ufs: UfsModel | null): Recovery {
  let lowest: number | null = null;
  let streakStart: number | null = null;
  let first = -1;
  for (let k = 0; k < windows.length; k++) {
    const w = windows[k];
    if (w.end <= d.at) continue;
    if (first < 0) first = k;
    if (lowest === null || w.hitRatio < lowest) lowest = w.hitRatio;
    if (!withinTolerance(w, baseline[k])) {
      streakStart = null;
      continue;
    }
    streakStart ??= w.start;
    if (w.end <= d.effectiveAt) continue;
    const reads = Math.max(0, streakStart - d.at);
    return {
      lowestHitRatio: lowest,
      recoveryRequests: reads,
      recoverySeconds:
        reads === 0
          ? secondsOf([], ufs)
          : secondsOf(
              windows.slice(first, k).filter((x) => x.start < streakStart!),
              ufs,
            ),
      recoveredBy: w.end,
    };
  }
  return { lowestHitRatio: lowest, recoveryRequests: null, recoverySeconds: null, recoveredBy: null };
}

/** Under-storage seconds (model) of `windows`' bytes and GETs as one transfer; null without seconds in the model. */
function secondsOf(windows: readonly WindowFigures[], ufs: UfsModel | null): number | null {
  let bytes = 0;
  let requests = 0;
  for (const w of windows) {
    bytes += w.ufs.bytes;
    requests += w.ufs.requests;
  }
  return ufsSeconds(bytes, requests, ufs ?? undefined);
}

/** Whether `base` replays the same reads in the same windows as `run` (its baseline must). */
function sameWindows(run: readonly WindowFigures[], base: readonly WindowFigures[]): boolean {
  return run.length === base.length && run.every((w, k) => w.start === base[k].start && w.end === base[k].end);
}

/** `run` with each event's lowest hit ratio and recovery measured against `base`, its baseline's result. */
export function withRecoveries(run: SimulationResult, base: Pick<SimulationResult, 'windows'>): SimulationResult {
  if (!sameWindows(run.windows, base.windows)) throw new Error('the baseline replay has other windows than the run: it must replay the same reads');
  const events: EventReport[] = run.events.map((e) => ({ ...e, ...recoveryFrom(e, run.windows, base.windows, run.ufsModel) }));
  return { ...run, events };
}
