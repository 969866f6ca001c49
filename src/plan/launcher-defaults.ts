/**
 * The memory options Alluxio's launcher adds to a process's command line when the options it was given lack them
 * (Alluxio 3.x, the version the guide installs). Cited, Alluxio/alluxio `cli/src/alluxio.org/cli/processes/`:
 *
 * - `worker.go` (`WorkerProcess.Start`): after the worker's options (`ALLUXIO_JAVA_OPTS` then
 *   `ALLUXIO_WORKER_JAVA_OPTS`, which the chart fills from `jvmOptions`) it appends `-Xmx4g` when their text contains
 *   neither `-Xmx` nor `MaxRAMPercentage`, and `-XX:MaxDirectMemorySize=4g` when it does not contain
 *   `-XX:MaxDirectMemorySize`. The test is on the text (a substring), so `-XX:MaxHeapSize=8g` alone does not stop
 *   the `-Xmx4g`, which comes later on the command line and wins.
 * - `master.go` appends `-Xmx8g` (same test) to the open-source master; the 3.x coordinator is the Enterprise
 *   image's own process, whose launcher is not published, so ring-sim assumes no default for it.
 * - FUSE: the open-source 3.x launcher, `dora/integration/fuse/bin/alluxio-fuse`, passes `ALLUXIO_FUSE_JAVA_OPTS`
 *   as they are, with no memory default.
 *
 * Where no default applies the JVM's own rule stays: the heap is `MaxRAMPercentage` (25 %) of the container's limit.
 * The launcher sees only its own variables: options in `JAVA_TOOL_OPTIONS`, `JDK_JAVA_OPTIONS` or `_JAVA_OPTIONS`
 * do not stop a default (the JVM reads `_JAVA_OPTIONS` after the command line, so it still overrides one).
 */

/** An option the launcher adds, the pseudo-field it is located at, and why it was added. */
export interface LauncherDefault {
  option: string;
  field: string;
  why: string;
}

type Component = 'coordinator' | 'worker' | 'fuse';

/** Where a default is cited: shown in assumptions and checks. */
export const LAUNCHER_SOURCE = 'Alluxio/alluxio cli/src/alluxio.org/cli/processes/worker.go';

interface Rule {
  /** The option added, and the texts whose presence in the options stops it. */
  option: string;
  unless: readonly string[];
  why: string;
}

const RULES: Record<Component, readonly Rule[]> = {
  worker: [
    { option: '-Xmx4g', unless: ['-Xmx', 'MaxRAMPercentage'], why: "Alluxio's worker launcher default, no -Xmx in the options" },
    {
      option: '-XX:MaxDirectMemorySize=4g',
      unless: ['-XX:MaxDirectMemorySize'],
      why: "Alluxio's worker launcher default, no -XX:MaxDirectMemorySize in the options",
    },
  ],
  coordinator: [],
  fuse: [],
};

/** The field a launcher default is located at (not a manifest field: checks name it by `why`). */
export const LAUNCHER_FIELD = 'launcher';

/** The options the component's launcher appends, given the option texts it is passed (in any order). */
export function launcherDefaults(component: Component, seen: readonly string[]): LauncherDefault[] {
  const text = seen.join(' ');
  return RULES[component].flatMap((r, i) =>
    r.unless.some((u) => text.includes(u)) ? [] : [{ option: r.option, field: `${LAUNCHER_FIELD}.${component}[${i}]`, why: r.why }],
  );
}

/** Whether an option's field is a launcher default's. */
export function isLauncherField(field: string): boolean {
  return field.startsWith(`${LAUNCHER_FIELD}.`);
}
