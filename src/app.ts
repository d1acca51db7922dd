import 'reflect-metadata';
import type { TracerProvider } from '@opentelemetry/api';
import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { createAuditStore } from './audit/index.js';
import type { ClusterWorker } from './cluster/index.js';
import type { Config, UpstreamConfig } from './config.js';
import { createFlipClients } from './flip/index.js';
import { createLive, type LiveEvent } from './live/index.js';
import {
  patchGroupList,
  patchProgramIndex,
  type GroupEntry,
  type ProgramChange,
  type ProgramIndex,
} from './loaders/index.js';
import { createContext, createSchema, createSubgraphSchema } from './graphql/index.js';
import { assertAuthPolicy, createAuthenticator, type Authenticator } from './server/auth.js';
import { createFormatError } from './server/format-error.js';
import { healthRoute } from './server/health.js';
import { formatBanner } from './server/banner.js';
import { startHttpServer, type HttpRequestInfo } from './server/http.js';
import { createIde, simulatorSamples } from './server/ide/index.js';
import { inputChecksPlugin } from './server/input-checks.js';
import { persistedQueryPlugin } from './server/persisted-queries.js';
import { createLimits } from './server/limits.js';
import { createLogger, type Logger } from './server/logger.js';
import { createMetrics, metricsRoute, type Metrics } from './server/metrics.js';
import { createUpstreamCallRecorder, operationLogPlugin } from './server/operation-log.js';
import { ResponseCache } from './server/response-cache.js';
import { responseCachePlugin } from './server/response-cache-plugin.js';
import { authorizationPlugin } from './server/roles.js';
import { sseRoute } from './server/sse.js';
import { createSubscriptionPreparer } from './server/subscription-prepare.js';
import { createSubscriptionServer } from './server/subscriptions.js';
import { trustedDocumentsFor } from './server/trusted-documents.js';
import { operationSpanPlugin, traceResolvers } from './server/tracing.js';
import { startTracing } from './server/tracing-sdk.js';
import { WEBHOOK_PATH, webhookRoute } from './server/webhooks.js';
import { createSharedState } from './shared-state.js';
import { startSimulator, type Simulator, type SimulatorOptions } from './simulator/index.js';
import {
  createAuditRecovery,
  createWriteServices,
  type AuditEntry,
  type InvalidationScope,
  type WriteDeps,
} from './writes/index.js';

/** How long close() waits for the upstream pools after the HTTP drain. */
const POOL_CLOSE_MS = 2_000;

export interface AppOptions {
  /** Overrides for the embedded simulator (only used when FLIP_UTILITY_API_URL is unset). */
  simulator?: SimulatorOptions;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** The cross-request cache's wall clock in epoch ms (tests move it past a TTL). */
  cacheClock?: () => number;
  /**
   * Where spans go (tests: an in-memory exporter). Absent: the OpenTelemetry SDK when an OTLP
   * endpoint is configured, else no tracing.
   */
  tracerProvider?: TracerProvider;
  /** Where the development banner goes (main.ts: stdout); not printed without it or in production. */
  printBanner?: (text: string) => void;
  /**
   * In a cluster worker (WORKERS > 1): the primary's simulator, store, bus and audit database
   * (src/cluster/). Absent: this process is the whole service.
   */
  cluster?: ClusterWorker;
}

