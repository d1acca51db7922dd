import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { openAuditBackend, type SqlBackend } from '../audit/index.js';
import type { Config } from '../config.js';
import { createLogger, type Logger } from '../server/logger.js';
import { aggregateMetrics, type MetricsJson } from '../server/metrics.js';
import { createMemoryStore, type KeyValueStore } from '../store/index.js';
import { createEndpoint, type Endpoint } from './endpoint.js';
import type { EmbeddedSimulator, WorkerSetup } from './types.js';

/** How long the primary waits for a worker to take a bus message before going on without it. */
const DELIVER_TIMEOUT_MS = 2_000;
/** After the workers' own grace period: how long before the primary kills what is left. */
const CLOSE_MARGIN_MS = 5_000;
/** Restart backoff: 250 ms after a first crash, doubling per crash within a minute, at most 30 s. */
const RESTART_BASE_MS = 250;
const RESTART_MAX_MS = 30_000;
const CRASH_WINDOW_MS = 60_000;
/** Crashes within the window, with no worker serving, after which the primary gives up (exit 1). */
const MAX_CRASHES_NONE_SERVING = 5;

/**
 * WORKERS > 1: this process forks the workers that serve the port (node:cluster shares it) and
 * owns what must be one for all of them without Redis: the embedded simulator, the idempotency
 * store, the message bus between workers, and PGlite (the audit trail without DATABASE_URL).
 * Workers reach them over IPC (worker-shared.ts). A worker that dies is restarted with backoff;
 * SIGTERM/SIGINT drains every worker, then closes what the primary owns and exits 0.
 */
