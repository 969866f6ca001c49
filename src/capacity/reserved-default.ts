/**
 * The reserved space Alluxio Enterprise keeps beside a page-store directory when the AlluxioCluster gives no
 * `pagestore.reservedSize`: min(10 % of the directory's size, 100Gi). Named once here for `plan` and the docs.
 *
 * Sources (neither is Alluxio's documentation, which only advises "about 10 % of size, typically 10–100 GiB"):
 * the operator chart's values.yaml ("default is min of 10% of size and 100Gi", applied per size entry by its
 * calculateTotalStorage), and a reading of Enterprise's PropertyKey for `alluxio.worker.page.store.reserved.size`
 * (default min(100GB, capacity × 10 %), one reserve per directory, not counted in `sizes`).
 *
 * @example operatorReservedBytes(90n << 30n) === 9n << 30n; operatorReservedBytes(4n << 40n) === 100n << 30n
 */
/** The cap of the default reserve: 100 GiB. */
export const OPERATOR_RESERVED_CAP_BYTES = 100n << 30n;

export const OPERATOR_RESERVED_SOURCE =
  "the operator's default when reservedSize is absent, min(10 % of size, 100Gi) per page-store directory (chart values.yaml and calculateTotalStorage of an unofficial copy, github.com/dodiadodia/alluxio-helm; Alluxio's documentation only advises about 10 %, typically 10–100 GiB)";

/** min(floor(size / 10), 100 GiB), in bytes. */
export function operatorReservedBytes(sizeBytes: bigint): bigint {
  const tenth = sizeBytes / 10n;
  return tenth < OPERATOR_RESERVED_CAP_BYTES ? tenth : OPERATOR_RESERVED_CAP_BYTES;
}
