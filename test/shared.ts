/** Paths to the read-only reference data in ../shared (beside the project root). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

export function sharedJSON<T>(path: string): T {
  return JSON.parse(readFileSync(SHARED + path, 'utf8')) as T;
}

export interface IdentityJSON {
  version: number;
  identifier: string;
}
