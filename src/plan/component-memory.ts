/**
 * The memory of the coordinator, each worker group and FUSE (guide D.4, OOM): the container's
 * `resources.limits.memory` and `resources.requests.memory` (Kubernetes quantities) and the JVM's memory options
 * from `jvmOptions`, the operator's field: a list of strings on `spec.coordinator`, `spec.worker` (and each worker
 * group) and `spec.fuse` (Alluxio/k8s-operator `api/v1alpha1/alluxiocluster_types.go`: `JvmOptions []string
 * json:"jvmOptions"` and `Resources` with `limits`/`requests` `memory` on each component's spec).
 *
 * The operator renders its chart with the spec as Helm values, so what a field omits comes from the chart's
 * `values.yaml` (an unofficial copy, github.com/dodiadodia/alluxio-helm): mappings merge key by key, so a manifest
 * that writes only `limits.memory` keeps the default `requests.memory`; a list replaces the default list whole, so
 * a `jvmOptions` without `-Xmx` leaves the JVM's own default heap. The chart's `templates/helpers/_alluxio-env.tpl`
 * puts each component's `jvmOptions` after its built-in `-D` options; `spec.jvmOptions` is not used by it.
 */
import { parseQuantity } from '../capacity/quantity.js';
import { readJvmMemoryOptions, type JvmMemoryOptions } from '../capacity/jvm-options.js';
import type { FieldReader } from '../core/field-reader.js';
import { at, isObj, type Obj } from './yaml-object.js';

/** A memory quantity as the container gets it: the text, its bytes, and whether the manifest wrote it. */
export interface MemoryQuantity {
  text: string;
  bytes: bigint;
  given: boolean;
}

export interface ComponentMemory {
  component: keyof typeof OPERATOR_MEMORY_DEFAULTS;
  /** `coordinator`, `worker`, `worker group large`, `FUSE`. */
  label: string;
  /** Where the component's fields are (`spec.worker`, `spec.workerGroups[1].worker`). */
  path: string;
  limit: MemoryQuantity;
  request: MemoryQuantity;
  jvm: JvmMemoryOptions;
  /** Whether jvmOptions was written (else the operator's default list). */
  jvmGiven: boolean;
}

/** The chart's defaults (values.yaml of the unofficial copy): JVM memory options, limits.memory, requests.memory. */
export const OPERATOR_MEMORY_DEFAULTS = {
  coordinator: { jvmOptions: ['-Xmx4g', '-Xms4g', '-XX:MaxDirectMemorySize=4g'], limit: '10Gi', request: '8Gi' },
  worker: { jvmOptions: ['-Xmx8g', '-Xms8g', '-XX:MaxDirectMemorySize=8g'], limit: '20Gi', request: '16Gi' },
  fuse: { jvmOptions: ['-Xmx4g', '-Xms4g', '-XX:MaxDirectMemorySize=8g'], limit: '16Gi', request: '12Gi' },
} as const;

/** The memory of every component the cluster runs; `groups` are the worker groups with their merged worker fields. */
export function readComponentMemory(spec: Obj, groups: ReadonlyArray<{ name: string; path: string; spec: Obj }>, r: FieldReader): ComponentMemory[] {
  const out: ComponentMemory[] = [];
  out.push(readOne(isObj(spec.coordinator) ? spec.coordinator : {}, 'spec.coordinator', 'coordinator', 'coordinator', r));
  for (const g of groups) out.push(readOne(g.spec, g.path, groups.length > 1 ? `worker group ${g.name}` : 'worker', 'worker', r));
  if (at(spec, ['fuse', 'enabled']) !== false) out.push(readOne(isObj(spec.fuse) ? spec.fuse : {}, 'spec.fuse', 'FUSE', 'fuse', r));
  return out;
}

function readOne(o: Obj, path: string, label: string, component: ComponentMemory['component'], r: FieldReader): ComponentMemory {
  const d = OPERATOR_MEMORY_DEFAULTS[component];
  const written = o.jvmOptions;
  const jvmGiven = written !== undefined && written !== null;
  if (jvmGiven && (!Array.isArray(written) || written.some((x) => typeof x !== 'string'))) {
    r.fail(
      `${path}.jvmOptions`,
      written,
      'must be a list of JVM options (strings)',
      'write e.g. jvmOptions: ["-Xmx8g", "-Xms8g", "-XX:MaxDirectMemorySize=8g"]',
    );
  }
  const jvm = readJvmMemoryOptions(jvmGiven ? (written as string[]) : d.jvmOptions, `${path}.jvmOptions`);
  return {
    component,
    label,
    path,
    limit: memoryQuantity(at(o, ['resources', 'limits', 'memory']), d.limit, `${path}.resources.limits.memory`, r),
    request: memoryQuantity(at(o, ['resources', 'requests', 'memory']), d.request, `${path}.resources.requests.memory`, r),
    jvm,
    jvmGiven,
  };
}

function memoryQuantity(v: unknown, fallback: string, field: string, r: FieldReader): MemoryQuantity {
  if (v === undefined || v === null) return { text: fallback, bytes: parseQuantity(fallback).bytes, given: false };
  const text = typeof v === 'number' ? String(v) : v;
  if (typeof text !== 'string') r.fail(field, v, 'must be a Kubernetes quantity', 'write e.g. 20Gi');
  let bytes: bigint;
  try {
    const q = parseQuantity(text);
    if (q.sign < 0) throw new Error('negative');
    bytes = q.bytes;
  } catch {
    r.fail(
      field,
      text,
      'is not a Kubernetes memory quantity (Kubernetes rejects the pod)',
      `write e.g. ${/^\d+[KMGTPE]B$/i.test(text) ? `${text.slice(0, -2)}${text.at(-2)!.toUpperCase()}i` : '20Gi'}`,
    );
  }
  return { text, bytes, given: true };
}

/** The assumption line of the memory checks: the operator's defaults each component took, and the models. */
export function memoryAssumption(memory: readonly ComponentMemory[]): string {
  const taken = memory.flatMap((m) => {
    const parts = [
      ...(m.jvmGiven ? [] : [`jvmOptions ${OPERATOR_MEMORY_DEFAULTS[m.component].jvmOptions.join(' ')}`]),
      ...(m.limit.given ? [] : [`limits.memory ${m.limit.text}`]),
      ...(m.request.given ? [] : [`requests.memory ${m.request.text}`]),
    ];
    return parts.length ? [`${m.label} ${parts.join(', ')}`] : [];
  });
  const defaults = taken.length
    ? `the operator's defaults where the manifest is silent (values.yaml of an unofficial copy of its chart, github.com/dodiadodia/alluxio-helm): ${taken.join('; ')}; `
    : '';
  return `memory (guide D.4): ${defaults}without -XX:MaxDirectMemorySize direct memory may grow to the heap's size (OpenJDK), without -Xmx the heap is MaxRAMPercentage (25 % by default) of limits.memory; the margin left for metaspace, threads and native memory is a ring-sim model (1 GiB or 10 % of the limit)`;
}
