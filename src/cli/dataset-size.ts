import { parseQuantity } from '../capacity/quantity.js';
import { RingSimError } from '../core/errors.js';

/** A data-set size: a Kubernetes quantity (20Ti, 20T), or IEC/SI units as people write them (20TiB, 20TB). */
export function parseDatasetSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB|PiB|kB|KB|MB|GB|TB|PB)\s*$/.exec(text);
  let bytes: number;
  if (m) {
    const units: Record<string, number> = {
      B: 1,
      KiB: 2 ** 10,
      MiB: 2 ** 20,
      GiB: 2 ** 30,
      TiB: 2 ** 40,
      PiB: 2 ** 50,
      kB: 1e3,
      KB: 1e3,
      MB: 1e6,
      GB: 1e9,
      TB: 1e12,
      PB: 1e15,
    };
    bytes = Math.round(Number(m[1]) * units[m[2]]);
  } else {
    try {
      bytes = Number(parseQuantity(text.trim()).bytes);
    } catch {
      throw new RingSimError('--dataset', text, 'not a size', 'write e.g. 20TiB, 20TB or 20Ti');
    }
  }
  if (!(bytes > 0) || !Number.isSafeInteger(bytes)) throw new RingSimError('--dataset', text, 'must be a positive size below 8 PiB', 'write e.g. 20TiB');
  return bytes;
}

/** `--files`: the data set's file count (plan, plan --against, inspect), which gives the mean file size. */
export const FILES_OPTION = ['--files <n>', 'number of files in the data set, e.g. 2e6'] as const;

export function parseFileCount(text: string): number {
  const files = Number(text);
  if (!Number.isSafeInteger(files) || files < 1) throw new RingSimError('--files', text, 'must be a whole number of files', 'write e.g. 2e6');
  return files;
}
