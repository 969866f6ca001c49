/**
 * Reading a user's document (a scenario, a manifest) field by field: each reader checks one field's type and
 * range and, when it is wrong, throws a `RingSimError` that names the file and the field's path, the value,
 * the problem and the fix. The one validating reader of the library; layers above add readers for their own
 * units (sizes, quantities) on top of `fail`.
 */
import { RingSimError } from './errors.js';

/** A YAML/JSON mapping as parsed. */
export type Fields = Record<string, unknown>;

export class FieldReader {
  /** `source` names the document in every error (a file name). */
  constructor(readonly source: string) {}

  /** Throws the error for the field at `path`. */
  fail(path: string, value: unknown, problem: string, fix: string): never {
    throw new RingSimError(`${this.source}: ${path}`, value, problem, fix);
  }

  /** A mapping whose keys are all in `allowed` (a near miss in case is named). */
  object(v: unknown, path: string, allowed: readonly string[]): Fields {
    const o = this.mapping(v, path, 'must be a mapping', `write ${path} as key: value lines`);
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) {
        const near = allowed.find((a) => a.toLowerCase() === k.toLowerCase());
        this.fail(`${path}.${k}`, k, 'unknown field', near ? `did you mean ${near}?` : `use one of ${allowed.join(', ')}`);
      }
    }
    return o;
  }

  /**
   * A mapping with any keys (a Kubernetes object keeps fields ring-sim does not read); anything else (a list, a
   * scalar, nothing) fails with `problem` and `fix`.
   */
  mapping(v: unknown, path: string, problem: string, fix: string): Fields {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(path, v, problem, fix);
    return v as Fields;
  }

  /** A whole number in [min, max]; YAML's "1e6" string form is read as a number. */
  int(v: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER, fallback?: number): number {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'string' && /^\d+(\.\d+)?e\d+$/i.test(v)) v = Number(v);
    return this.wholeNumber(v, path, min, max, `write e.g. ${lastPart(path)}: ${Math.max(min, 1)}`);
  }

  /**
   * A whole number in [min, max] written as a number: a string ("3", "1e3") is refused, as Kubernetes refuses one
   * for an integer field. `fix` says what to write.
   */
  wholeNumber(v: unknown, path: string, min: number, max: number, fix: string): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(path, v, `must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}`, fix);
    }
    return v;
  }

  /** A finite number in [min, max]. */
  num(v: unknown, path: string, min: number, max: number, fallback?: number): number {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      this.fail(path, v, `must be a number from ${min} to ${max}`, `write e.g. ${lastPart(path)}: ${min}`);
    return v;
  }

  /** A non-empty string. */
  str(v: unknown, path: string, fallback?: string): string {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || v === '') this.fail(path, v, 'must be a non-empty string', `write ${lastPart(path)}: some-text`);
    return v;
  }

  /** true or false (YAML's, not the strings "yes" or "on"); `fix` says what to write (default `<field>: true`). */
  bool(v: unknown, path: string, fallback: boolean, fix = `write ${lastPart(path)}: true`): boolean {
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') this.fail(path, v, 'must be true or false', fix);
    return v;
  }

  /** One of `choices`, spelled exactly. */
  choice<T extends string>(v: unknown, path: string, choices: readonly T[], fallback?: T): T {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !choices.includes(v as T)) this.fail(path, v, 'unknown value', `use one of ${choices.join(', ')}`);
    return v as T;
  }
}

function lastPart(path: string): string {
  return path.split('.').pop()!;
}
