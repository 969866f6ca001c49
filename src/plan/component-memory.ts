/**
 * The memory of the coordinator, each worker group and FUSE (guide D.4, OOM): the container's
 * `resources.limits.memory` and `resources.requests.memory` (Kubernetes quantities) and the JVM's memory options.
 * The operator's CRD gives each component `jvmOptions` (a list of strings), `env` and `resources` with
 * `limits`/`requests` `memory`, and the spec a cluster-wide `jvmOptions` (Alluxio/k8s-operator
 * `api/v1alpha1/alluxiocluster_types.go`; that CRD names the coordinator `master`, the Enterprise chart copy below
 * `coordinator`). Where the options come from and in what order the JVM reads them: jvm-sources.ts.
 *
 * The operator renders its chart with the spec as Helm values, so what a field omits comes from the chart's
 * `values.yaml` (an unofficial copy, github.com/dodiadodia/alluxio-helm): mappings merge key by key, so a manifest
 * that writes only `limits.memory` keeps the default `requests.memory`; a list replaces the default list whole, so
 * a `jvmOptions` without `-Xmx` leaves the JVM's own default heap. The chart's `templates/helpers/_alluxio-env.tpl`
 * puts each component's `jvmOptions` after its built-in `-D` options.
 *
 * FUSE overrides: `spec.fuse.overrides[]` (the chart copy's values.yaml: "Per-node-group overrides for CSI fuse
 * pods", each with `name`, `nodeSelector`, `resources` and `jvmOptions`, "Only effective when fuse.type is csi",
 * passed to the FuseSet by `templates/csi/csi-fuse.yaml`). How the FuseSet applies one is not published: ring-sim
 * assumes an override's `resources` merge key by key over `spec.fuse.resources` and its `jvmOptions` replace
 * FUSE's list on the nodes it selects, each override planned as a FUSE of its own beside the default one.
 */
import { parseQuantity } from '../capacity/quantity.js';
import { readJvmMemoryItems, type JvmMemoryOptions } from '../capacity/jvm-options.js';
import type { FieldReader } from '../core/field-reader.js';
import { at, isObj, type Obj } from './yaml-object.js';
import { jvmSources, type JvmIgnored, type JvmFields } from './jvm-sources.js';
import { LAUNCHER_SOURCE, type LauncherDefault } from './launcher-defaults.js';

/** A memory quantity as the container gets it: the text, its bytes, and whether the manifest wrote it. */
export interface MemoryQuantity {
  text: string;
  bytes: bigint;
  given: boolean;
}

export interface ComponentMemory {
  component: keyof typeof OPERATOR_MEMORY_DEFAULTS;
  /** `coordinator`, `worker`, `worker group large`, `FUSE`, `FUSE override high-memory`. */
  label: string;
  /** Where the component's resources are (`spec.worker`, `spec.workerGroups[1].worker`, `spec.fuse.overrides[0]`). */
  path: string;
  limit: MemoryQuantity;
  request: MemoryQuantity;
  jvm: JvmMemoryOptions;
  /** Whether the component's own list was written (else the operator's default list). */
  jvmGiven: boolean;
  /** Where the component's own list is, where a fix adds an option (`spec.worker.jvmOptions`). */
  listField: string;
  /** `env._JAVA_OPTIONS` when written: read after every other source, so a fix edits an option there. */
  lateField?: string;
  /** Fields beside the own list that give options (`spec.jvmOptions`, `spec.worker.env.JAVA_TOOL_OPTIONS`). */
  extraSources: string[];
  /** JVM-options fields written where the JVM never reads them. */
  ignored: JvmIgnored[];
  /** The options Alluxio's launcher adds because the component's options lack them (launcher-defaults.ts). */
  launcher: LauncherDefault[];
}

/** The chart's defaults (values.yaml of the unofficial copy): JVM memory options, limits.memory, requests.memory. */
export const OPERATOR_MEMORY_DEFAULTS = {
  coordinator: { jvmOptions: ['-Xmx4g', '-Xms4g', '-XX:MaxDirectMemorySize=4g'], limit: '10Gi', request: '8Gi' },
  worker: { jvmOptions: ['-Xmx8g', '-Xms8g', '-XX:MaxDirectMemorySize=8g'], limit: '20Gi', request: '16Gi' },
  fuse: { jvmOptions: ['-Xmx4g', '-Xms4g', '-XX:MaxDirectMemorySize=8g'], limit: '16Gi', request: '12Gi' },
} as const;

/** One component as the plan reads it: its fields merged as its pods get them, and where each part is written. */
interface ComponentFields {
  component: ComponentMemory['component'];
  label: string;
  /** Where its resources are written. */
  path: string;
  o: Obj;
  listPath: string;
  envPath: string;
}

/** The memory of every component the cluster runs; `groups` are the worker groups with their merged worker fields. */
export function readComponentMemory(spec: Obj, groups: ReadonlyArray<{ name: string; path: string; spec: Obj }>, r: FieldReader): ComponentMemory[] {
  const one = (component: ComponentMemory['component'], label: string, path: string, o: Obj): ComponentFields => ({
    component,
    label,
    path,
    o,
    listPath: path,
    envPath: path,
  });
  const components = [
    one('coordinator', 'coordinator', 'spec.coordinator', isObj(spec.coordinator) ? spec.coordinator : {}),
    ...groups.map((g) => one('worker', groups.length > 1 ? `worker group ${g.name}` : 'worker', g.path, g.spec)),
  ];
  const overrideFindings: JvmIgnored[] = [];
  if (at(spec, ['fuse', 'enabled']) !== false) {
    const fuse = isObj(spec.fuse) ? spec.fuse : {};
    components.push(one('fuse', 'FUSE', 'spec.fuse', fuse), ...fuseOverrides(fuse, r, overrideFindings));
  }
  const out = components.map((c) => readOne(spec, c, r));
  out.find((m) => m.path === 'spec.fuse')?.ignored.push(...overrideFindings);
  return out;
}

