/** Shared option parsers: each rejects bad input with a one-line message naming the option and the fix. */
import { InvalidArgumentError } from 'commander';

export function integerOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^[+]?\d+(e\d+)?$/i.test(value.trim()) || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

export function positiveNumberOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
      throw new InvalidArgumentError(`${name} must be a positive number.`);
    }
    return n;
  };
}

export function choiceOption<T extends string>(name: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!choices.includes(value as T)) {
      throw new InvalidArgumentError(`${name} must be one of ${choices.join(', ')}.`);
    }
    return value as T;
  };
}

export function listOption<T>(name: string, item: (v: string) => T) {
  return (value: string): T[] => {
    const parts = value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (parts.length === 0) throw new InvalidArgumentError(`${name} must be a comma-separated list.`);
    return parts.map(item);
  };
}

/** A price in USD, 0 or more (at most 1,000,000): `--ufs-price 0.0004`. */
export function priceOption(name: string, what: string, example: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1e6) {
      throw new InvalidArgumentError(`${name} must be ${what} in USD, 0 or more; write e.g. ${name} ${example}.`);
    }
    return n;
  };
}
