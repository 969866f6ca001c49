/**
 * The HTML report's numeric controls: what each accepts and the one-line message for anything else. The page
 * (viz/rebalance.js, through the browser bundle dist/viz/core.js) reads every numeric control with
 * `readControlNumber`; a value outside its range is never clamped or defaulted: the message, shown beside the
 * control, names the control, the value and the accepted range, and the page computes nothing from it.
 */
import { MAX_RING_POINTS } from '../ring/worker.js';

/** What a numeric control accepts. */
export interface ControlRange {
  /** The control as the page labels it: "Add workers". */
  label: string;
  /** What one unit of the value counts: "workers", "virtual nodes", "Gbit/s". */
  unit: string;
  min: number;
  /** `min` itself is refused: "more than 0". */
  minExclusive?: boolean;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
}

export type ControlReading = { ok: true; value: number } | { ok: false; message: string };

/** The most workers the page adds at once (it rebuilds the ring in the browser on every value typed). */
export const MAX_ADDED_WORKERS = 500;
/** The most virtual nodes a worker the page redraws the ring with. */
export const MAX_PAGE_VNODES = 100_000;
/**
 * The fastest under-storage read the page times: 10 Tbit/s (1.25·10¹² bytes a second), beyond what any object store
 * serves one cluster; a larger value is taken for a typo (a unit mixed up), not timed.
 */
export const MAX_UFS_BYTES_PER_SECOND = 1.25e12;

/** The bandwidth control's units, in bytes a second. */
export const UFS_BANDWIDTH_UNITS: Readonly<Record<string, number>> = { 'Gbit/s': 1e9 / 8, 'GB/s': 1e9, 'MB/s': 1e6 };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function number(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "a whole number of workers from 1 to 500", "more than 0 and at most 10,000 Gbit/s". */
export function describeRange(r: ControlRange): string {
  if (r.integer) return `a whole number of ${r.unit} from ${number(r.min)} to ${number(r.max)}`;
  return `${r.minExclusive ? 'more than' : 'at least'} ${number(r.min)} and at most ${number(r.max)} ${r.unit}`;
}

/**
 * Reads a control's text. `unreadable`: the browser could not read what was typed as a number (an input's
 * `validity.badInput`; its value is then empty).
 */
export function readControlNumber(text: string, r: ControlRange, unreadable = false): ControlReading {
  const t = text.trim();
  const fix = `give ${describeRange(r)}.`;
  const refuse = (what: string): ControlReading => ({ ok: false, message: `${r.label}: ${what}; ${fix}` });
  if (unreadable) return refuse('what is typed is not a number');
  if (t === '') return refuse('empty');
  if (!DECIMAL.test(t)) return refuse(`"${t}" is not a number`);
  const v = Number(t);
  if (!Number.isFinite(v)) return refuse(`${t} is not a finite number`);
  if (r.integer && !Number.isInteger(v)) return refuse(`${t} is not a whole number`);
  if (v < r.min || (r.minExclusive && v === r.min) || v > r.max) return refuse(`${t} is out of range`);
  return { ok: true, value: v };
}

/** "Add workers": 1 to 500, and no more ring points in all than ring-sim builds. */
export function addWorkersRange(workers: number, vnodes: number): ControlRange {
  const room = Math.floor(MAX_RING_POINTS / Math.max(1, vnodes)) - workers;
  return { label: 'Add workers', unit: 'workers', min: 1, max: Math.max(1, Math.min(MAX_ADDED_WORKERS, room)), integer: true };
}

/** "Virtual nodes a worker": 1 to 100,000, and no more ring points in all than ring-sim builds. */
export function vnodesRange(workers: number): ControlRange {
  return {
    label: 'Virtual nodes a worker',
    unit: 'virtual nodes',
    min: 1,
    max: Math.max(1, Math.min(MAX_PAGE_VNODES, Math.floor(MAX_RING_POINTS / Math.max(1, workers)))),
    integer: true,
  };
}

/** "Under-storage read bandwidth" in `unit` (a key of UFS_BANDWIDTH_UNITS): more than 0, at most 10 Tbit/s. */
export function bandwidthRange(unit: string): ControlRange {
  const bytes = UFS_BANDWIDTH_UNITS[unit];
  if (bytes === undefined) throw new Error(`unknown bandwidth unit ${unit}`);
  return { label: 'Under-storage read bandwidth', unit, min: 0, minExclusive: true, max: MAX_UFS_BYTES_PER_SECOND / bytes, integer: false };
}
