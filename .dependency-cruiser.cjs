// The layer rules of docs/architecture.md, checked by `npm run lint:deps` (part of `npm test`).
// Imports point down only:
//   core → hash → ring | capacity | pagestore → membership → sim | plan → report → cli
// Everything below src/cli runs in a browser: no node: builtins there, and no import of src/cli.

/** Paths (regex) a layer may import besides itself and npm packages. */
const LAYERS = {
  core: [],
  hash: ['core'],
  ring: ['core', 'hash'],
  capacity: ['core', 'hash'],
  pagestore: ['core', 'hash'],
  membership: ['core', 'hash', 'ring'],
  sim: ['core', 'hash', 'ring', 'capacity', 'pagestore', 'membership'],
  plan: ['core', 'hash', 'ring', 'capacity', 'pagestore', 'membership'],
  report: ['core', 'hash', 'ring', 'capacity', 'pagestore', 'membership', 'sim', 'plan'],
};

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'itself'} (docs/architecture.md)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: {
    path: '^src/',
    pathNot: [`^src/${layer}/`, ...allowed.map((a) => `^src/${a}/`)],
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'library-entry',
      comment: 'src/index.ts is the browser-safe library: it must not export the CLI side (that is src/node.ts)',
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-node-builtins-below-cli',
      comment: 'only src/cli (and src/node.ts, its re-export) touch node: builtins; the library runs in a browser',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/node\\.ts$'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cli-below-cli',
      comment: 'nothing below src/cli imports it',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/node\\.ts$'] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
