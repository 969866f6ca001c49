/**
 * A simulation split over processes or machines (`simulate --shard I/N`, `ring-sim merge`): shard I of N replays
 * every read and event and holds the page stores of the workers whose index is I modulo N, the same split as
 * `--threads` (worker index: the scenario's groups in order, then the workers events add, in event order, so the
 * assignment follows from the scenario and N alone). Its part is plain data: its raw steps and final state (the
 * results of the threads it ran on, its router first; the same for the baseline replay), the scenario and its
 * digest, I and N, the sample and the ring-sim version. `mergeParts` checks the parts belong together and adds them up into the result of one run.
 */
import { RingSimError } from '../core/errors.js';
import { sha256Hex } from '../hash/sha256.js';
import { utf8Bytes } from '../hash/utf8.js';
import { baselineScenario, withBaseline } from './baseline.js';
import { Merger } from './merge.js';
import { measureEvents } from './event-groups.js';
import type { SimulationResult } from './result.js';
import type { Scenario } from './scenario.js';
import type { ShardResult } from './steps.js';

export const PART_FORMAT = 'ring-sim/simulation-part';
export const PART_VERSION = 2;

/** A trace file's digest in a part: `sha256:` and the hex SHA-256 of its bytes as stored (compressed or not). */
export const TRACE_DIGEST = /^sha256:[0-9a-f]{64}$/;

export interface SimulationPart {
  format: typeof PART_FORMAT;
  version: typeof PART_VERSION;
  /** The ring-sim version that ran the shard (parts merge only with the same version). */
  ringSim: string;
  /** `sha256:` and the hex SHA-256 of the scenario's canonical JSON (`scenarioDigest`). */
  scenarioDigest: string;
  /**
   * A trace workload's file: `sha256:` and the hex SHA-256 of its bytes as stored (the scenario's digest covers
   * its path, not its bytes); null for a synthetic workload. Parts merge only over the same bytes.
   */
  traceDigest: string | null;
  /** This part's shard, 0 … shards - 1 (Kubernetes' JOB_COMPLETION_INDEX). */
  shard: number;
  shards: number;
  /** The `--sample` rate (null: every file). */
  sample: number | null;
  scenario: Scenario;
  /** The shard's run: one result per thread it ran on, the lead (the one that routes and counts) first. */
  run: ShardResult[];
  /**
   * The same for the baseline replay (the same reads without the events), which the events' recovery is measured
   * against: present when the scenario has events or with `--baseline`, else null.
   */
  baseline: ShardResult[] | null;
  /** `--baseline`: the merged result reports the baseline and the delta. */
  baselineReported: boolean;
}

/** `value` as JSON with every object's keys sorted (undefined members left out, as JSON.stringify does). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The scenario's digest: SHA-256 of its canonical JSON (the scenario as read, every default filled in, keys
 * sorted), so two files that say the same thing (comments, key order, `2Gi` or its bytes) have one digest.
 */
export function scenarioDigest(s: Scenario): string {
  return `sha256:${sha256Hex(utf8Bytes(canonicalJson(s)))}`;
}

/** The part of shard `shard` of `shards`, from its run (and baseline run) results. */
export function simulationPart(
  s: Scenario,
  shard: number,
  shards: number,
  ringSim: string,
  sample: number | undefined,
  run: ShardResult[],
  baseline: ShardResult[] | null,
  baselineReported: boolean,
  traceDigest: string | null = null,
): SimulationPart {
  return {
    format: PART_FORMAT,
    version: PART_VERSION,
    ringSim,
    scenarioDigest: scenarioDigest(s),
    traceDigest,
    shard,
    shards,
    sample: sample ?? null,
    scenario: s,
    run,
    baseline,
    baselineReported,
  };
}

/** Whether a part of `s` needs the baseline replay: for the events' recovery, or to report it (`--baseline`). */
export function needsBaseline(s: Scenario, baselineReported: boolean): boolean {
  return baselineReported || s.events.length > 0;
}

/**
 * A replay of `s` finished with its baseline replay `base` (needed when `needsBaseline`): the events' recovery and
 * groups measured against it, and with `reported` (`--baseline`) the baseline and delta added. `simulate` and
 * `merge` both finish a run here, so one run and merged parts give the same result.
 */
export function withBaselineReplay(s: Scenario, run: SimulationResult, base: SimulationResult | null, reported: boolean): SimulationResult {
  if (base === null) return run;
  const measured = s.events.length ? measureEvents(run, base) : run;
  return reported ? withBaseline(measured, base) : measured;
}