export interface App {
  url: string;
  graphqlUrl: string;
  config: Readonly<Config>;
  /** The embedded simulator, when the service runs on it. */
  simulator?: Simulator;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * The composition root: the only place that wires simulator, Flip clients, loaders, schema and
 * HTTP server together. Starts listening; `close()` drains in-flight operations, then closes the
 * upstream pools and the simulator.
 */
export async function createApp(config: Readonly<Config>, options: AppOptions = {}): Promise<App> {
  const startedAt = new Date();
  // Before anything starts: a refused start leaves nothing to clean up.
  assertAuthPolicy(config);
  const authenticator = await createAuthenticator(config.auth);
  const logger = createLogger({
    level: config.logLevel,
    destination: options.logDestination,
    worker: options.cluster?.id,
  });
  const clusterSim = options.cluster?.setup.simulator;
  const tracing = startTracing(config.tracing, options.tracerProvider);
  const { tracer } = tracing;
  // A cluster worker uses the primary's simulator: one simulator, one set of data.
  const simulator =
    config.upstream || clusterSim ? undefined : await startEmbeddedSimulator(config, options.simulator);
  const upstream: UpstreamConfig = config.upstream ??
    clusterSim?.upstream ?? {
      utilityUrl: simulator!.utilityUrl,
      cloudUrl: simulator!.cloudUrl,
      utilityApiKey: simulator!.utilityApiKey,
      cloudApiKey: simulator!.cloudApiKey,
      programs: simulator!.programs,
    };

  const metrics = createMetrics();
  const upstreamCalls = createUpstreamCallRecorder({ logger, metrics });
  // Set once the cross-request cache exists (it needs its generations); calls come later.
  let responseCache: ResponseCache | undefined;
  const clients = createFlipClients({
    upstream,
    http: config.http,
    logger,
    onUpstreamCall: (report) => {
      upstreamCalls.onUpstreamCall(report);
      responseCache?.noteUpstreamCall();
    },
    // The naive baseline of the benchmark fetches per field: no sharing of identical reads either.
    coalesce: !config.disableBatching,
    tracer,
  });
  // FEDERATION=true: the same schema and resolvers, plus `_service`/`_entities`, for a supergraph.
  const schema = config.federation ? await createSubgraphSchema() : await createSchema();
  if (tracer) traceResolvers(schema, tracer, config.tracing.slowResolverMs);
  // recordBatch(loader, size): DataLoader batch sizes for /metrics, for the loaders to call.
  // Idempotency keys of dispatchEvent and the cross-request cache: Redis with REDIS_URL.
  const shared = await createSharedState(config, {
    programIds: upstream.programs.map((p) => p.id),
    logger,
    metrics,
    now: options.cacheClock,
    // A write's change patches the cached program and group list (issue 20), not drops them.
    patchers: {
      enrollments: (value, change) => patchProgramIndex(value as ProgramIndex, change),
      groups: (value, change, programId) => patchGroupList(value as GroupEntry[], change, programId),
    },
    cluster: options.cluster?.shared,
  });
  const { store, cache, locator } = shared;
  // Whole answers of repeated queries, keyed on the cache's generations: off with the cache.
  if (cache && config.responseCache.ttlS > 0 && config.responseCache.maxBytes > 0) {
    responseCache = new ResponseCache({
      ...config.responseCache,
      versions: cache,
      now: options.cacheClock,
      onLookup: (hit) => (hit ? metrics.responseCacheHits : metrics.responseCacheMisses).inc(),
    });
  }
  logger.info(
    { responseCacheTtlS: responseCache ? config.responseCache.ttlS : 0 },
    responseCache ? 'response cache on' : 'response cache off',
  );
  // With no FLIP_WEBHOOK_SECRET, the embedded simulator signs its webhooks with its own key and
  // the service accepts it, so `npm start` shows live telemetry (SIM_WEBHOOK_INTERVAL_S=0: off).
  const simWebhookSecret = options.cluster
    ? options.cluster.setup.simWebhookSecret
    : simulator && config.simulator.webhookIntervalS > 0
      ? (config.simulator.webhookSecret ?? `whsec_${randomBytes(32).toString('base64')}`)
      : undefined;
  const webhookSecrets =
    config.live.webhookSecrets.length > 0
      ? config.live.webhookSecrets
      : simWebhookSecret
        ? [simWebhookSecret]
        : [];
  const live = createLive({
    clients,
    store,
    bus: shared.liveBus,
    queueMax: config.live.queueMax,
    webhookSecrets,
    telemetryPollS: config.live.telemetryPollS,
    programIds: upstream.programs.map((p) => p.id),
    observe: liveObserver(logger, metrics),
  });
  metrics.countSubscriptionsWith(live.subscriberCount);
  // WORKERS > 1: /metrics on any worker shows every worker's, added up by the primary (its own
  // alone if the primary cannot answer).
  options.cluster?.serveMetrics(() => metrics.json());
  const clusterMetrics = options.cluster
    ? () => options.cluster!.metrics().catch(() => metrics.render())
    : undefined;
  // The durable audit trail. Reads never wait for it: it opens on the first write, or right away
  // in the background in production (PGlite takes seconds to create its data directory).
  const auditStore = createAuditStore({
    databaseUrl: config.audit.databaseUrl,
    dataDir: config.audit.dataDir,
    retentionDays: config.audit.retentionDays,
    // PGlite is one process: a cluster worker sends its queries to the primary's.
    backend:
      options.cluster && !config.audit.databaseUrl ? async () => options.cluster!.shared.sql : undefined,
    // The database's own text stays in the log (it may name hosts); callers get a fixed message.
    onError: (stage, error) =>
      logger.error(
        { stage, err: error instanceof Error ? error.message : String(error) },
        'audit trail failed',
      ),
  });
  // PGlite runs on its own thread: the service answers while it opens; this line says it is ready.
  if (config.isProduction) {
    void auditStore.open().then(
      () => logger.info({ auditStore: auditStore.kind }, 'audit trail open'),
      () => undefined,
    );
  }
  const writeDeps: WriteDeps = {
    clients,
    config,
    programs: upstream.programs,
    store,
    // A write drops what it changed from the cache, here and (through Redis) on every instance.
    invalidate: cache
      ? (programId: string | null, scope: InvalidationScope) => cache.invalidate(programId, scope)
      : undefined,
    // A write Flip answered patches the cached copies instead, here and on every instance.
    patch: cache
      ? (programId: string, scope: 'enrollments' | 'groups', change: ProgramChange) =>
          cache.patch(scope, programId, change)
      : undefined,
    // One structured line per write: ids, codes and timing only (no names, emails, addresses).
    // The same entry tells subscribers of programChanges (here and, through Redis, everywhere).
    audit: (entry: AuditEntry) => {
      logger.info({ audit: entry }, `audit ${entry.operation} ${entry.outcome}`);
      live.onWrite(entry);
    },
    auditStore,
    auditRequired: config.audit.required,
    onAuditStoreError: (stage, error) =>
      logger.error(
        { stage, err: error instanceof Error ? error.message : String(error) },
        config.audit.required || stage === 'complete'
          ? `audit trail could not store the ${stage === 'begin' ? 'intent' : 'completion'} of a write`
          : 'audit trail unavailable: AUDIT_REQUIRED=false, the write goes on with log-only audit (unsafe)',
      ),
  };
  const writes = createWriteServices(writeDeps);
  const deps = {
    clients,
    config,
    programs: upstream.programs,
    recordBatch: metrics.recordBatch,
    cache,
    locator,
    store,
    writes,
    tracer,
    live,
    auditStore,
  };
  // Entries a stopped process left unknown: from start-up on, in the background (a persistent trail).
  const auditRecovery = createAuditRecovery(writeDeps, {
    exclusive: !config.audit.databaseUrl,
    startedAt,
    callFor: (caller, requestId) => ({ ...createContext(deps, { requestId, caller: null }), caller }),
    onSettled: (entry, s) =>
      logger.warn(
        { auditEntry: entry.id, operation: entry.operation, outcome: s.outcome ?? null, eventId: s.eventId },
        `audit entry left unknown looked at again: ${s.recovery.note}`,
      ),
    onError: (error) =>
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'audit recovery failed; it runs again later',
      ),
  });
  const persistentTrail = config.audit.databaseUrl !== undefined || config.audit.dataDir !== 'memory://';
  if (config.audit.recoveryIntervalS > 0 && persistentTrail)
    auditRecovery.start(config.audit.recoveryIntervalS * 1_000);
  const ide = config.ide
    ? createIde({
        programIds: upstream.programs.map((p) => p.id),
        logger,
        authRequired: authenticator !== undefined,
        // Sample ids only from the embedded simulator: the page is served without a token.
        samples: simulator
          ? simulatorSamples(
              simulator.state,
              upstream.programs.map((p) => p.id),
            )
          : undefined,
      })
    : undefined;
  const limits = createLimits(config, { programCount: upstream.programs.length });
  let stopping = false;
  const createRequestContext = (req: HttpRequestInfo) =>
    createContext(
      // A request whose answer may be kept reads the cache through a view that records what it read.
      cache && req.responseCache ? { ...deps, cache: cache.observed(req.responseCache.onRead) } : deps,
      { requestId: req.requestId, caller: req.caller, onSlowConsumer: req.onSlowConsumer },
    );
  const trustedDocuments = trustedDocumentsFor(config.trustedDocuments, logger);
  // WebSocket and SSE subscriptions get the HTTP path's auth, roles, limits and error masking.
  const preparer = createSubscriptionPreparer({
    schema,
    authenticator,
    createContext: createRequestContext,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    trustedDocuments,
    checkCost: limits.checkCost,
    formatError: createFormatError(logger, { hideSuggestions: config.isProduction }),
  });
  const subscriptions = createSubscriptionServer({
    config,
    logger,
    preparer,
    connections: metrics.subscriptionConnections,
  });
  const server = await startHttpServer({
    config,
    schema,
    logger,
    landingPage: ide?.landingPage,
    authenticator,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    requestsInFlight: metrics.requestsInFlight,
    trustedDocuments,
    responseCache,
    tracer,
    attach: subscriptions,
    plugins: [
      ...(tracer ? [operationSpanPlugin()] : []),
      operationLogPlugin({ logger, metrics, upstream: upstreamCalls }),
      authorizationPlugin({ enabled: authenticator !== undefined }),
      inputChecksPlugin(),
      persistedQueryPlugin(),
      ...limits.plugins,
      ...(responseCache ? [responseCachePlugin()] : []),
    ],
    routes: [
      healthRoute({ clients, programs: upstream.programs, logger, isStopping: () => stopping }),
      metricsRoute(metrics, clusterMetrics),
      sseRoute({ config, logger, preparer, streams: subscriptions }),
      webhookRoute({ receive: live.webhooks.receive, maxBodyBytes: config.live.webhookMaxBodyBytes, logger }),
      ...(ide?.routes ?? []),
    ],
    createContext: createRequestContext,
  });
  const stopSimWebhooks =
    simWebhookSecret && simulator
      ? simulator.sendWebhooks({
          url: config.simulator.webhookUrl ?? `${server.url}${WEBHOOK_PATH}`,
          secret: simWebhookSecret,
          intervalS: config.simulator.webhookIntervalS,
        })
      : undefined;

