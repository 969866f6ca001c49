// ESLint for src/, test/, bench/, viz/ and scripts/ (issue 26): typescript-eslint's recommended rules on the
// TypeScript, ESLint's recommended rules on the JavaScript; Node's globals in the tools, the browser's in viz/
// (the report page's scripts). Layout is Prettier's (npm run format; npm test runs format:check).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter or binding kept for its position or to omit a property.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bench/**', 'scripts/**', 'test/**', 'cjs/**', '*.js', '*.cjs', '*.ts', 'viz/screenshot.ts'],
    languageOptions: { globals: globals.node },
  },
  // The page's d3 handlers (viz/rebalance*.js) read the element from `this` and keep it for inner callbacks.
  {
    files: ['viz/**'],
    ignores: ['viz/screenshot.ts'],
    languageOptions: { globals: globals.browser },
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
  { files: ['cjs/**', '*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  // Last: turns off every rule about layout, which Prettier owns (.prettierrc.json).
  prettier,
);
