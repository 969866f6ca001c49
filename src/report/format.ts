/** Number formats for report cells. Byte counts come from src/core/units.ts (one home for bytes). */

/** A fraction as a percentage: `percent(0.1234)` → "12.34 %". */
export function percent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** A ratio with its "x": `ratio(1.25)` → "1.250x"; "inf" when not finite. */
export function ratio(x: number, digits = 3): string {
  return Number.isFinite(x) ? `${x.toFixed(digits)}x` : 'inf';
}

/** An integer with thousands separators: `count(113872)` → "113,872". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The line that labels sampled figures in text output. */
export function sampleLabel(rate: number, what: string): string {
  return `sampled: ${formatRate(rate)} of ${what} (spatial hash sampling, SHARDS), caches scaled to ${formatRate(rate)}: ratios estimate the full run; counts and bytes are the sample's`;
}

function formatRate(rate: number): string {
  return `${Number((rate * 100).toPrecision(6))} %`;
}

/** Tables live in table.ts; re-exported here because renderers written before the split import it from here. */
export { table } from './table.js';
