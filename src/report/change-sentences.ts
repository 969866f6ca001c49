/**
 * Sentences of the rebalance view (viz/rebalance.js, through the browser bundle) that state a quality of a figure,
 * generated from the figure they describe with the threshold named here (issue 23 item 7): "the shares change
 * little" only when they do, "nothing else moves" only when the move is the optimum, "a persisted identity moves
 * nothing" only when the page store survives the restart. Each is tested against its figure (fast-check).
 */
import { SAMPLE_KEYS } from '../ring/analysis/what-if.js';
import { percent } from './format.js';

/** Below this optimum (share of the keys that must move to reach the new shares), the workers' shares "change little". */
export const SMALL_SHARE_CHANGE = 0.05;
/** A move within this of the optimum is the optimum (float sums over ring arcs). */
export const OPTIMAL_TOLERANCE = 1e-9;

export { SAMPLE_KEYS };

/** After a virtual-node change: how much the workers' shares change, from the optimum and the new shares' range. */
export function shareChangeClause(optimal: number, afterShares: readonly number[]): string {
  const range = afterShares.length ? ` (each worker now ${percent(Math.min(...afterShares))} to ${percent(Math.max(...afterShares))} of the keys)` : '';
  // Decided on the figure as printed (two decimals of a percent), so "5.00 %" is never called little.
  return Number((optimal * 100).toFixed(2)) < SMALL_SHARE_CHANGE * 100
    ? `although the workers' shares change little${range}: ${percent(optimal)} is the least any ring with these shares must move, under the ${percent(SMALL_SHARE_CHANGE, 0)} ring-sim calls little`
    : `and the workers' shares themselves change${range}: ${percent(optimal)} of the keys must move to reach the new shares, over the ${percent(SMALL_SHARE_CHANGE, 0)} ring-sim calls little`;
}

/** A dynamic ring losing a worker: whether anything beyond the leaving range moves. */
export function removeClause(moved: number, optimal: number): string {
  return moved - optimal <= OPTIMAL_TOLERANCE
    ? `nothing else moves (optimal ${percent(optimal)})`
    : `${percent(moved - optimal)} of the keys more than the optimum (${percent(optimal)}) move`;
}

/** A restart: what persisting the identity would cost instead, from the page-store type and the worker's share. */
export function persistedRestartClause(emptyDir: boolean, share: number): string {
  return emptyDir
    ? `Persisting the identity keeps its range, but its emptyDir page store still comes back empty: its ${percent(share)} of the keys are re-read.`
    : 'Persisting the identity moves nothing: the worker comes back with its range and its page store.';
}

/** The note beside "optimal" for a restart. */
export function restartOptimalNote(emptyDir: boolean): string {
  return `the sum of the pods' share gains (the new identity on the same pod); a persisted identity ${emptyDir ? 'keeps the range, but the emptyDir page store comes back empty and is re-read' : 'moves nothing'}`;
}

/** How "keys moved" was measured. */
export function movedMethodNote(method: 'exact' | 'sample'): string {
  return method === 'exact' ? 'exact, of the 2^32 key hashes' : `on ${SAMPLE_KEYS.toLocaleString('en-US')} sample keys`;
}
