/** The terminal formatting helpers live in src/report/format.ts (renderers use them); re-exported for the CLI. */
export * from '../report/format.js';
