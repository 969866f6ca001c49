/**
 * Checks on a byte quantity as an operator wrote it: milli suffixes, decimal suffixes that look like binary
 * ones were meant, and values that are not positive.
 */
import type { Check } from '../core/check.js';
import { RingSimError } from '../core/errors.js';
import { parseQuantity, type Quantity } from './quantity.js';
import { formatBinary, formatIn } from '../core/units.js';

const DECIMAL_TO_BINARY: Record<string, string> = { k: 'Ki', M: 'Mi', G: 'Gi', T: 'Ti', P: 'Pi', E: 'Ei' };

/** What the fixes name: values that pass every check on the field (fix-values.ts), not just a valid spelling. */
export interface QuantityFixValues {
  /** A value to give as an example; default 100Gi. */
  example?: string;
  /** For the value the operator probably meant: undefined when it passes every check on the field, else the fix to give instead. */
  instead?: (bytes: bigint, text: string) => string | undefined;
}

/** Checks on a byte quantity `text` in `field`; parse errors become error checks rather than exceptions. */
export function byteQuantityChecks(text: string, field: string, values: QuantityFixValues = {}): { quantity?: Quantity; checks: Check[] } {
  const example = values.example ?? '100Gi';
  const meant = (binaryText: string, fix: string): string => values.instead?.(parseQuantity(binaryText).bytes, binaryText) ?? fix;
  const checks: Check[] = [];
  let q: Quantity;
  try {
    q = parseQuantity(text);
  } catch {
    const alluxioStyle = /^\s*\d+(\.\d+)?\s*[KMGTP]B\s*$/i.test(text);
    checks.push({
      severity: 'error',
      field,
      message: alluxioStyle
        ? `${JSON.stringify(text)} is not a Kubernetes quantity: Kubernetes rejects "${text.replace(/[0-9.\s]/g, '')}" as a suffix`
        : `${JSON.stringify(text)} is not a Kubernetes quantity`,
      // Only the binary spelling: the decimal one (100G) would raise the decimal warning below.
      fix: alluxioStyle
        ? meant(binaryOf(text), `write ${binaryOf(text)} (binary, as Alluxio reads ${text.trim()})`)
        : `write a number with a suffix such as ${example}`,
    });
    return { checks };
  }
  try {
    void q.bytes; // a value past 10^200 bytes cannot be counted: name the field it came from
  } catch (e) {
    if (e instanceof RingSimError) throw new RingSimError(field, text, 'too large to count in bytes', 'use a value below 10^200');
    throw e;
  }
  if (q.sign <= 0) {
    checks.push({ severity: 'error', field, message: `${text} is not a positive size`, fix: `give a positive size such as ${example}` });
  }
  if (q.format !== 'BinarySI' && ['m', 'u', 'n'].includes(q.suffix)) {
    const word = { m: 'milli (1/1000)', u: 'micro (1/1,000,000)', n: 'nano (1/1,000,000,000)' }[q.suffix as 'm' | 'u' | 'n'];
    checks.push({
      severity: 'error',
      field,
      message: `${text} means ${q.toString()} = ${q.bytes} B: Kubernetes reads "${q.suffix}" as ${word}, not mega`,
      fix: meant(text.replace(/[mun]$/, 'Mi'), `write ${text.replace(/[mun]$/, 'Mi')} for ${text.replace(/[mun]$/, '')} MiB`),
    });
  } else if (q.format === 'DecimalSI' && DECIMAL_TO_BINARY[q.suffix] && q.sign > 0) {
    const binaryText = text.replace(/[kMGTPE]$/, DECIMAL_TO_BINARY[q.suffix]);
    const binary = parseQuantity(binaryText);
    checks.push({
      severity: 'warning',
      field,
      message: `${text} is decimal: ${q.bytes.toLocaleString('en-US')} B = ${formatBinary(q.bytes)}, not ${formatIn(binary.bytes, 'GiB')}; Alluxio itself would read ${text} as ${formatBinary(binary.bytes)}`,
      fix: meant(binaryText, `write ${binaryText} if you meant ${formatBinary(binary.bytes)}`),
    });
  }
  return { quantity: q, checks };
}

/** Alluxio's reading of "100GB" as a Kubernetes binary quantity: "100Gi". */
function binaryOf(text: string): string {
  return text.trim().replace(/\s*([KMGTP])B$/i, (_m, p: string) => `${p.toUpperCase()}i`);
}
