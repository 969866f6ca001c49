/**
 * Transfer rates as operators write them, and how long a transfer takes. Bits and bytes are told apart by the
 * case of the b: `10Gbps`, `10Gbit/s`, `10Gb/s` are 10·10⁹ bits a second (1.25·10⁹ bytes); `1.2GB/s`, `1.2GBps`
 * are 1.2·10⁹ bytes a second; `500MiB/s` is 500·2²⁰ bytes a second. k, M, G, T are powers of 1000; Ki, Mi, Gi,
 * Ti powers of 1024.
 */
import { RingSimError } from './errors.js';

export interface Bandwidth {
  /** As given. */
  text: string;
  bytesPerSecond: number;
}

const PREFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const RATE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(k|K|M|G|T|Ki|Mi|Gi|Ti)?(bps|bit\/s|b\/s|Bps|B\/s)\s*$/;
const FIX = 'write e.g. 10Gbps or 10Gbit/s (bits a second) or 1.2GB/s or 500MiB/s (bytes a second)';

export function parseBandwidth(text: string, field = '--ufs-bandwidth'): Bandwidth {
  const m = RATE.exec(text);
  if (!m) throw new RingSimError(field, text, 'not a transfer rate with a unit', FIX);
  const bits = m[3] === 'bps' || m[3] === 'bit/s' || m[3] === 'b/s';
  const bytesPerSecond = (Number(m[1]) * PREFIX[m[2] ?? '']) / (bits ? 8 : 1);
  if (!(bytesPerSecond > 0) || !Number.isFinite(bytesPerSecond)) throw new RingSimError(field, text, 'must be more than 0', FIX);
  return { text: text.trim(), bytesPerSecond };
}

/** "1.25 GB/s (10.00 Gbit/s)": the rate in decimal bytes and bits a second. */
export function formatBandwidth(bytesPerSecond: number): string {
  const scaled = (v: number, unit: string): string => {
    const steps: Array<[number, string]> = [
      [1e12, 'T'],
      [1e9, 'G'],
      [1e6, 'M'],
      [1e3, 'k'],
      [1, ''],
    ];
    const [f, p] = steps.find(([s]) => v >= s) ?? [1, ''];
    return `${(v / f).toFixed(2)} ${p}${unit}`;
  };
  return `${scaled(bytesPerSecond, 'B/s')} (${scaled(bytesPerSecond * 8, 'bit/s')})`;
}

/** "2 h 05 min 10 s", "4 min 02 s", "12.5 s": a duration for people, from seconds. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h} h ${two(min)} min ${two(s)} s` : `${min} min ${two(s)} s`;
}