  if (config.nodeEnv === 'development' && options.printBanner) {
    options.printBanner(
      formatBanner({
        graphqlUrl: server.graphqlUrl,
        ide: config.ide,
        simulatorUrl: simulator?.url ?? clusterSim?.url,
        upstreamUrl: upstream.utilityUrl,
        auth: authMode(config, authenticator),
        corsOrigins: config.corsOrigins,
      }),
    );
  }
  const simulatorUrl = simulator?.url ?? clusterSim?.url;
  if (simulatorUrl) {
    logger.info(
      { simulator: simulatorUrl, programs: upstream.programs.map((p) => p.id) },
      `no FLIP_UTILITY_API_URL: running on the embedded Flip simulator at ${simulatorUrl}; GraphQL IDE at ${server.graphqlUrl}`,
    );
  } else {
    logger.info({ utility: upstream.utilityUrl }, `flip-graphql listening at ${server.graphqlUrl}`);
  }
  logAuthState(logger, config, authenticator);

  return {
    url: server.url,
    graphqlUrl: server.graphqlUrl,
    config,
    simulator,
    logger,
    async close() {
      stopping = true;
      stopSimWebhooks?.();
      // Subscriptions keep their updates (polls, Redis) during the drain's grace period.
      try {
        await server.close();
      } finally {
        live.close();
      }
      // Operations cut at the end of the drain may still wait on Flip (up to its timeouts and
      // retries): give the pools a short while, then stop waiting for them.
      if (!(await settlesWithin(clients.close(), POOL_CLOSE_MS))) {
        logger.warn({ waitMs: POOL_CLOSE_MS }, 'upstream calls still running after the drain; not waiting');
      }
      await auditRecovery.stop();
      await shared.close();
      await auditStore.close().catch(() => undefined);
      await simulator?.close();
      await tracing.shutdown();
    },
  };
}

