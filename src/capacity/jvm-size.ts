/**
 * JVM memory sizes as HotSpot reads them (`-Xmx12g`, `-Xms12288m`, `-XX:MaxDirectMemorySize=12884901888`):
 * `Arguments::atojulong` in hotspot/share/runtime/arguments.cpp. The first character must be a digit (no sign, no
 * space); `0x`/`0X` starts a hexadecimal number; then at most one suffix character, T/t (2^40), G/g (2^30),
 * M/m (2^20), K/k (2^10), or none (bytes). Anything else (`12gb`, `1.5g`, `12 g`) is refused, as is a value that
 * overflows 64 bits. Exact: BigInt, no floating point.
 */
const MULTIPLIER: Record<string, bigint> = { t: 1n << 40n, g: 1n << 30n, m: 1n << 20n, k: 1n << 10n, '': 1n };
const MAX_U64 = (1n << 64n) - 1n;

/** The bytes HotSpot reads from a size text, or undefined where the JVM refuses it ("Invalid ... size"). */
export function parseJvmSize(s: string): bigint | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)([A-Za-z]?)$/.exec(s);
  if (!m) return undefined;
  const mult = MULTIPLIER[m[2].toLowerCase()];
  if (mult === undefined) return undefined;
  const n = BigInt(m[1]);
  if (n > MAX_U64 || n * mult > MAX_U64) return undefined;
  return n * mult;
}

/** Bytes as a JVM size rounded down to whole `g` (`m` under 1 GiB): `jvmSizeFloor(3.5 GiB)` is `3g`. */
export function jvmSizeFloor(bytes: bigint): { text: string; bytes: bigint } {
  const unit = bytes >= 1n << 30n ? { suffix: 'g', mult: 1n << 30n } : { suffix: 'm', mult: 1n << 20n };
  const n = (bytes < 0n ? 0n : bytes) / unit.mult;
  return { text: `${n}${unit.suffix}`, bytes: n * unit.mult };
}
