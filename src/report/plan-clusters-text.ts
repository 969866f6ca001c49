/**
 * The text report of a file with several AlluxioClusters: each cluster's plan one after another (plan-text.ts),
 * then one summary line a cluster with its verdict.
 */
import type { PlanReport } from '../plan/model.js';
import { renderPlanText } from './plan-text.js';

/** `name (namespace ns)`, as the plan's first line names the cluster. */
export function clusterTitle(r: PlanReport): string {
  return `${r.cluster.name}${r.cluster.namespace ? ` (namespace ${r.cluster.namespace})` : ''}`;
}

export function renderPlansText(reports: readonly PlanReport[]): string {
  const parts = reports.map((r, i) => `${reports.length > 1 ? `== AlluxioCluster ${i + 1} of ${reports.length} ==\n` : ''}${renderPlanText(r)}`);
  if (reports.length === 1) return parts[0];
  const deployable = reports.filter((r) => r.verdict.deployable).length;
  const summary = [
    `${reports.length} AlluxioClusters in ${reports[0].source}: ${deployable} deployable, ${reports.length - deployable} will not deploy`,
    ...reports.map((r) => `  ${clusterTitle(r)}: ${r.verdict.deployable ? 'DEPLOYABLE' : 'WILL NOT DEPLOY'}: ${r.verdict.summary}`),
  ];
  return `${parts.map((p) => p.replace(/\n*$/, '\n')).join('\n')}\n${summary.join('\n')}\n`;
}