/** The embedded Flip simulator of a service without FLIP config (main.ts: a cluster's primary's). */
export function startEmbeddedSimulator(
  config: Readonly<Config>,
  overrides: SimulatorOptions = {},
): Promise<Simulator> {
  return startSimulator({
    port: 0,
    host: '127.0.0.1',
    sites: config.simulator.sites,
    seed: config.simulator.seed,
    latencyMs: config.simulator.latencyMs,
    ...overrides,
  });
}

function authMode(config: Readonly<Config>, authenticator: Authenticator | undefined): string {
  if (!authenticator) return 'off: any caller may query (no GRAPHQL_API_KEYS or JWT configured)';
  const jwt = config.auth.jwt;
  const parts = [
    ...(config.auth.apiKeys.length > 0 ? [`${config.auth.apiKeys.length} API key(s)`] : []),
    ...(jwt ? [`JWT (${jwt.jwksUrl ? 'JWKS' : 'public key'})`] : []),
  ];
  return `on: ${parts.join(', ')}; send Authorization: Bearer <token>`;
}

/** Webhook outcomes and hub failures to the log and /metrics; never throws. */
function liveObserver(logger: Logger, metrics: Metrics): (event: LiveEvent) => void {
  return (event) => {
    switch (event.kind) {
      case 'webhook':
        metrics.webhooks.inc({ outcome: event.outcome });
        if (event.rejectedPoints) metrics.webhookRejectedPoints.inc(event.rejectedPoints);
        if (event.outcome === 'accepted') logger.debug({ webhook: event }, 'webhook accepted');
        else logger.info({ webhook: event }, `webhook ${event.outcome}`);
        return;
      case 'bus-failed':
        logger.warn(
          { err: { message: messageOf(event.error) } },
          'live update not sent to other instances (Redis)',
        );
        return;
      case 'poll-failed':
        logger.warn(
          { programId: event.programId, err: { message: messageOf(event.error) } },
          'telemetry poll failed',
        );
    }
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function logAuthState(
  logger: Logger,
  config: Readonly<Config>,
  authenticator: Authenticator | undefined,
): void {
  if (authenticator) {
    const jwt = config.auth.jwt;
    logger.info(
      { apiKeys: config.auth.apiKeys.length, jwt: jwt ? (jwt.jwksUrl ? 'jwks' : 'public key') : 'off' },
      'caller auth is on',
    );
  } else if (config.upstream) {
    logger.warn('auth is off (ALLOW_ANONYMOUS=true): anyone who reaches this port can use Flip through it');
  } else {
    logger.info('auth is off: no GRAPHQL_API_KEYS or JWT configured, running on the embedded simulator');
  }
}

/** True when the promise settles within ms; a rejected close counts as settled (close is best effort). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
