/** A finding about a plan: what is wrong or worth knowing, where, and what to do. */
export interface Check {
  severity: 'error' | 'warning' | 'info';
  /** The field the check is about, as the user wrote it (`spec.worker.pagestore.size`, `--size`). */
  field: string;
  message: string;
  fix: string;
}

export function hasErrors(checks: readonly Check[]): boolean {
  return checks.some((c) => c.severity === 'error');
}
