import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { SkipReasonsReporter } from './test/support/skip-reasons.js';

const require = createRequire(import.meta.url);

export default defineConfig({
  // vitest's default esbuild transform drops decorator metadata, which type-graphql reads for
  // fields declared without a type function; SWC emits it, like tsc does for `npm start`.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // Apollo is external and Node gives it graphql's CJS build (graphql 16 has no "exports"), while
  // vite would resolve `graphql` in inlined code (ours, type-graphql) to its ESM build: a schema
  // built by one copy is "from another module or realm" for the other. Point every `graphql`
  // import at the CJS entry, which vitest externalizes, so all share Node's one instance.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // After the summary line, one line per skip reason: a test that needs a missing system
    // binary (test/support/system-binary.ts) says which and how to install it.
    // In CI also a JSON report, from which .ci/run prints the plain closing 'N passed' line.
    reporters: [
      'default',
      new SkipReasonsReporter(),
      ...(process.env.CI
        ? [['json', { outputFile: '.artifacts/vitest.json' }] satisfies ['json', object]]
        : []),
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // type-graphql loads graphql's CJS build, vitest would load its ESM build: two copies
    // and "Cannot use GraphQLObjectType from another module or realm". Inlining type-graphql
    // makes it go through vitest's resolver too, so one graphql module is loaded.
    server: { deps: { inline: ['type-graphql'] } },
  },
});
