import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run loadtest` only: drives the built service (dist/, spawned as its own process) with
// autocannon. It imports nothing from src/, so it needs no SWC and no graphql alias.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/load/**/*.load.ts'],
    environment: 'node',
    testTimeout: 15 * 60_000,
    hookTimeout: 120_000,
  },
});
