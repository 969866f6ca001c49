/** `--ufs-price` and the rule `plan` and `inspect` share: the re-read is timed and priced on a data set only. */
import { RingSimError } from '../core/errors.js';
import { priceOption } from './options.js';

export const UFS_PRICE_OPTION = [
  '--ufs-price <usd>',
  'with --dataset: USD per 1000 under-storage GET requests (S3 Standard: 0.0004): the GETs and cost of each re-read, one GET a page (model)',
  priceOption('--ufs-price', 'a price per 1000 GET requests', '0.0004'),
] as const;

/** --ufs-bandwidth and --ufs-price time and price bytes moved of a data set: without one they are bad input. */
export function checkUfsNeedsDataset(flags: { ufsBandwidth?: string; ufsPrice?: number }, hasDataset: boolean, how = 'pass --dataset SIZE, e.g. 20TiB'): void {
  if (hasDataset) return;
  if (flags.ufsBandwidth !== undefined) throw new RingSimError('--dataset', undefined, '--ufs-bandwidth needs a data-set size to time', how);
  if (flags.ufsPrice !== undefined) throw new RingSimError('--dataset', undefined, '--ufs-price needs a data-set size to price', how);
}