/** Refuses parts that are not every shard of one run, exactly once, by one ring-sim version. */
function checkParts(parts: readonly SimulationPart[], names: readonly string[], ringSim: string): void {
  const p0 = parts[0];
  const name = (i: number): string => names[i] ?? `part ${i}`;
  for (const [i, p] of parts.entries()) {
    if (p.ringSim !== ringSim)
      throw new RingSimError(
        name(i),
        p.ringSim,
        `was made by ring-sim ${p.ringSim}, and this is ring-sim ${ringSim}`,
        `run every shard and the merge with one ring-sim version`,
      );
    if (p.scenarioDigest !== p0.scenarioDigest)
      throw new RingSimError(
        name(i),
        p.scenarioDigest,
        `is a part of another scenario than ${name(0)} (${p0.scenarioDigest})`,
        'merge the parts of one scenario',
      );
    if (p.traceDigest !== p0.traceDigest)
      throw new RingSimError(
        name(i),
        p.traceDigest ?? 'none',
        `was run over other trace bytes than ${name(0)} (${p0.traceDigest ?? 'none'})`,
        'run every shard on the same trace file (one copy, e.g. one PersistentVolumeClaim)',
      );
    if (p.shards !== p0.shards)
      throw new RingSimError(
        name(i),
        `${p.shard}/${p.shards}`,
        `is a shard of ${p.shards}, and ${name(0)} one of ${p0.shards}`,
        'merge the parts of one run (one --shard I/N count N)',
      );
    if (p.sample !== p0.sample)
      throw new RingSimError(
        name(i),
        p.sample ?? 'none',
        `was sampled at ${p.sample ?? 'no rate'}, and ${name(0)} at ${p0.sample ?? 'no rate'}`,
        'run every shard with the same --sample',
      );
    if (p.baselineReported !== p0.baselineReported)
      throw new RingSimError(
        name(i),
        p.baselineReported ? 'with --baseline' : 'without --baseline',
        `was run ${p.baselineReported ? 'with' : 'without'} --baseline, and ${name(0)} ${p0.baselineReported ? 'with' : 'without'}`,
        'run every shard with --baseline, or none',
      );
    if ((p.baseline === null) === needsBaseline(p.scenario, p.baselineReported))
      throw new RingSimError(
        name(i),
        undefined,
        p.baseline ? 'holds a baseline replay it has no use for' : "has no baseline replay, which the events' recovery is measured against",
        'run that shard again with this ring-sim',
      );
  }
  const seen = new Map<number, number>();
  for (const [i, p] of parts.entries()) {
    const other = seen.get(p.shard);
    if (other !== undefined)
      throw new RingSimError(
        name(i),
        `${p.shard}/${p.shards}`,
        `shard ${p.shard}/${p.shards} is given twice (${name(other)}, then ${name(i)})`,
        "give each shard's part once",
      );
    seen.set(p.shard, i);
  }
  const missing = Array.from({ length: p0.shards }, (_, k) => k).filter((k) => !seen.has(k));
  const given = [...seen.keys()]
    .sort((a, b) => a - b)
    .map((k) => `${k}/${p0.shards}`)
    .join(', ');
  if (missing.length > 0)
    throw new RingSimError(
      'parts',
      given,
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${p0.shards}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`,
      `give all ${p0.shards} parts, shards 0 to ${p0.shards - 1}`,
    );
}

/** Adds up the shards' results of one run (the lead's first) into its result. */
function mergeRun(s: Scenario, results: readonly ShardResult[], sample: number | undefined): SimulationResult {
  const n = results[0].steps.length;
  if (results.some((r) => r.steps.length !== n || r.final.reads !== results[0].final.reads)) {
    throw new RingSimError(
      'parts',
      results.length,
      'the parts did not replay the same run (their steps or reads differ: another trace, or another ring-sim?)',
      'run every shard on the same scenario and trace',
    );
  }
  const merger = new Merger(s, sample);
  for (let k = 0; k < n; k++) merger.step(results.map((r) => r.steps[k]));
  return merger.result(results.map((r) => r.final));
}

/**
 * The result of the run the parts are shards of, the same as one run gives: the events' recovery measured against
 * the baseline replay, and with `--baseline` the baseline and delta too. `names` name the parts in errors (their files); `ringSim` is the merging ring-sim's version.
 */
export function mergeParts(parts: readonly SimulationPart[], ringSim: string, names: readonly string[] = []): SimulationResult {
  if (parts.length === 0) throw new RingSimError('parts', 0, 'no part given', 'give the parts of every shard');
  checkParts(parts, names, ringSim);
  const ordered = [...parts].sort((a, b) => a.shard - b.shard);
  const s = ordered[0].scenario;
  const sample = ordered[0].sample ?? undefined;
  const run = mergeRun(
    s,
    ordered.flatMap((p) => p.run),
    sample,
  );
  const base =
    ordered[0].baseline === null
      ? null
      : mergeRun(
          baselineScenario(s),
          ordered.flatMap((p) => p.baseline!),
          sample,
        );
  return withBaselineReplay(s, run, base, ordered[0].baselineReported);
}
