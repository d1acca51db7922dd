// ESLint flat config. Besides typescript-eslint's recommended rules it enforces the boundaries
// of STYLE.md section 1 as one allowlist per folder and top-level file: server -> graphql ->
// writes -> loaders -> (cache, store, audit) -> flip -> errors/config; the simulator imports only
// flip/wire.ts and errors.ts; nothing in src/ imports test/; no import cycles.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * What each part of src/ MAY import inside src/ (an allowlist, STYLE.md section 1): every other
 * file of src/ is refused. Paths are relative to src/; a folder allows everything under it.
 * Another boundary is reached through its index.ts (flip also through wire.ts and records.ts,
 * the shapes every layer shares). Imports are resolved first, so `../x.js` and `./x.js` alike.
 */
const FLIP_SHAPES = ['./flip/index.ts', './flip/wire.ts', './flip/records.ts'];
const ALLOWED_IMPORTS = {
  // Default: a new folder or top-level file imports nothing of src/ until it is given a line here.
  '': [],
  'config.ts': [],
  'errors.ts': [],
  // Resolver spans that start on I/O (issue 16): the server wraps resolvers, flip/ and loaders/
  // ask it for the context to start I/O under.
  'trace-context.ts': ['./errors.ts'],
  'main.ts': ['./config.ts', './app.ts', './cluster/index.ts'],
  // The composition root wires everything together; nothing else imports the simulator.
  'app.ts': ['./'],
  // app.ts's helper for what outlives a request; it takes the logger and metrics types from server/.
  'shared-state.ts': [
    './config.ts',
    './cache/index.ts',
    './store/index.ts',
    './cluster/index.ts',
    './server/logger.ts',
    './server/metrics.ts',
  ],
  // WORKERS > 1: the primary owns the store, the bus and PGlite for its workers (IPC); the
  // simulator reaches it from main.ts (app.ts starts it), never by import.
  cluster: [
    './cluster',
    './audit/index.ts',
    './cache/index.ts',
    './store/index.ts',
    './server/logger.ts',
    './server/metrics.ts',
    './errors.ts',
    './config.ts',
  ],
  server: [
    './server',
    './graphql/index.ts',
    './live/index.ts',
    './flip/index.ts',
    './trace-context.ts',
    './errors.ts',
    './config.ts',
  ],
  graphql: [
    './graphql',
    './writes/index.ts',
    './live/index.ts',
    './loaders/index.ts',
    './cache/index.ts',
    ...FLIP_SHAPES,
    './errors.ts',
    './config.ts',
  ],
  writes: [
    './writes',
    './audit/index.ts',
    './loaders/index.ts',
    './store/index.ts',
    ...FLIP_SHAPES,
    './errors.ts',
    './config.ts',
  ],
  loaders: [
    './loaders',
    './audit/index.ts',
    './cache/index.ts',
    './store/index.ts',
    ...FLIP_SHAPES,
    './trace-context.ts',
    './errors.ts',
    './config.ts',
  ],
  // The change hub of subscriptions: Flip's records and webhook parser, the store and its bus.
  live: ['./live', './store/index.ts', ...FLIP_SHAPES, './errors.ts', './config.ts'],
  // The cross-request cache sits under the loaders: the store, the error model and Flip's records.
  cache: ['./cache', './store/index.ts', './flip/records.ts', './errors.ts'],
  store: ['./store', './errors.ts'],
  // The durable audit trail (issue 19), beside the store: writes store entries, loaders read them.
  audit: ['./audit', './errors.ts'],
  flip: ['./flip', './trace-context.ts', './errors.ts', './config.ts'],
  // A separate program: it shares only the documented wire shapes (its contract tests check them).
  simulator: ['./simulator', './flip/wire.ts', './errors.ts'],
  // `npm run simulator` reads its settings like the service does.
  'simulator/main.ts': ['./simulator', './flip/wire.ts', './errors.ts', './config.ts'],
};

const BOUNDARY_MESSAGE =
  "crosses a boundary: not in this folder's allowlist (eslint.config.js, STYLE.md section 1)";

const allowlistBlocks = Object.entries(ALLOWED_IMPORTS).map(([part, allowed]) => ({
  files: [part.endsWith('.ts') ? `src/${part}` : `src/${part}${part === '' ? '' : '/'}**/*.ts`],
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      {
        basePath: import.meta.dirname,
        zones: [
          { target: `./src/${part}`, from: './src', except: allowed, message: BOUNDARY_MESSAGE },
          { target: `./src/${part}`, from: './test', message: 'src/ never imports test/' },
        ],
      },
    ],
  },
}));

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
  ...allowlistBlocks,
);
