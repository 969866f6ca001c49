/**
 * Memory of the coordinator, the workers and FUSE (guide D.4: "OOM 终止 — Exit Code 137 or OutOfMemoryError; raise
 * the container's memory limit and tune -Xmx / -XX:MaxDirectMemorySize"). The JVM's heap (`-Xmx`) and direct
 * memory (`-XX:MaxDirectMemorySize`, the heap's size when not given) can both fill up under load; their sum above
 * `resources.limits.memory` gets the container OOM-killed (exit code 137). What is left beside them holds
 * metaspace, thread stacks, the JIT's code cache, the GC's own structures and native buffers (RocksDB metastore,
 * the page store's memory); below `JVM_NATIVE_MARGIN` ring-sim warns (a ring-sim model: the guide and the operator
 * give no figure). A request above its limit is rejected by Kubernetes ("must be less than or equal to memory
 * limit"), so the pods are never created. Every fix names sizes that pass these checks.
 */
import type { Check } from '../../core/check.js';
import { formatBinary } from '../../core/units.js';
import { maxDirectBytes, maxHeapBytes } from '../../capacity/jvm-options.js';
import { jvmSizeFloor } from '../../capacity/jvm-size.js';
import type { PlanContext } from '../context.js';
import type { ComponentMemory } from '../component-memory.js';
import { isLauncherField, LAUNCHER_SOURCE } from '../launcher-defaults.js';

const GiB = 1n << 30n;
/** The model margin beside heap and direct memory: at least 1 GiB, and at least 10 % of the limit. */
export const JVM_NATIVE_MARGIN = { minBytes: GiB, percent: 10n } as const;
const MARGIN_TEXT = 'ring-sim model: 1 GiB or 10 % of the limit, whichever is larger';

export function jvmMarginBytes(limitBytes: bigint): bigint {
  const share = (limitBytes * JVM_NATIVE_MARGIN.percent + 99n) / 100n;
  return share > JVM_NATIVE_MARGIN.minBytes ? share : JVM_NATIVE_MARGIN.minBytes;
}

/** Whether a limit leaves the model margin beside `usedBytes` of heap and direct memory. */
export function limitPasses(limitBytes: bigint, usedBytes: bigint): boolean {
  return limitBytes - usedBytes >= jvmMarginBytes(limitBytes);
}

export function memoryChecks(c: PlanContext): Check[] {
  return c.manifest.memory.flatMap(componentChecks);
}

const DEFAULT = " (the operator's default)";
const OF_OPERATOR = ", the operator's default";

function componentChecks(m: ComponentMemory): Check[] {
  return [...sourceChecks(m), ...limitChecks(m)];
}

/** JVM options written where the JVM never reads them, or replaced by a later option from another field. */
function sourceChecks(m: ComponentMemory): Check[] {
  const ignored = m.ignored.map((x) => ({
    id: 'jvm-options-ignored',
    severity: 'warning' as const,
    field: x.field,
    message: `${m.label}: ${x.why}`,
    fix: x.fix,
    source: "guide D.4; the chart's _alluxio-env.tpl (unofficial copy), Alluxio's launcher (cli/env/env.go)",
  }));
  const base = (field: string): string => field.replace(/\[\d+\]$/, '');
  const overridden = (m.jvm.overridden ?? [])
    // Only options the manifest wrote: the default list giving way to a written option is what the operator meant.
    // A launcher default that a later option replaces is the launcher's business, not the manifest's.
    .filter((x) => base(x.field) !== base(x.by.field) && !fromDefaultList(m, x.field) && !isLauncherField(x.field))
    .map((x) =>
      isLauncherField(x.by.field)
        ? byLauncher(m, x)
        : {
            id: 'jvm-option-overridden',
            severity: 'info' as const,
            field: x.field,
            message: `${m.label}: ${x.option} is replaced by ${x.by.option} at ${x.by.field}${fromDefaultList(m, x.by.field) ? " (the operator's default list)" : ''}, which the JVM reads later (the last of a repeated option wins), so ${x.option} has no effect`,
            fix: `to use ${x.option}, write it in ${base(x.by.field)}${fromDefaultList(m, x.by.field) ? " (writing the list replaces the operator's default: keep -Xmx, -Xms and -XX:MaxDirectMemorySize in it)" : ''}, or remove it from ${base(x.field)}`,
            source:
              'HotSpot (arguments.cpp: JAVA_TOOL_OPTIONS, then the command line, then _JAVA_OPTIONS); Alluxio launcher (ALLUXIO_JAVA_OPTS before the process options)',
          },
    );
  return [...ignored, ...overridden];
}