/** Each `spec.fuse.overrides[i]` as a FUSE of its own (assumed merge: see the head of this file). */
function fuseOverrides(fuse: Obj, r: FieldReader, ignored: JvmIgnored[]): ComponentFields[] {
  const list = fuse.overrides;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) r.fail('spec.fuse.overrides', list, 'must be a list', 'write overrides: [{ name:, nodeSelector:, resources:, jvmOptions: }]');
  const type = fuse.type ?? 'csi';
  if (type !== 'csi') {
    if (list.length)
      ignored.push({
        field: 'spec.fuse.overrides',
        why: `the chart applies FUSE overrides only when fuse.type is csi (values.yaml of the chart copy), and fuse.type is ${String(type)}: their resources and jvmOptions are not used`,
        fix: 'remove spec.fuse.overrides, or use fuse.type: csi (the default)',
      });
    return [];
  }
  return list.map((raw, i) => {
    const path = `spec.fuse.overrides[${i}]`;
    const ov = r.mapping(raw, path, 'must be a mapping', 'write name:, nodeSelector:, resources: and jvmOptions: under it');
    const name = typeof ov.name === 'string' && ov.name !== '' ? ov.name : String(i);
    const given = ov.jvmOptions !== undefined && ov.jvmOptions !== null;
    const o: Obj = { ...fuse, resources: mergeMappings(fuse.resources, ov.resources), jvmOptions: given ? ov.jvmOptions : fuse.jvmOptions };
    return { component: 'fuse' as const, label: `FUSE override ${name}`, path, o, listPath: given ? path : 'spec.fuse', envPath: 'spec.fuse' };
  });
}

/** `b` merged over `a` key by key (mappings in mappings too), as Helm merges values. */
function mergeMappings(a: unknown, b: unknown): unknown {
  if (!isObj(a) || !isObj(b)) return b ?? a;
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = mergeMappings(a[k], v);
  return out;
}

function readOne(spec: Obj, c: ComponentFields, r: FieldReader): ComponentMemory {
  const d = OPERATOR_MEMORY_DEFAULTS[c.component];
  const f: JvmFields = { component: c.component, o: c.o, listPath: c.listPath, envPath: c.envPath, defaults: d.jvmOptions };
  const sources = jvmSources(spec, f, r);
  const quantity = (kind: 'limits' | 'requests', fallback: string): MemoryQuantity =>
    memoryQuantity(at(c.o, ['resources', kind, 'memory']), fallback, `${c.path}.resources.${kind}.memory`, r);
  return {
    component: c.component,
    label: c.label,
    path: c.path,
    limit: quantity('limits', d.limit),
    request: quantity('requests', d.request),
    jvm: readJvmMemoryItems(sources.items),
    jvmGiven: sources.listGiven,
    listField: sources.listField,
    ...(sources.lateField ? { lateField: sources.lateField } : {}),
    extraSources: sources.extra,
    ignored: sources.ignored,
    launcher: sources.launcher,
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
  return `memory (guide D.4): ${defaults}${launcherAssumption(memory)}${sourcesAssumption(memory)}Alluxio's worker launcher adds -Xmx4g when the worker's options hold no -Xmx or MaxRAMPercentage and -XX:MaxDirectMemorySize=4g when they hold no -XX:MaxDirectMemorySize (Alluxio 3.x, ${LAUNCHER_SOURCE}); the coordinator's and FUSE's launchers publish no such default, so without -Xmx their heap is MaxRAMPercentage (25 % by default) of limits.memory; without -XX:MaxDirectMemorySize direct memory may grow to the heap's size (OpenJDK); the margin left for metaspace, threads and native memory is a ring-sim model (1 GiB or 10 % of the limit)`;
}

/** The launcher defaults each component took: `worker heap -Xmx4g: Alluxio's worker launcher default, ...`. */
function launcherAssumption(memory: readonly ComponentMemory[]): string {
  const taken = memory.flatMap((m) => m.launcher.map((x) => `${m.label} ${x.option.startsWith('-Xmx') ? 'heap' : 'direct memory'} ${x.option}: ${x.why}`));
  return taken.length ? `${taken.join('; ')} (${LAUNCHER_SOURCE}); ` : '';
}

/** What the line says when options come from beyond each component's own list, or FUSE overrides are planned. */
function sourcesAssumption(memory: readonly ComponentMemory[]): string {
  const extra = memory.flatMap((m) => m.extraSources).filter((x, i, all) => all.indexOf(x) === i);
  const overrides = memory.some((m) => m.path.startsWith('spec.fuse.overrides['));
  const parts = [
    ...(extra.length
      ? [
          `JVM options also read from ${extra.join(', ')}, in the order the JVM reads them (env JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, ALLUXIO_JAVA_OPTS, spec.jvmOptions, the component's jvmOptions, env _JAVA_OPTIONS; the last of a repeated option wins; HotSpot arguments.cpp, Alluxio's launcher)${extra.includes('spec.jvmOptions') ? ', spec.jvmOptions assumed to reach every component as ALLUXIO_JAVA_OPTS (no chart source renders it)' : ''}`,
        ]
      : []),
    ...(overrides ? ["each FUSE override assumed to merge its resources over spec.fuse's and replace FUSE's jvmOptions on its nodes"] : []),
  ];
  return parts.length ? `${parts.join('; ')}; ` : '';
}
