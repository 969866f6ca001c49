/**
 * Where a component's JVM options come from, in the order its JVM reads them (the last of a repeated memory option
 * wins, jvm-options.ts). Cited:
 *
 * 1. `env.JAVA_TOOL_OPTIONS`: HotSpot reads it before the command line; `env._JAVA_OPTIONS` after it, so it
 *    overrides every other source (OpenJDK `hotspot/share/runtime/arguments.cpp`, `Arguments::parse_vm_init_args`).
 * 2. `env.JDK_JAVA_OPTIONS`: the java launcher (JDK 9+) puts it before the command line's own options.
 * 3. `env.ALLUXIO_JAVA_OPTS`: Alluxio's launcher builds a process's options as `${ALLUXIO_JAVA_OPTS}` then the
 *    process's own (`ALLUXIO_WORKER_JAVA_OPTS = {logger} ${ALLUXIO_JAVA_OPTS} ${ALLUXIO_WORKER_JAVA_OPTS}`,
 *    Alluxio/alluxio `cli/src/alluxio.org/cli/processes/worker.go`), and takes it from the pod's environment when
 *    alluxio-env.sh does not set it (`cli/src/alluxio.org/cli/env/env.go`, `InitAlluxioEnv`).
 * 4. The component's own list, `jvmOptions` (the operator's CRD: `JvmOptions []string` and `Env map[string]string`
 *    on each component, Alluxio/k8s-operator `api/v1alpha1/alluxiocluster_types.go`), else the chart's default list.
 *    FUSE: `env.ALLUXIO_FUSE_JVM_OPTS` replaces that list (the chart copy's `templates/helpers/_alluxio-env.tpl`
 *    writes `ALLUXIO_FUSE_JVM_OPTS="${ALLUXIO_FUSE_JVM_OPTS:-<fuse.jvmOptions>}"`).
 * 5. Alluxio's launcher defaults, appended after the options it is given (3, `spec.jvmOptions` and 4): the
 *    worker's `-Xmx4g` and `-XX:MaxDirectMemorySize=4g` when those options lack them (launcher-defaults.ts).
 * 6. `env._JAVA_OPTIONS` (see 1), after the whole command line.
 *
 * Ignored, and reported: `env.ALLUXIO_COORDINATOR_JAVA_OPTS`, `env.ALLUXIO_WORKER_JAVA_OPTS`,
 * `env.ALLUXIO_FUSE_JAVA_OPTS`: the chart's alluxio-env.sh assigns each of them (`_alluxio-env.tpl`) and Alluxio's
 * launcher sets every alluxio-env.sh entry over the pod's environment (env.go).
 *
 * Assumed (no source renders it): `spec.jvmOptions`, the CRD's cluster-wide list ("JVM options common to all
 * Alluxio components", the chart's values.yaml), reaches every component as `ALLUXIO_JAVA_OPTS` does, after
 * `env.ALLUXIO_JAVA_OPTS`; neither the OSS chart (Alluxio/k8s-operator `deploy/charts/alluxio`) nor the unofficial
 * Enterprise chart copy (dodiadodia/alluxio-helm) writes it into alluxio-env.sh. Also assumed: the coordinator's
 * and FUSE's launchers order ALLUXIO_JAVA_OPTS as the worker's does.
 */
import type { FieldReader } from '../core/field-reader.js';
import { isObj, type Obj } from './yaml-object.js';
import { launcherDefaults, type LauncherDefault } from './launcher-defaults.js';

/** One text of JVM options and the field it is written at. */
export interface JvmItem {
  text: string;
  field: string;
}

/** A JVM-options field the manifest writes that the component's JVM never sees, and why. */
export interface JvmIgnored {
  field: string;
  why: string;
  fix: string;
}

export type JvmComponent = 'coordinator' | 'worker' | 'fuse';

/** The process's own variable, which the chart's alluxio-env.sh assigns (so the pod's value is replaced). */
const OWN_VARIABLE: Record<JvmComponent, string> = {
  coordinator: 'ALLUXIO_COORDINATOR_JAVA_OPTS',
  worker: 'ALLUXIO_WORKER_JAVA_OPTS',
  fuse: 'ALLUXIO_FUSE_JAVA_OPTS',
};

/** The component's fields as its pods get them: `o` holds `jvmOptions` and `env`, written at `listPath`/`envPath`. */
export interface JvmFields {
  component: JvmComponent;
  o: Obj;
  listPath: string;
  envPath: string;
  /** The component's default list, when neither jvmOptions nor a replacing variable is written. */
  defaults: readonly string[];
}

