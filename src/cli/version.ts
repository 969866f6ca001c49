/** ring-sim's version, from its package.json (`--version`, and the version a shard's part records). */
import { readFileSync } from 'node:fs';

export const RING_SIM_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
