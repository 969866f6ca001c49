/**
 * The memory a JVM's command-line options give it, as HotSpot reads them (hotspot/share/runtime/arguments.cpp,
 * `Arguments::parse_each_vm_init_arg`): the maximum heap (`-Xmx<size>` or `-XX:MaxHeapSize=<size>`), the initial
 * heap (`-Xms<size>` or `-XX:InitialHeapSize=<size>`), the direct-memory limit (`-XX:MaxDirectMemorySize=<size>`)
 * and the heap as a share of the container's memory (`-XX:MaxRAMPercentage=<percent>`). Sizes follow HotSpot's
 * grammar (jvm-size.ts): `12g`, `12G`, `12288m`, `12582912k`, `12884901888`. When an option is given twice the
 * last one wins, as in HotSpot. A list item may hold several options separated by spaces (the chart joins the list
 * with spaces into one shell variable). A size HotSpot refuses is kept as invalid: the JVM exits at start.
 */
import { parseJvmSize } from './jvm-size.js';

/** One memory option as written: its text, where it is (`spec.worker.jvmOptions[2]`) and the bytes it means. */
export interface JvmSizeOption {
  option: string;
  field: string;
  bytes: bigint;
}

export interface JvmMemoryOptions {
  maxHeap?: JvmSizeOption;
  initialHeap?: JvmSizeOption;
  maxDirect?: JvmSizeOption;
  /** `-XX:MaxRAMPercentage`, a percent (HotSpot's default 25 when not given). */
  maxRamPercentage?: { option: string; field: string; percent: number };
  /** Memory options whose value HotSpot refuses, with what the JVM says. */
  invalid: Array<{ option: string; field: string; problem: string }>;
  /** Options a later one of the same kind replaced (`by`): the JVM never uses them. */
  overridden?: Array<{ option: string; field: string; by: { option: string; field: string } }>;
}

type SizeKey = 'maxHeap' | 'initialHeap' | 'maxDirect';

const SIZE_OPTIONS: Array<{ prefix: string; key: SizeKey; problem: string }> = [
  { prefix: '-Xmx', key: 'maxHeap', problem: 'Invalid maximum heap size' },
  { prefix: '-XX:MaxHeapSize=', key: 'maxHeap', problem: "Improperly specified VM option 'MaxHeapSize'" },
  { prefix: '-Xms', key: 'initialHeap', problem: 'Invalid initial heap size' },
  { prefix: '-XX:InitialHeapSize=', key: 'initialHeap', problem: "Improperly specified VM option 'InitialHeapSize'" },
  { prefix: '-XX:MaxDirectMemorySize=', key: 'maxDirect', problem: "Improperly specified VM option 'MaxDirectMemorySize'" },
];
const RAM_PERCENTAGE = '-XX:MaxRAMPercentage=';

/** HotSpot's default `MaxRAMPercentage`: the heap a JVM without -Xmx takes of the memory it sees (its container's limit). */
export const DEFAULT_MAX_RAM_PERCENTAGE = 25;

/** The memory options of `options` (a component's jvmOptions list), each located as `${field}[i]`. */
export function readJvmMemoryOptions(options: readonly string[], field: string): JvmMemoryOptions {
  return readJvmMemoryItems(options.map((text, i) => ({ text, field: `${field}[${i}]` })));
}

/**
 * The memory options of items in the order the JVM reads them, each located at its own field (an item's text may
 * hold several options separated by spaces, as a shell variable does): a later option overrides an earlier one.
 */
export function readJvmMemoryItems(items: ReadonlyArray<{ text: string; field: string }>): JvmMemoryOptions {
  const out: JvmMemoryOptions = { invalid: [] };
  for (const { text, field } of items) {
    for (const option of text.split(/\s+/).filter((w) => w !== '')) readOption(option, field, out);
  }
  return out;
}

function readOption(option: string, field: string, out: JvmMemoryOptions): void {
  for (const o of SIZE_OPTIONS) {
    if (!option.startsWith(o.prefix)) continue;
    const bytes = parseJvmSize(option.slice(o.prefix.length));
    if (bytes === undefined) out.invalid.push({ option, field, problem: o.problem });
    else {
      const before = out[o.key];
      if (before) (out.overridden ??= []).push({ option: before.option, field: before.field, by: { option, field } });
      out[o.key] = { option, field, bytes };
    }
    return;
  }
  if (option.startsWith(RAM_PERCENTAGE)) {
    const text = option.slice(RAM_PERCENTAGE.length);
    const percent = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!(percent >= 0 && percent <= 100))
      out.invalid.push({ option, field, problem: "Improperly specified VM option 'MaxRAMPercentage' (a percent from 0 to 100)" });
    else out.maxRamPercentage = { option, field, percent };
  }
}

/**
 * The most heap the JVM takes: `-Xmx`, else `MaxRAMPercentage` of the container's limit (HotSpot sizes the heap
 * from the memory it sees, its cgroup limit, JDK 10+ and 8u191+), and never less than `-Xms`. Undefined when
 * neither an -Xmx nor a limit says.
 */
export function maxHeapBytes(o: JvmMemoryOptions, limitBytes: bigint | undefined): bigint | undefined {
  if (o.maxHeap) return o.maxHeap.bytes;
  if (limitBytes === undefined) return undefined;
  const percent = o.maxRamPercentage?.percent ?? DEFAULT_MAX_RAM_PERCENTAGE;
  const fromRam = (limitBytes * BigInt(Math.round(percent * 1000))) / 100_000n;
  const initial = o.initialHeap?.bytes ?? 0n;
  return fromRam > initial ? fromRam : initial;
}

/**
 * The direct (off-heap NIO) memory limit: `-XX:MaxDirectMemorySize`, else the heap's maximum (OpenJDK's
 * `jdk.internal.misc.VM`: without the option, direct memory may grow to `Runtime.maxMemory()`).
 */
export function maxDirectBytes(o: JvmMemoryOptions, heapBytes: bigint | undefined): bigint | undefined {
  return o.maxDirect ? o.maxDirect.bytes : heapBytes;
}