export interface JvmSources {
  /** Every option text in the order the JVM reads it. */
  items: JvmItem[];
  /** Where the component's own list is (where a fix adds an option): `jvmOptions` or a variable that replaces it. */
  listField: string;
  /** Whether the component's own list was written (else the chart's default). */
  listGiven: boolean;
  /** The field of `env._JAVA_OPTIONS` when written: it overrides the list, so a fix must edit it there. */
  lateField?: string;
  /** The fields beside the component's own list that contribute options (for the assumptions line). */
  extra: string[];
  /** The options Alluxio's launcher appends because the options it is given lack them. */
  launcher: LauncherDefault[];
  ignored: JvmIgnored[];
}

/** The JVM option sources of one component; `spec` is the AlluxioCluster's spec (for `spec.jvmOptions`). */
export function jvmSources(spec: Obj, f: JvmFields, r: FieldReader): JvmSources {
  const env = readEnv(f.o.env, `${f.envPath}.env`, r);
  const variable = (name: string): JvmItem[] => (env[name] === undefined ? [] : [{ text: env[name], field: `${f.envPath}.env.${name}` }]);
  const cluster = readList(spec.jvmOptions, 'spec.jvmOptions', r);
  const own = ownList(f, env, r);
  const early = [...variable('JAVA_TOOL_OPTIONS'), ...variable('JDK_JAVA_OPTIONS'), ...variable('ALLUXIO_JAVA_OPTS'), ...cluster];
  const late = variable('_JAVA_OPTIONS');
  // The launcher sees ALLUXIO_JAVA_OPTS (spec.jvmOptions assumed there too) and the component's own list.
  const launcher = launcherDefaults(
    f.component,
    [...variable('ALLUXIO_JAVA_OPTS'), ...cluster, ...own.items].map((x) => x.text),
  );
  const ignored: JvmIgnored[] = variable(OWN_VARIABLE[f.component]).map((x) => ({
    field: x.field,
    why: `the chart's alluxio-env.sh sets ${OWN_VARIABLE[f.component]} itself and Alluxio's launcher takes alluxio-env.sh's value over the pod's environment, so "${x.text}" never reaches the JVM`,
    fix: `move these options to ${own.field}${own.given ? '' : " (writing the list replaces the operator's default: keep its -Xmx, -Xms and -XX:MaxDirectMemorySize)"} and remove ${x.field}`,
  }));
  return {
    items: [...early, ...own.items, ...launcher.map((x) => ({ text: x.option, field: x.field })), ...late],
    listField: own.field,
    listGiven: own.given,
    ...(late.length ? { lateField: late[0].field } : {}),
    extra: [...early, ...late].map((x) => x.field.replace(/\[\d+\]$/, '')).filter((x, i, all) => all.indexOf(x) === i),
    launcher,
    ignored,
  };
}

function ownList(f: JvmFields, env: Record<string, string>, r: FieldReader): { items: JvmItem[]; field: string; given: boolean } {
  const written = f.o.jvmOptions;
  if (written !== undefined && written !== null)
    return { items: readList(written, `${f.listPath}.jvmOptions`, r), field: `${f.listPath}.jvmOptions`, given: true };
  if (f.component === 'fuse' && env.ALLUXIO_FUSE_JVM_OPTS !== undefined) {
    const field = `${f.envPath}.env.ALLUXIO_FUSE_JVM_OPTS`;
    return { items: [{ text: env.ALLUXIO_FUSE_JVM_OPTS, field }], field, given: true };
  }
  return { items: f.defaults.map((text, i) => ({ text, field: `${f.listPath}.jvmOptions[${i}]` })), field: `${f.listPath}.jvmOptions`, given: false };
}

function readList(v: unknown, field: string, r: FieldReader): JvmItem[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    r.fail(field, v, 'must be a list of JVM options (strings)', 'write e.g. jvmOptions: ["-Xmx8g", "-Xms8g", "-XX:MaxDirectMemorySize=8g"]');
  }
  return (v as string[]).map((text, i) => ({ text, field: `${field}[${i}]` }));
}

/** The variables ring-sim reads from a component's `env` (the CRD's `map[string]string`). */
const READ_VARIABLES = ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS', 'ALLUXIO_JAVA_OPTS', 'ALLUXIO_FUSE_JVM_OPTS', ...Object.values(OWN_VARIABLE)];

function readEnv(v: unknown, field: string, r: FieldReader): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) r.fail(field, v, 'must be a mapping of variable names to values (the operator reads env as map[string]string)', 'write env:\n  NAME: "value"');
  const out: Record<string, string> = {};
  for (const name of READ_VARIABLES) {
    const value = v[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      r.fail(`${field}.${name}`, value, 'must be a string (the operator reads env as map[string]string)', `quote it: ${name}: "${String(value)}"`);
    out[name] = value;
  }
  return out;
}
