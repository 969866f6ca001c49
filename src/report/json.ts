/** JSON output: two-space indented, a final newline; bigint byte counts as numbers when exact, else strings. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, bigintReplacer, 2) + '\n';
}

/** `value` as plain JSON data: bigints become numbers when exact (else decimal strings). */
export function plainJSON<T = unknown>(value: unknown): T {
  return JSON.parse(JSON.stringify(value, bigintReplacer)) as T;
}

function bigintReplacer(_key: string, v: unknown): unknown {
  if (typeof v !== 'bigint') return v;
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}
