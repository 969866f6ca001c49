// ring-sim is an ES module package (ESM only), so require() cannot load it. `require('ring-sim')` resolves to this
// file, so that CommonJS code gets this message instead of ERR_PACKAGE_PATH_NOT_EXPORTED.
throw new Error("ring-sim is ESM only: load it with import { ... } from 'ring-sim', or from CommonJS with await import('ring-sim').");
