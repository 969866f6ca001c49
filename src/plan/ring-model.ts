/**
 * The ring a plan reports, as data that rebuilds it: the drawn identities, their weights, the virtual node
 * count and the provider. `buildPlan` builds its rings with `planRing`, and the HTML page runs the same
 * function (in the browser bundle) to recompute what-ifs, so the page and `plan --json` agree exactly.
 */
import { Random } from '../core/random.js';
import type { Placement } from '../ring/placement.js';
import { createPlacement } from '../ring/registry.js';
import type { Worker } from '../ring/worker.js';

export interface PlanRingModel {
  /** CAPACITY provider (modelled as a weighted `ring`); otherwise DEFAULT (`alluxio-consistent`). */
  weighted: boolean;
  /** Virtual nodes a worker (the mean worker, when weighted). */
  vnodes: number;
  /** Seed of the identity draws. */
  seed: number;
  /** The first draw's workers, aligned with `ring.shares`: identity and, when weighted, page-store size over the mean worker's. */
  workers: Worker[];
}

/** Where a what-if draws a new identity from: a new worker, or a worker restarted without its identity. */
export type IdentityDraw = 'add' | 'restart';

const DRAW_SALT: Record<IdentityDraw, number> = { add: 7919, restart: 104729 };

/** `count` new worker identities (`worker-<uuid>`), the same every run for a seed; the first is the plan's. */
export function drawIdentities(seed: number, draw: IdentityDraw, count = 1): string[] {
  const r = new Random(seed * DRAW_SALT[draw]);
  return Array.from({ length: count }, () => `worker-${r.uuid()}`);
}

/**
 * The plan's ring over `workers` with `vnodes` points a worker: DEFAULT, or the CAPACITY model, where a worker
 * of weight w (its page-store size over the mean worker's) gets round(w × vnodes) points.
 */
export function planRing(workers: readonly Worker[], vnodes: number, weighted: boolean): Placement {
  return weighted ? createPlacement('ring', workers, { vnodes }) : createPlacement('alluxio-consistent', workers, { vnodes, identity: 'identity' });
}

/** CAPACITY weights from page-store sizes: each over the mean. */
export function capacityWeights(sizes: readonly number[]): number[] {
  const mean = sizes.reduce((s, x) => s + x, 0) / sizes.length;
  return sizes.map((x) => x / mean);
}
