/**
 * Printing byte counts: always with a unit, binary (GiB) or decimal (GB) as asked, never a bare "G".
 */

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

export type ByteUnit = (typeof BINARY)[number] | (typeof DECIMAL)[number];

const FACTORS: Record<string, bigint> = {};
BINARY.forEach((u, i) => (FACTORS[u] = 1024n ** BigInt(i)));
DECIMAL.forEach((u, i) => (FACTORS[u] = 1000n ** BigInt(i)));

/**
 * `bytes` in `unit` with `digits` decimals, exactly rounded (half up): `formatIn(96636764160n, 'GiB')` →
 * "90.00 GiB". `grouping: false` leaves out the thousands separators.
 */
export function formatIn(bytes: bigint | number, unit: ByteUnit, digits = 2, grouping = true): string {
  const b = BigInt(bytes);
  const scale = 10n ** BigInt(digits);
  const f = FACTORS[unit];
  const negative = b < 0n;
  const mag = negative ? -b : b;
  const scaled = (mag * scale * 2n + f) / (2n * f); // round half up
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(digits, '0');
  const text = `${grouping ? whole.toLocaleString('en-US') : whole.toString()}${digits > 0 ? `.${frac}` : ''}`;
  return `${negative ? '-' : ''}${text} ${unit}`;
}

/** The largest binary unit that keeps the number at least 1: "1.50 GiB", "512.00 MiB". */
export function formatBinary(bytes: bigint | number, digits = 2): string {
  return formatIn(bytes, pickUnit(BigInt(bytes), BINARY, 1024n), digits);
}

/**
 * The unit `formatBinary` prints `bytes` in, and that unit's size in bytes: a chart axis's unit for values up to
 * `bytes` (`binaryUnit(3 * 2 ** 30)` → `{ unit: 'GiB', bytes: 1073741824 }`).
 */
export function binaryUnit(bytes: bigint | number): { unit: ByteUnit; bytes: number } {
  const unit = pickUnit(BigInt(typeof bytes === 'number' ? Math.round(bytes) : bytes), BINARY, 1024n);
  return { unit, bytes: Number(FACTORS[unit]) };
}

/** The largest decimal unit that keeps the number at least 1: "1.61 GB". */
export function formatDecimal(bytes: bigint | number, digits = 2): string {
  return formatIn(bytes, pickUnit(BigInt(bytes), DECIMAL, 1000n), digits);
}

/**
 * Compact, for table cells: "512 B", "1.5 KiB", "12.3 MiB", "2.25 GiB" (one decimal below GiB, two from GiB
 * up; no thousands separators).
 */
export function formatBinaryCompact(bytes: bigint | number): string {
  const b = BigInt(bytes);
  if (b < 1024n) return `${b} B`;
  if (b < 1024n ** 2n) return formatIn(b, 'KiB', 1, false);
  if (b < 1024n ** 3n) return formatIn(b, 'MiB', 1, false);
  return formatIn(b, 'GiB', 2, false);
}

/** "96,636,764,160 B (90.00 GiB, 96.64 GB)": exact bytes with both readings. */
export function formatBytes(bytes: bigint | number): string {
  const b = BigInt(bytes);
  const abs = b < 0n ? -b : b;
  if (abs < 1000n) return `${b} B`;
  return `${b.toLocaleString('en-US')} B (${formatBinary(b)}, ${formatDecimal(b)})`;
}

function pickUnit<T extends string>(bytes: bigint, units: readonly T[], base: bigint): T {
  const abs = bytes < 0n ? -bytes : bytes;
  let i = 0;
  while (i + 1 < units.length && abs >= base ** BigInt(i + 1)) i++;
  return units[i];
}
