// The npm peers timed beside ring-sim (CommonJS packages).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const HashRing = require('hashring');
export const ConsistentHash = require('consistent-hash');
