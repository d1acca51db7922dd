import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run bench` only (never part of `npm test`): drives the built simulator and service
// (dist/, spawned as their own processes) with autocannon. Imports nothing from src/ at run time
// (types only), so it needs no SWC and no graphql alias.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 60 * 60_000,
    hookTimeout: 120_000,
    // The table goes to stdout as it is; no other test file runs beside the benchmark.
    fileParallelism: false,
    disableConsoleIntercept: true,
  },
});
