/** Paths to the read-only reference data in ../shared (beside the project root). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of command `name` on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/**
 * True when command `name` is not on PATH; then it says so once on stderr, as the etcd and browser tests do:
 * what is skipped and the Debian package that brings the command.
 */
export function commandMissing(name: string, skipped: string, debianPackage: string): boolean {
  if (which(name)) return false;
  console.warn(`${skipped} skipped: ${name} not on PATH (apt-get install ${debianPackage})`);
  return true;
}

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

export function sharedJSON<T>(path: string): T {
  return JSON.parse(readFileSync(SHARED + path, 'utf8')) as T;
}

export interface IdentityJSON {
  version: number;
  identifier: string;
}
