/** The under-storage's time and money in words: seconds, dollars and which limit binds, each with its unit. */
import { formatBandwidth, formatDuration } from '../core/bandwidth.js';
import { formatBinary } from '../core/units.js';
import { ufsBound, type UfsModel, type UfsUsage } from '../sim/ufs.js';
import type { TotalsDelta } from '../sim/baseline.js';
import type { SimulationResult } from '../sim/result.js';
import { count, percent } from './format.js';

/** Dollars: "0.1017 USD", "12.35 USD", "1,234.50 USD" (four significant digits below 1 USD). */
export function usd(x: number): string {
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a === 0) return '0 USD';
  if (a < 1) return `${sign}${Number(a.toPrecision(4))} USD`;
  return `${sign}${a.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} USD`;
}

/** Seconds: "9.77 s", "20 s" below a minute (three significant digits), else "4 min 02 s". */
export function seconds(x: number): string {
  const a = Math.abs(x);
  if (a < 60) return `${x < 0 ? '-' : ''}${Number(a.toPrecision(3))} s`;
  return `${x < 0 ? '-' : ''}${formatDuration(a)}`;
}

/** "20 s (request-bound: 10,000 GETs at 500/s; 9.77 s by bandwidth at 1.07 GB/s (8.59 Gbit/s))", or why none. */
export function ufsTimeText(u: UfsUsage, model: UfsModel | null): string {
  if (u.seconds === null)
    return model ? '- (give ufs.bandwidth or ufs.maxRequestsPerSecond for the time)' : '- (add a ufs: block for the time; docs/scenarios.md)';
  const m = model!;
  const byBandwidth = m.bandwidth === null ? null : u.bytes / m.bandwidth.bytesPerSecond;
  const byRequests = m.maxRequestsPerSecond === null ? null : u.requests / m.maxRequestsPerSecond;
  const bw = byBandwidth === null ? 'no bandwidth given' : `${seconds(byBandwidth)} by bandwidth at ${formatBandwidth(m.bandwidth!.bytesPerSecond)}`;
  const rq = byRequests === null ? 'no request cap given' : `${seconds(byRequests)} by ${count(u.requests)} GETs at ${count(m.maxRequestsPerSecond!)}/s`;
  const bound = ufsBound(u, m);
  const label = bound === null ? 'nothing read' : `${bound === 'requests' ? 'request' : 'bandwidth'}-bound`;
  return `${seconds(u.seconds)} (model, ${label}: ${bound === 'bandwidth' ? `${bw}; ${rq}` : `${rq}; ${bw}`})`;
}

/** "0.1017 USD (10,000 GETs × 0.0004 USD/1000 + 9.77 GiB × 0.01 USD/GiB)", or why none. */
export function ufsCostText(u: UfsUsage, model: UfsModel | null): string {
  if (u.costUSD === null)
    return model ? '- (give ufs.pricePer1000Requests or ufs.pricePerGiB for the cost)' : '- (add a ufs: block for the cost; docs/scenarios.md)';
  const m = model!;
  const req = m.pricePer1000Requests === null ? 'no request price given (0)' : `${count(u.requests)} GETs × ${m.pricePer1000Requests} USD/1000`;
  const gib = m.pricePerGiB === null ? 'no transfer price given (0)' : `${formatBinary(u.bytes)} × ${m.pricePerGiB} USD/GiB`;
  return `${usd(u.costUSD)} (model: ${req} + ${gib})`;
}

/** The GETs a request-rate cap and a time to first byte need in flight at once to reach the cap (Little's law). */
export function inFlightText(model: UfsModel | null): string | null {
  if (!model || model.requestLatency === null || model.maxRequestsPerSecond === null) return null;
  const n = Math.ceil(model.maxRequestsPerSecond * model.requestLatency);
  return `to reach ${count(model.maxRequestsPerSecond)} GETs/s at ${seconds(model.requestLatency)} to first byte, the workers need ${count(n)} GETs in flight at once (Little's law); fewer, and the time is longer`;
}

/**
 * "the events cost 2,048 GETs, 2.00 GiB, 4.1 s and 0.0008 USD of under-storage over the baseline (the same
 * reads without the events); hit ratio 80.00 % against 100.00 %". Negative figures: the events saved that much.
 */
export function baselineText(delta: TotalsDelta, base: SimulationResult['totals'], run: SimulationResult['totals']): string {
  const signedBytes = (b: number): string => (b < 0 ? `-${formatBinary(-b)}` : formatBinary(b));
  const parts = [`${count(delta.ufs.requests)} GETs`, signedBytes(delta.ufs.bytes)];
  if (delta.ufs.seconds !== null) parts.push(seconds(delta.ufs.seconds));
  if (delta.ufs.costUSD !== null) parts.push(usd(delta.ufs.costUSD));
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  const saved = delta.ufs.bytes < 0 || delta.ufs.requests < 0 ? ' (negative: the events saved that much)' : '';
  return `the events cost ${list} of under-storage over the baseline (the same reads without the events)${saved}; hit ratio ${percent(run.hitRatio)} against ${percent(base.hitRatio)}`;
}
