/**
 * `spec.worker` beside `spec.workerGroups`, read as the operator reads it. The operator renders its Helm chart with
 * the AlluxioCluster's spec as the chart's values (Alluxio/k8s-operator `create_alluxiocluster.go`: the spec is
 * marshalled to a values file for `helm install -f`). The chart (an unofficial copy, github.com/dodiadodia/alluxio-helm,
 * `templates/worker/deployment.yaml`) builds each group's workers from
 * `mergeOverwrite (deepCopy .Values.worker) $group.worker`: `spec.worker` is the template and the group wins field
 * by field. Its `values.yaml` lists the fields a group must not set, because the templates read them from
 * `.Values.worker` only: `type`, `useExternalId`, `ports`, `pagestore.type`, `metastore.type`, `log.type`,
 * `systemInfo.type`.
 *
 * `mergeOverwrite` is Sprig's, on mergo's `WithOverride`: mappings merge key by key; any other value of the group
 * replaces the template's, lists whole, except an empty one (`false`, `0`, `""`, null, an empty list or mapping),
 * which leaves the template's value in place.
 */
import { at, isObj, type Obj } from './yaml-object.js';

/** Fields the chart reads from `spec.worker` only: a group's own value is not used. */
export const GROUP_FORBIDDEN_FIELDS: readonly string[] = ['type', 'useExternalId', 'ports', 'pagestore.type', 'metastore.type', 'log.type', 'systemInfo.type'];

/**
 * The chart's values.yaml defaults of those fields (ports: its named ports, not modelled). Not `useExternalId`:
 * its default is not established (checks/identity.ts), so a group's workers get "the operator's default".
 */
const FORBIDDEN_DEFAULTS: Record<string, unknown> = {
  type: 'StatefulSet',
  'pagestore.type': 'hostPath',
  'metastore.type': 'hostPath',
  'log.type': 'hostPath',
  'systemInfo.type': 'hostPath',
};

/** What the merge did that the group's text does not show. */
export interface GroupFinding {
  kind: 'forbidden' | 'empty-kept' | 'flat-fields';
  /** The group's field (`spec.workerGroups[1].pagestore.type`). */
  field: string;
  written: unknown;
  /** The value the group's workers get (from spec.worker, or the operator's default when undefined). */
  applied: unknown;
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObj(v) && Object.keys(v).length === 0;
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

/** Sprig's `mergeOverwrite dst src` on a deep copy of `dst`; `kept` lists the group's empty values that did not apply. */
export function mergeOverwrite(dst: Obj, src: Obj, prefix: string, kept: GroupFinding[]): Obj {
  const out = clone(dst) as Obj;
  for (const [k, v] of Object.entries(src)) {
    const d = out[k];
    if (isObj(d) && isObj(v)) out[k] = mergeOverwrite(d, v, `${prefix}.${k}`, kept);
    else if (!(k in out)) out[k] = clone(v);
    else if (!isEmpty(v)) out[k] = clone(v);
    else if (!isEmpty(d) && JSON.stringify(d) !== JSON.stringify(v)) kept.push({ kind: 'empty-kept', field: `${prefix}.${k}`, written: v, applied: d });
  }
  return out;
}

function withPath(o: Obj, path: readonly string[], value: unknown): void {
  let v: Obj = o;
  for (const k of path.slice(0, -1)) {
    if (!isObj(v[k])) return;
    v = v[k] as Obj;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete v[last];
  else v[last] = clone(value);
}

/**
 * A group's worker fields as its workers get them: under `worker:` (the chart's shape), or at the group's top
 * level (ring-sim's earlier reading, kept and flagged), merged over `spec.worker`, with the fields a group must
 * not set put back to the template's value.
 */
export function groupWorkerSpec(group: Obj, template: Obj | undefined, path: string, findings: GroupFinding[]): Obj {
  const nested = isObj(group.worker);
  const own = nested ? (group.worker as Obj) : Object.fromEntries(Object.entries(group).filter(([k]) => k !== 'name' && k !== 'properties'));
  const ownPath = nested ? `${path}.worker` : path;
  if (!nested && Object.keys(own).length > 0) findings.push({ kind: 'flat-fields', field: path, written: Object.keys(own), applied: undefined });
  const kept: GroupFinding[] = [];
  const merged = template ? mergeOverwrite(template, own, ownPath, kept) : (clone(own) as Obj);
  const forbidden = new Set(GROUP_FORBIDDEN_FIELDS.map((f) => `${ownPath}.${f}`));
  findings.push(...kept.filter((k) => !forbidden.has(k.field)));
  for (const f of GROUP_FORBIDDEN_FIELDS) {
    const keys = f.split('.');
    const written = at(own, keys);
    if (written === undefined) continue;
    const fromTemplate = template ? at(template, keys) : undefined;
    findings.push({ kind: 'forbidden', field: `${ownPath}.${f}`, written, applied: fromTemplate ?? FORBIDDEN_DEFAULTS[f] });
    withPath(merged, keys, fromTemplate);
  }
  return merged;
}