type Overridden = NonNullable<ComponentMemory['jvm']['overridden']>[number];

/** An option the launcher's default replaces: `-XX:MaxHeapSize=` (no "-Xmx" in the text), or one the launcher never sees. */
function byLauncher(m: ComponentMemory, x: Overridden): Check {
  const why = m.launcher.find((d) => d.option === x.by.option)?.why ?? "Alluxio's launcher default";
  const wanted = x.option.replace(/^-XX:MaxHeapSize=/, '-Xmx');
  return {
    id: 'jvm-option-overridden',
    severity: 'info',
    field: x.field,
    message: `${m.label}: ${x.option} is replaced by ${x.by.option} (${why}), which the launcher puts after it on the command line (the last of a repeated option wins), so ${x.option} has no effect`,
    fix: `write ${wanted} in ${m.listField}: the launcher adds ${x.by.option} only when the options it is given (ALLUXIO_JAVA_OPTS and jvmOptions) hold no ${x.by.option.startsWith('-Xmx') ? '-Xmx or MaxRAMPercentage' : '-XX:MaxDirectMemorySize'}`,
    source: `${LAUNCHER_SOURCE}; HotSpot (arguments.cpp)`,
  };
}

/** Whether an option at `field` comes from the operator's default list (the manifest wrote no list). */
function fromDefaultList(m: ComponentMemory, field: string): boolean {
  return !m.jvmGiven && field.startsWith(`${m.listField}[`);
}

function limitChecks(m: ComponentMemory): Check[] {
  const out: Check[] = m.jvm.invalid.map((x) => ({
    id: 'jvm-option-invalid',
    severity: 'error' as const,
    field: x.field,
    message: `${m.label}: ${x.option}: the JVM refuses it ("${x.problem}: ${x.option}") and exits at start, so the pod crash-loops`,
    fix: 'write a size as HotSpot reads it: a whole number with k, m, g or t (e.g. -Xmx8g, -XX:MaxDirectMemorySize=8g), no "b" and no decimals',
    source: 'guide D.4; HotSpot (arguments.cpp)',
  }));
  const { limit, request } = m;
  if (request.bytes > limit.bytes) out.push(requestOverLimit(m));
  const { maxHeap, initialHeap } = m.jvm;
  if (maxHeap && initialHeap && initialHeap.bytes > maxHeap.bytes) {
    out.push({
      id: 'jvm-heap-min-over-max',
      severity: 'error',
      field: initialHeap.field,
      message: `${m.label}: ${initialHeap.option} is more than ${maxHeap.option}: the JVM refuses to start ("Initial heap size set to a larger value than the maximum heap size")`,
      fix: `set -Xms${maxHeap.option.replace(/^-Xmx|^-XX:MaxHeapSize=/, '')} (the same as -Xmx, as the operator's defaults do) or lower`,
      source: 'guide D.4; HotSpot (arguments.cpp)',
    });
  }
  const heap = maxHeapBytes(m.jvm, limit.bytes);
  const direct = maxDirectBytes(m.jvm, heap);
  if (heap !== undefined && direct !== undefined) out.push(...headroomChecks(m, heap, direct));
  return out;
}

function requestOverLimit(m: ComponentMemory): Check {
  const { limit, request } = m;
  return {
    id: 'memory-request-over-limit',
    severity: 'error',
    field: `${m.path}.resources.requests.memory`,
    message: `${m.label}: requests.memory ${request.text}${request.given ? '' : DEFAULT} is more than limits.memory ${limit.text}${limit.given ? '' : DEFAULT}: Kubernetes rejects the pod template ("must be less than or equal to memory limit") and no ${m.label} pod is created`,
    fix: `set ${m.path}.resources.requests.memory to at most ${limit.text} (e.g. ${limit.text}), or raise limits.memory to at least ${request.text}`,
    source: 'guide D.4; Kubernetes (resource requests and limits)',
  };
}

