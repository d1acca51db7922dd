import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config.js';
import { createApp, startEmbeddedSimulator } from './app.js';
import { connectToPrimary, runPrimary } from './cluster/index.js';

/** Time allowed after the drain's grace period for closing the upstream pools. */
const CLOSE_MARGIN_MS = 5_000;

/**
 * Process entry: read config, start, drain on SIGTERM/SIGINT. Nothing else. With WORKERS > 1
 * this process is the cluster's primary (src/cluster/) and each worker runs this file again.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`flip-graphql: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (cluster.isPrimary && config.workers > 1) {
    return runPrimary(config, { startSimulator: () => startEmbeddedSimulator(config) });
  }
  let stop: (signal: string) => void = () => undefined;
  // Without the primary the worker cannot keep its promises (idempotency keys): it stops.
  const worker = cluster.isWorker
    ? await connectToPrimary({ onDisconnect: () => stop('primary gone') })
    : undefined;
  // Development: a short human banner with the URLs before the start-up log lines (JSON).
  const app = await createApp(config, {
    printBanner: worker && worker.id !== 1 ? undefined : (text) => process.stdout.write(text),
    cluster: worker,
  });
  let stopping = false;
  stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: finishing in-flight operations');
    // The HTTP drain itself cuts connections still open after the grace period; this backstop
    // only fires if closing the upstream pools or the simulator hangs beyond it.
    const force = setTimeout(() => {
      app.logger.error({ graceMs: config.shutdownGraceMs }, 'shutdown grace period exceeded; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + CLOSE_MARGIN_MS);
    force.unref();
    app.close().then(
      () => {
        app.logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `flip-graphql: failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
