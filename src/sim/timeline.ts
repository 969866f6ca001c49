/**
 * A scenario's timeline against its workload: when each event happens as a read index (`at` counts the reads
 * before it), from `at`, from `atTime` on a synthetic workload's clock, or from `atEpoch` on a training workload,
 * and the checks that make a bad timeline bad input: an event at or after the workload's last read, and an event
 * listed after another it must follow but placed before it.
 */
import type { FieldReader } from '../core/field-reader.js';

/** What the timeline needs of a workload (a `WorkloadSpec` of src/sim/scenario.ts). */
type TrainingReads = { type: 'training'; files: number; epochs: number; jobs: number };
type WorkloadReads = TrainingReads | { type: 'uniform' | 'zipf' | 'hotset' | 'trace'; requests?: number };

/** The reads a workload makes, when the scenario alone says (a trace without `requests` does not). */
export function plannedReads(w: WorkloadReads): number | undefined {
  if (w.type === 'training') return w.files * w.epochs * w.jobs;
  return w.requests;
}

/** Reads in one epoch of a training workload: every job reads every file once, the jobs interleaved. */
export function readsPerEpoch(w: TrainingReads): number {
  return w.files * w.jobs;
}

/**
 * The read index of epoch position `epoch` (1.5: half way through the second epoch): ⌊epoch × reads an epoch⌋,
 * in exact decimal arithmetic on the number as written (its shortest decimal form), so 0.7 × 10 is 7, not 7.000…1.
 */
export function epochToRead(epoch: number, perEpoch: number): number {
  const [mantissa, exponent = '0'] = String(epoch).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  let n = BigInt(whole + fraction) * BigInt(perEpoch);
  const e = Number(exponent) - fraction.length;
  if (e >= 0) n *= 10n ** BigInt(e);
  else n /= 10n ** BigInt(-e);
  return Number(n);
}

/**
 * The read index at which an event at `seconds` happens on a synthetic workload's clock (read k is at k / rps):
 * the first read at or after `seconds`, computed with the same floating-point clock as the workload's reads.
 */
export function timeToRead(seconds: number, requestsPerSecond: number): number {
  const clock = 1 / requestsPerSecond;
  let k = Math.max(0, Math.ceil(seconds * requestsPerSecond));
  while (k > 0 && (k - 1) * clock >= seconds) k--;
  while (k * clock < seconds) k++;
  return k;
}

/** An event as the timeline checks see it: its list position, field, read index (when known) and the workers it names. */
export interface TimedEvent {
  index: number;
  /** `at`, `atTime` or `atEpoch`: the field that placed it. */
  field: 'at' | 'atTime' | 'atEpoch';
  value: number;
  /** The read index it happens at, when the scenario alone says. */
  read: number | undefined;
  /** The worker it acts on (a host name, an index or an identity), if any. */
  worker?: string;
  /** A restart's downtime in reads (absent or 0: none). */
  downtime?: number;
}

/**
 * Refuses a restart whose downtime runs to or past the workload's last read (the worker would never come back
 * within the run), or during which another event acts on the same worker (it is offline then; an event at the
 * read it comes back at runs after its return).
 */
export function checkDowntimes(r: FieldReader, events: readonly TimedEvent[], reads: number | undefined): void {
  for (const e of events) {
    if (!e.downtime || e.read === undefined) continue;
    const back = e.read + e.downtime;
    if (reads !== undefined && back >= reads) {
      r.fail(
        `events[${e.index}].downtime`,
        e.downtime,
        `runs past the workload's last read: the worker would be back at read ${back}, and the workload has ${reads} reads`,
        `use a downtime below ${Math.max(0, reads - e.read)} reads, move the restart earlier, or make the workload longer`,
      );
    }
    const other = events.find(
      (f) =>
        f.index !== e.index && f.worker === e.worker && f.read !== undefined && f.read < back && (f.read > e.read! || (f.read === e.read && f.index > e.index)),
    );
    if (other) {
      r.fail(
        `events[${e.index}].downtime`,
        e.downtime,
        `overlaps events[${other.index}] (read ${other.read}) on the same worker ${e.worker}: it is down from read ${e.read} until read ${back}`,
        `shorten the downtime to at most ${other.read! - e.read!} reads or move events[${other.index}] to read ${back} or later`,
      );
    }
  }
}

/** Refuses an event at or after the last of `reads` reads: it would have no read after it to measure. */
export function checkWithinReads(r: FieldReader, events: readonly TimedEvent[], reads: number | undefined): void {
  if (reads === undefined) return;
  for (const e of events) {
    if (e.read === undefined || e.read < reads) continue;
    const where = e.field === 'at' ? '' : ` (read ${e.read})`;
    r.fail(
      `events[${e.index}].${e.field}`,
      e.value,
      `is at or after the workload's last read${where}: the workload has ${reads} reads, and an event must come before at least one of them (at 0 to ${reads - 1})`,
      'move the event earlier or make the workload longer',
    );
  }
}

/**
 * Refuses an event listed after another event on the same worker but happening before it: the two orders give
 * different runs (stop then start, start then stop), and which one was meant cannot be told. Events on different
 * workers may be listed in any order; they run in time order.
 */
export function checkOrder(r: FieldReader, events: readonly TimedEvent[]): void {
  const latest = new Map<string, TimedEvent>();
  for (const e of events) {
    if (e.worker === undefined || e.read === undefined) continue;
    const before = latest.get(e.worker);
    if (before && before.read! > e.read) {
      r.fail(
        `events[${e.index}].${e.field}`,
        e.value,
        `happens at read ${e.read}, before events[${before.index}] (read ${before.read}) on the same worker ${e.worker}, which is listed earlier`,
        `list the events of ${e.worker} in time order`,
      );
    }
    latest.set(e.worker, e);
  }
}
