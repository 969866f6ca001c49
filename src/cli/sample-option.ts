/** `--sample R`: a sampling rate, a fraction above 0 and at most 1 (a percentage such as 5% is read too). */
import { InvalidArgumentError } from 'commander';

export function sampleOption(value: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  if (text === '' || !Number.isFinite(n) || !(n > 0) || n > 1) {
    throw new InvalidArgumentError(`--sample must be a fraction above 0 and at most 1, such as 0.05 or 5%.`);
  }
  return n;
}
