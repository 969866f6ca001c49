/**
 * The plan's ring. Worker identities are random UUIDs Alluxio generates at a worker's first start, so the exact
 * ring is not known before deploying: ring-sim draws seeded identity sets (the same every run), reports the
 * first draw exactly and the spread of the busiest worker over the draws.
 */
import { balance } from '../ring/analysis/balance.js';
import type { Placement } from '../ring/placement.js';
import type { Worker } from '../ring/worker.js';
import { Random } from '../core/random.js';
import type { PlanShare, PlanWorker } from './model.js';
import { capacityWeights, drawIdentities, planRing, type IdentityDraw, type PlanRingModel } from './ring-model.js';
import type { RingSettings } from './settings.js';

/** Builds the ring for a set of identities: Alluxio's CONSISTENT ring, or ring-sim's model of CAPACITY. */
export class PlanRingBuilder {
  readonly weighted: boolean;
  /** CAPACITY weights: page-store size over the mean worker's, so `vnodes` is the mean worker's point count. */
  private readonly weights: number[];

  constructor(
    readonly settings: RingSettings,
    readonly workers: readonly PlanWorker[],
    readonly seed: number,
  ) {
    this.weighted = settings.provider === 'CAPACITY';
    this.weights = capacityWeights(workers.map((w) => w.cacheBytes));
  }

  /** The d-th seeded identity draw, one identity a worker. */
  identities(d: number): string[] {
    const r = new Random(this.seed * 1009 + d);
    return this.workers.map(() => `worker-${r.uuid()}`);
  }

  /** A new identity for a what-if (the same every run for a seed). */
  newIdentity(draw: IdentityDraw): string {
    return drawIdentities(this.seed, draw)[0];
  }

  /** A worker with the capacity of the plan's worker `like` (the first by default), for what-ifs that add one. */
  extraWorker(id: string, like = 0): Worker {
    return this.weighted ? { id, weight: this.weights[like] } : { id };
  }

  /** The ring's workers for identities aligned with the plan's workers. */
  ringWorkers(ids: readonly string[]): Worker[] {
    return ids.map((id, i) => (this.weighted ? { id, weight: this.weights[i] } : { id }));
  }

  build(ids: readonly string[], vnodes = this.settings.vnodes, extra: Worker[] = []): Placement {
    return this.fromWorkers([...this.ringWorkers(ids), ...extra], vnodes);
  }

  /** The ring over ring workers (weights relative to the plan's mean worker). */
  fromWorkers(workers: readonly Worker[], vnodes = this.settings.vnodes): Placement {
    return planRing(workers, vnodes, this.weighted);
  }

  /** What rebuilds the ring over `ids` (`planRing`): the HTML page recomputes what-ifs from it. */
  model(ids: readonly string[]): PlanRingModel {
    return { weighted: this.weighted, vnodes: this.settings.vnodes, seed: this.seed, workers: this.ringWorkers(ids) };
  }
}

export interface RingBalance {
  ids: string[];
  main: Placement;
  draws: number;
  shares: PlanShare[];
  overFair: number[];
  busiest: number;
  relativeStddev: number;
  /** The busiest worker's share over its fair share, one value a draw, sorted ascending. */
  maxes: number[];
  /**
   * The ring's own spread: the busiest worker's share over the share its points give it (its capacity share
   * with CAPACITY, an equal share with DEFAULT), one value a draw, sorted ascending.
   */
  spreadMaxes: number[];
}

const NOMINAL_KEYS = 1_000_000;

export function ringBalance(b: PlanRingBuilder, names: readonly string[]): RingBalance {
  const { vnodes } = b.settings;
  const planWorkers = b.workers;
  const totalPoints = planWorkers.length * vnodes;
  const draws = Math.max(1, Math.min(10, Math.floor(3_000_000 / Math.max(totalPoints, 1))));
  const ids = b.identities(0);
  const main = b.build(ids);
  const totalCache = planWorkers.reduce((s, w) => s + w.cacheBytes, 0);
  const bal = balance(main, { nominalKeys: NOMINAL_KEYS });
  const capShare = planWorkers.map((w) => (totalCache > 0 ? w.cacheBytes / totalCache : 1 / planWorkers.length));
  const pointsOf = (i: number): number =>
    b.weighted ? Math.max(1, Math.round(vnodes * (planWorkers[i].cacheBytes / (totalCache / planWorkers.length)))) : vnodes;
  const shares: PlanShare[] = bal.workers.map((w, i) => {
    const spread = 2 / Math.sqrt(pointsOf(i));
    return {
      worker: names[i],
      identity: w.id,
      share: w.share,
      fairShare: capShare[i],
      bandLow: capShare[i] * Math.max(0, 1 - spread),
      bandHigh: capShare[i] * (1 + spread),
    };
  });
  const overFair = shares.map((s) => s.share / s.fairShare);
  let busiest = 0;
  overFair.forEach((r, i) => {
    if (r > overFair[busiest]) busiest = i;
  });
  const expected = b.weighted ? capShare : planWorkers.map(() => 1 / planWorkers.length);
  const maxes = [Math.max(...overFair)];
  const spreadMaxes = [Math.max(...shares.map((s, i) => s.share / expected[i]))];
  for (let d = 1; d < draws; d++) {
    const other = balance(b.build(b.identities(d)), { nominalKeys: NOMINAL_KEYS });
    maxes.push(Math.max(...other.workers.map((w, i) => w.share / capShare[i])));
    spreadMaxes.push(Math.max(...other.workers.map((w, i) => w.share / expected[i])));
  }
  maxes.sort((x, y) => x - y);
  spreadMaxes.sort((x, y) => x - y);
  return { ids, main, draws, shares, overFair, busiest, relativeStddev: bal.relativeStddev, maxes, spreadMaxes };
}
