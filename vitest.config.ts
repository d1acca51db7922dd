import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // vitest's default esbuild transform drops decorator metadata, which type-graphql reads for
  // fields declared without a type function; SWC emits it, like tsc does for `npm start`.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // type-graphql loads graphql's CJS build, vitest would load its ESM build: two copies
    // and "Cannot use GraphQLObjectType from another module or realm". Inlining type-graphql
    // makes it go through vitest's resolver too, so one graphql module is loaded.
    server: { deps: { inline: ['type-graphql'] } },
  },
});