function headroomChecks(m: ComponentMemory, heap: bigint, direct: bigint): Check[] {
  const { limit } = m;
  const used = heap + direct;
  const left = limit.bytes - used;
  const margin = jvmMarginBytes(limit.bytes);
  if (left >= margin) return [];
  const what = `${heapText(m, heap)} plus ${directText(m, direct)} = ${formatBinary(used)}`;
  const limitText = `limits.memory ${limit.text} (${formatBinary(limit.bytes)}${limit.given ? '' : OF_OPERATOR})`;
  const over = left < 0n;
  return [
    {
      id: over ? 'jvm-memory-over-limit' : 'jvm-memory-headroom',
      severity: over ? 'error' : 'warning',
      field: `${m.path}.resources.limits.memory`,
      message: over
        ? `${m.label}: the JVM may use ${what}, more than ${limitText}: under load the kernel OOM-kills the container (Exit Code 137) and the pod restarts`
        : `${m.label}: ${what} leave ${formatBinary(left)} of ${limitText} for metaspace, thread stacks, code cache, GC and native buffers, less than the ${formatBinary(margin)} margin (${MARGIN_TEXT}): the container may be OOM-killed (Exit Code 137)`,
      fix: headroomFix(m, heap, direct),
      source: `guide D.4 (OOM, Exit Code 137)${over ? '' : `; ${MARGIN_TEXT}`}`,
    },
  ];
}

/** Where an option the message names comes from, when not from the component's own written list. */
function origin(m: ComponentMemory, field: string): string {
  if (fromDefaultList(m, field)) return OF_OPERATOR;
  const launcher = m.launcher.find((d) => d.field === field);
  if (launcher) return `, ${launcher.why}`;
  return field.startsWith(m.listField) ? '' : `, ${field}`;
}

function heapText(m: ComponentMemory, heap: bigint): string {
  const x = m.jvm.maxHeap;
  if (x) return `heap ${x.option} (${formatBinary(heap)}${origin(m, x.field)})`;
  const p = m.jvm.maxRamPercentage;
  return `heap ${formatBinary(heap)} (no -Xmx: ${p ? p.option : "HotSpot's default MaxRAMPercentage 25"} of the limit)`;
}

function directText(m: ComponentMemory, direct: bigint): string {
  const x = m.jvm.maxDirect;
  if (x) return `direct memory ${x.option} (${formatBinary(direct)}${origin(m, x.field)})`;
  return `direct memory ${formatBinary(direct)} (no -XX:MaxDirectMemorySize: the JVM allows as much as the heap)`;
}

/** Raise the limit to the least whole Gi that passes, or lower direct memory to what the limit leaves. */
function headroomFix(m: ComponentMemory, heap: bigint, direct: bigint): string {
  const parts: string[] = [];
  const limit = passingLimit(m, heap, direct);
  if (limit)
    parts.push(
      `raise ${m.path}.resources.limits.memory to ${limit.size}${m.request.bytes > limit.sizeBytes ? '' : ` (requests.memory ${m.request.text} stays within it)`}`,
    );
  if (m.jvm.maxHeap) {
    const room = m.limit.bytes - jvmMarginBytes(m.limit.bytes) - heap;
    const lower = jvmSizeFloor(room);
    // The option must be written where nothing the JVM reads later replaces it: env._JAVA_OPTIONS when it holds
    // the direct-memory option (read after the command line), else the component's own list.
    const where = m.lateField && m.jvm.maxDirect?.field === m.lateField ? m.lateField : m.listField;
    const replacesDefault = where === m.listField && !m.jvmGiven;
    if (lower.bytes > 0n)
      parts.push(
        `${m.jvm.maxDirect?.field.startsWith(where) ? 'lower' : 'add'} -XX:MaxDirectMemorySize=${lower.text} in ${where}${replacesDefault ? " (writing the list replaces the operator's default: keep -Xmx and -Xms in it)" : ''}`,
      );
  }
  return parts.length ? parts.join(', or ') : `give ${m.path}.jvmOptions an -Xmx and -XX:MaxDirectMemorySize whose sum leaves the margin within limits.memory`;
}

/**
 * The least whole-Gi limit that leaves the margin. With -Xmx the heap and direct memory are fixed: the limit must
 * be at least used + 1 GiB and used / 0.9. Without -Xmx they grow with the limit, so larger limits are tried in
 * turn (4096 GiB at most); none passes when the heap takes 90 % or more of it.
 */
function passingLimit(m: ComponentMemory, heap: bigint, direct: bigint): { size: string; sizeBytes: bigint } | undefined {
  const used = heap + direct;
  const least = used + GiB > (used * 100n + 89n) / 90n ? used + GiB : (used * 100n + 89n) / 90n;
  const first = (least + GiB - 1n) / GiB;
  const tries = m.jvm.maxHeap ? 1n : 4096n;
  for (let n = first; n < first + tries; n += 1n) {
    const h = maxHeapBytes(m.jvm, n * GiB)!;
    if (limitPasses(n * GiB, h + maxDirectBytes(m.jvm, h)!)) return { size: `${n}Gi`, sizeBytes: n * GiB };
  }
  return undefined;
}
