/**
 * A finding about a plan: what is wrong or worth knowing, where, and what to do. The shape of
 * shared/architecture.md: `{ id, severity, field, message, fix, source }`; `id` and `source` are optional so
 * that checks made before they existed (and library callers' own) stay valid.
 */
export interface Check {
  /** A stable name for the check (`etcd-anti-affinity`), for scripts and tests. */
  id?: string;
  severity: 'error' | 'warning' | 'info';
  /** The field the check is about, as the user wrote it (`spec.worker.pagestore.size`, `--size`). */
  field: string;
  message: string;
  fix: string;
  /** Where the rule comes from: the install guide's section (`guide D.2`), or `ring-sim model`. */
  source?: string;
}

export function hasErrors(checks: readonly Check[]): boolean {
  return checks.some((c) => c.severity === 'error');
}
