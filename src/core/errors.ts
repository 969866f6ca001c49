/**
 * The one error type ring-sim throws for bad input: it names the field, the value and the fix, so that the
 * CLI can print it on one line (and exit 2) and a library caller can show it as it is.
 */
export class RingSimError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly fix: string;

  constructor(field: string, value: unknown, problem: string, fix: string) {
    super(oneLine(value === undefined ? `${field}: ${problem}; ${fix}` : `${field}: ${problem} (got ${describe(value)}); ${fix}`));
    this.name = 'RingSimError';
    this.field = field;
    this.value = value;
    this.fix = fix;
  }
}

/** Control characters (newlines from paths, values or embedded messages) escaped, so a message stays one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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
    return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : typeof value;
  }
}
