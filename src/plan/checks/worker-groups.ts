/**
 * `spec.worker` beside `spec.workerGroups` (issue 23 item 4): what the operator's merge does that the groups' text
 * does not show (src/plan/worker-template.ts has the rule and its sources).
 */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';
import { GROUP_FORBIDDEN_FIELDS, type GroupFinding } from '../worker-template.js';

const SOURCE = 'operator chart (unofficial copy github.com/dodiadodia/alluxio-helm: values.yaml workerGroups, templates/worker/deployment.yaml)';

function show(v: unknown): string {
  return v === undefined ? "the operator's default" : JSON.stringify(v);
}

function findingCheck(f: GroupFinding): Check {
  if (f.kind === 'flat-fields') {
    const written = f.written as string[];
    const fields = written.join(', ');
    const shared = written.filter((k) => GROUP_FORBIDDEN_FIELDS.includes(k));
    return {
      id: 'worker-group-shape',
      severity: 'warning',
      field: f.field,
      message: `${fields} written at the group's top level: the operator's chart reads a group's worker fields under worker: (workerGroups[i].worker, merged over spec.worker), so these may not be applied; ring-sim plans them as written`,
      fix: `move ${written.filter((k) => !shared.includes(k)).join(', ') || 'them'} under ${f.field}.worker${shared.length ? ` and ${shared.join(', ')} to spec.worker (a group cannot set ${shared.length === 1 ? 'it' : 'them'})` : ''}`,
      source: SOURCE,
    };
  }
  if (f.kind === 'forbidden') {
    const same = JSON.stringify(f.written) === JSON.stringify(f.applied);
    const key = f.field.replace(/^.*?\.worker\.|^spec\.workerGroups\[\d+\]\./, '');
    return {
      id: 'worker-group-field',
      severity: same ? 'info' : 'error',
      field: f.field,
      message: `${JSON.stringify(f.written)} is not read in a worker group: the operator takes ${key} from spec.worker for every group${same ? ', which gives the same value here' : `, so these workers get ${show(f.applied)}, not what the group says`}`,
      fix: `remove ${key} from the group and set spec.worker.${key} (one value for every group)`,
      source: SOURCE,
    };
  }
  return {
    id: 'worker-group-empty-value',
    severity: 'warning',
    field: f.field,
    message: `${JSON.stringify(f.written)} is not applied: the group is merged over spec.worker with Helm's mergeOverwrite, which keeps spec.worker's ${show(f.applied)} where a group writes an empty value (false, 0, "", an empty list)`,
    fix: `remove ${f.field.replace(/^spec\.workerGroups\[\d+\]\.(worker\.)?/, '')} from spec.worker and set it in each group`,
    source: SOURCE,
  };
}

export function workerGroupChecks(c: PlanContext): Check[] {
  return c.manifest.groupFindings.map(findingCheck);
}
