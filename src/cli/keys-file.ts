/** A keys file (`--keys`, `--keys-file`): one key a line, empty lines skipped, at most MAX_KEYS keys. */
import { RingSimError } from '../core/errors.js';

/** Most keys a keys file may hold. */
export const MAX_KEYS = 10_000_000;

export function keyLines(text: string, field: string, path: string): string[] {
  const keys: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (line === '') continue;
    if (keys.length === MAX_KEYS) {
      throw new RingSimError(field, path, `more than ${MAX_KEYS.toLocaleString('en-US')} keys (the limit for ${field})`, 'sample fewer keys');
    }
    keys.push(line);
  }
  return keys;
}
