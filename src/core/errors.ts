/**
 * The one error type ring-sim throws for bad input: it names the field, the value and the fix, so that the
 * CLI can print it on one line (and exit 2) and a library caller can show it as it is.
 */
export class RingSimError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly fix: string;

  constructor(field: string, value: unknown, problem: string, fix: string) {
    super(value === undefined ? `${field}: ${problem}; ${fix}` : `${field}: ${problem} (got ${describe(value)}); ${fix}`);
    this.name = 'RingSimError';
    this.field = field;
    this.value = value;
    this.fix = fix;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'bigint') return `${value}`;
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