export async function runPrimary(
  config: Readonly<Config>,
  options: { startSimulator: () => Promise<EmbeddedSimulator> },
): Promise<void> {
  const logger = createLogger({ level: config.logLevel, worker: 'primary' });
  // Structured clone: audit rows keep their Dates, store values and errors arrive as sent.
  cluster.setupPrimary({ serialization: 'advanced' });
  const simulator = config.upstream ? undefined : await options.startSimulator();
  const simWebhookSecret =
    simulator && config.simulator.webhookIntervalS > 0
      ? (config.simulator.webhookSecret ?? `whsec_${randomBytes(32).toString('base64')}`)
      : undefined;
  const setup: WorkerSetup = {
    simulator: simulator && {
      url: simulator.url,
      upstream: {
        utilityUrl: simulator.utilityUrl,
        cloudUrl: simulator.cloudUrl,
        utilityApiKey: simulator.utilityApiKey,
        cloudApiKey: simulator.cloudApiKey,
        programs: simulator.programs,
      },
    },
    simWebhookSecret,
  };
  const store = createMemoryStore({ maxEntries: config.dispatch.idempotencyMaxKeys });
  const sql = config.audit.databaseUrl ? undefined : lazyAuditDatabase(config, logger);
  const endpoints = new Map<Worker, Endpoint>();
  /**
   * Workers that have said hello (their handlers are in place): only these are sent bus messages
   * and asked for metrics. One still starting has nothing cached and no subscriber yet, and a
   * message to it would wait out the delivery timeout.
   */
  const ready = new Map<Worker, Endpoint>();
  let stopping = false;
  let stopSimWebhooks: (() => void) | undefined;
  const crashes: number[] = [];

  const fork = () => {
    const worker = cluster.fork();
    const endpoint = createEndpoint({
      name: `worker ${worker.id}`,
      timeoutMs: DELIVER_TIMEOUT_MS,
      send: (message) =>
        new Promise<void>((resolve, reject) => {
          if (!worker.isConnected()) return reject(new Error('worker disconnected'));
          worker.send(message as never, (error: Error | null) => (error ? reject(error) : resolve()));
        }),
    });
    endpoints.set(worker, endpoint);
    worker.on('message', (message: unknown) => endpoint.receive(message));
    endpoint.handle('hello', () => {
      ready.set(worker, endpoint);
      return setup;
    });
    endpoint.handle('kv', (payload) => {
      const { method, args } = payload as { method: keyof KeyValueStore; args: unknown[] };
      if (method === 'close') return undefined;
      return (store[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    });
    endpoint.handle('publish', async (payload) => {
      // Resolves once every other worker has the message: a write's invalidation reaches them
      // before its answer leaves, so the next read on any worker sees the write.
      await Promise.all(
        [...ready]
          .filter(([other]) => other !== worker)
          .map(([other, to]) =>
            to.call('deliver', payload).catch((error: unknown) => {
              logger.warn(
                { to: other.id, err: { message: messageOf(error) } },
                'bus message not delivered to a worker: told it missed messages',
              );
              // Behind the lost message on the same channel: the worker then drops its whole
              // cache rather than serve what the message would have dropped.
              to.call('missed').catch(() => undefined);
            }),
          ),
      );
    });
    endpoint.handle('metrics', async () => {
      // A worker that does not answer in time is left out of this scrape.
      const perWorker = await Promise.all(
        [...ready.values()].map((to) => to.call<MetricsJson>('metrics-json').catch(() => undefined)),
      );
      return aggregateMetrics(perWorker.filter((m) => m !== undefined));
    });
    endpoint.handle('sql', async (payload) => {
      if (!sql) throw new Error('DATABASE_URL is set: workers connect to it themselves');
      const { sql: text, params } = payload as { sql: string; params: unknown[] };
      return (await sql.open()).query(text, params);
    });
    return worker;
  };

  cluster.on('online', (worker) =>
    logger.info({ started: worker.id, pid: worker.process.pid }, 'worker started'),
  );
  /** Workers whose server is listening. */
  const serving = new Set<Worker>();
  cluster.on('exit', (worker, code, signal) => {
    endpoints.get(worker)?.close();
    endpoints.delete(worker);
    ready.delete(worker);
    serving.delete(worker);
    if (stopping) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    if (serving.size === 0 && crashes.length >= MAX_CRASHES_NONE_SERVING) {
      // Workers that cannot start (the port is taken, Flip's config is refused...) would be
      // restarted forever: stop like a single process that fails to start.
      logger.fatal(
        { exited: worker.id, code, signal, crashes: crashes.length },
        'workers keep dying and none serves: exiting',
      );
      stop('workers failing', 1);
      return;
    }
    const delayMs = Math.min(RESTART_BASE_MS * 2 ** (crashes.length - 1), RESTART_MAX_MS);
    logger.error({ exited: worker.id, code, signal, restartInMs: delayMs }, 'worker died: restarting it');
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs).unref();
  });

  let hasAnnounced = false;
  cluster.on('listening', (worker, address) => {
    serving.add(worker);
    if (hasAnnounced || serving.size !== config.workers) return;
    hasAnnounced = true;
    logger.info(
      { workers: config.workers, port: address.port },
      `${config.workers} workers serving port ${address.port}`,
    );
    if (simulator && simWebhookSecret && !stopSimWebhooks) {
      const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
      stopSimWebhooks = simulator.sendWebhooks({
        url: config.simulator.webhookUrl ?? `http://${host}:${address.port}/webhooks/flip`,
        secret: simWebhookSecret,
        intervalS: config.simulator.webhookIntervalS,
      });
    }
  });

  for (let i = 0; i < config.workers; i++) fork();

  function stop(signal: string, exitCode = 0): void {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, workers: endpoints.size },
      'shutting down: every worker finishes its in-flight operations',
    );
    stopSimWebhooks?.();
    const force = setTimeout(
      () => {
        logger.error(
          { graceMs: config.shutdownGraceMs },
          'workers still running after the grace period; killing them',
        );
        for (const worker of endpoints.keys()) worker.process.kill('SIGKILL');
        process.exit(1);
      },
      config.shutdownGraceMs + 2 * CLOSE_MARGIN_MS,
    );
    force.unref();
    // A signal, not worker.kill(): that would disconnect IPC first, and a draining worker still
    // needs the store and the bus for the operations it finishes.
    const exits = [...endpoints.keys()].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    );
    void Promise.all(exits)
      .then(async () => {
        await sql?.close();
        await store.close();
        await simulator?.close();
        logger.info('stopped');
        process.exit(exitCode);
      })
      .catch((error: unknown) => {
        logger.error({ err: { message: messageOf(error) } }, 'shutdown failed');
        process.exit(1);
      });
  }
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** PGlite opened on the first query (or at once in production), opened again after a failure. */
function lazyAuditDatabase(
  config: Readonly<Config>,
  logger: Logger,
): { open(): Promise<SqlBackend>; close(): Promise<void> } {
  let opening: Promise<SqlBackend> | undefined;
  const open = () => {
    opening ??= openAuditBackend({ dataDir: config.audit.dataDir }).catch((error: unknown) => {
      opening = undefined;
      logger.error({ stage: 'open', err: messageOf(error) }, 'audit trail failed');
      throw error;
    });
    return opening;
  };
  if (config.isProduction) void open().catch(() => undefined);
  return {
    open,
    async close() {
      const backend = await opening?.catch(() => undefined);
      await backend?.close();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
