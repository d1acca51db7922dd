// ESLint flat config. Besides typescript-eslint's recommended rules it enforces the boundaries
// of STYLE.md section 1: server -> graphql -> loaders -> flip -> errors/config; the simulator
// imports only flip/wire.ts and errors.ts; nothing in src/ imports test/; no import cycles.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const noImport = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'crosses a boundary (STYLE.md section 1)',
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.artifacts/**', 'test/generated/**', 'schema/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // Resolves our `./x.js` specifiers to `x.ts`: without it import-x cannot follow relative
    // imports and no-cycle silently checks nothing.
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      // ignoreExternal: cycles inside node_modules are not ours, and following them crashes the
      // legacy resolver on packages with a `node/` folder (lru-cache: "node with invalid interface").
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['src/**/*.ts'], rules: noImport('**/test/**') },
  {
    files: ['src/flip/**/*.ts'],
    rules: noImport('**/loaders/**', '**/graphql/**', '**/server/**', '**/simulator/**', '**/app.js'),
  },
  {
    files: ['src/loaders/**/*.ts'],
    rules: noImport('**/graphql/**', '**/server/**', '**/simulator/**', '**/app.js'),
  },
  { files: ['src/graphql/**/*.ts'], rules: noImport('**/server/**', '**/simulator/**', '**/app.js') },
  // The cross-request cache sits under the loaders: it may use the store, the error model and
  // the Flip records, nothing above it (one group, so that the records exception applies).
  {
    files: ['src/cache/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/test/**',
                '**/loaders/**',
                '**/graphql/**',
                '**/server/**',
                '**/simulator/**',
                '**/app.js',
                '**/config.js',
                '**/flip/*',
                '!**/flip/records.js',
              ],
              message: 'crosses a boundary (STYLE.md section 1)',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/server/**/*.ts'], rules: noImport('**/simulator/**', '**/app.js') },
  {
    files: ['src/simulator/**/*.ts'],
    rules: noImport(
      '**/loaders/**',
      '**/graphql/**',
      '**/server/**',
      '**/app.js',
      '**/flip/http.js',
      '**/flip/map.js',
      '**/flip/*-client.js',
      '**/flip/auth.js',
      '**/flip/index.js',
      '**/flip/errors.js',
    ),
  },
);
