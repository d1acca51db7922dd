import type { IncomingMessage, ServerResponse } from 'node:http';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpstreamCallReport } from '../flip/index.js';

/** Distinct operation names kept as label values; later names are counted as `other`. */
const MAX_OPERATION_NAMES = 200;
const MAX_OPERATION_NAME_LENGTH = 64;
const PREFIX = 'flip_graphql_';

export interface Metrics {
  registry: Registry;
  requestsInFlight: Gauge;
  /** For the cross-request cache (issue 9): `cacheHits.inc({ cache: 'enrollments' })`. */
  cacheHits: Counter<'cache'>;
  cacheMisses: Counter<'cache'>;
  /** With Redis: how loads took part in the fleet's one load per key (CacheEvent.lease). */
  cacheLeases: Counter<'cache' | 'outcome'>;
  /** Response cache lookups (server/response-cache.ts): answered from it, or executed. */
  responseCacheHits: Counter;
  responseCacheMisses: Counter;
  /** Webhook deliveries by outcome (accepted, duplicate, bad-signature, invalid-envelope...). */
  webhooks: Counter<'outcome'>;
  /** Telemetry points of webhooks that did not fit the documented shape (dropped). */
  webhookRejectedPoints: Counter;
  /** Open subscription (WebSocket) connections. */
  subscriptionConnections: Gauge;
  /** Where the number of active subscriptions is read at each scrape (the live hub). */
  countSubscriptionsWith(count: () => number): void;
  observeOperation(operation: {
    name: string | null;
    type: string;
    durationMs: number;
    errorCodes: string[];
  }): void;
  observeUpstreamCall(report: UpstreamCallReport): void;
  /** DataLoader batch sizes, called by the loaders through the context deps. */
  recordBatch(loader: string, size: number): void;
  /** Prometheus text exposition of the service's and the process's metrics. */
  render(): Promise<{ contentType: string; body: string }>;
  /** The same metrics as JSON, for a cluster's primary to add up (aggregateMetrics). */
  json(): Promise<MetricsJson>;
}

export type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/**
 * WORKERS > 1: the workers' metrics as one exposition, as if one process served them all
 * (prom-client's cluster aggregation: counters and histograms summed, and gauges by each metric's
 * aggregator, `sum` unless it says otherwise).
 */
export async function aggregateMetrics(
  perWorker: MetricsJson[],
): Promise<{ contentType: string; body: string }> {
  const registry = AggregatorRegistry.aggregate(perWorker);
  return { contentType: registry.contentType, body: await registry.metrics() };
}

// Process metrics (memory, CPU, event loop, GC) are per process, not per app instance: collected
// once into their own registry, so tests that start many apps do not add monitors each time.
let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: PREFIX });
  }
  return processRegistry;
}

/** The service's metrics in its own registry (never prom-client's global one). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const operationDuration = new Histogram({
    name: `${PREFIX}operation_duration_seconds`,
    help: 'GraphQL operation duration by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const operationErrors = new Counter({
    name: `${PREFIX}operation_errors_total`,
    help: 'Errors in GraphQL responses by code.',
    labelNames: ['code'] as const,
    registers,
  });
  const upstreamCalls = new Counter({
    name: `${PREFIX}upstream_requests_total`,
    help: 'Calls to Flip by upstream, method, endpoint (route template) and final status (0 = no response).',
    labelNames: ['upstream', 'method', 'endpoint', 'status'] as const,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: `${PREFIX}upstream_request_duration_seconds`,
    help: 'Duration of calls to Flip, retries included.',
    labelNames: ['upstream', 'method', 'endpoint'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const upstreamRetries = new Counter({
    name: `${PREFIX}upstream_retries_total`,
    help: 'Retried attempts of calls to Flip (attempts - 1).',
    labelNames: ['upstream', 'method', 'endpoint'] as const,
    registers,
  });
  const batchSize = new Histogram({
    name: `${PREFIX}dataloader_batch_size`,
    help: 'Keys per DataLoader batch.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers,
  });
  const cacheHits = new Counter({
    name: `${PREFIX}cache_hits_total`,
    help: 'Cross-request cache hits.',
    labelNames: ['cache'] as const,
    registers,
  });
  const cacheMisses = new Counter({
    name: `${PREFIX}cache_misses_total`,
    help: 'Cross-request cache misses.',
    labelNames: ['cache'] as const,
    registers,
  });
  const cacheLeases = new Counter({
    name: `${PREFIX}cache_leases_total`,
    help: 'Cross-request cache loads shared through a Redis lease, by outcome (acquired, waited, fallback, large).',
    labelNames: ['cache', 'outcome'] as const,
    registers,
  });
  const responseCacheHits = new Counter({
    name: `${PREFIX}response_cache_hits_total`,
    help: 'Queries answered from the response cache, without executing.',
    registers,
  });
  const responseCacheMisses = new Counter({
    name: `${PREFIX}response_cache_misses_total`,
    help: 'Response cache lookups that found no current answer (the query executed).',
    registers,
  });
  const requestsInFlight = new Gauge({
    name: `${PREFIX}requests_in_flight`,
    help: 'GraphQL HTTP requests being processed.',
    registers,
  });
  const webhooks = new Counter({
    name: `${PREFIX}webhooks_total`,
    help: 'Flip webhook deliveries by outcome.',
    labelNames: ['outcome'] as const,
    registers,
  });
  const webhookRejectedPoints = new Counter({
    name: `${PREFIX}webhook_rejected_points_total`,
    help: 'Telemetry points of webhooks that did not fit the documented shape.',
    registers,
  });
  const subscriptionConnections = new Gauge({
    name: `${PREFIX}subscription_connections`,
    help: 'Open GraphQL-over-WebSocket connections.',
    registers,
  });
  let countSubscriptions: () => number = () => 0;
  new Gauge({
    name: `${PREFIX}subscriptions`,
    help: 'Active subscriptions on this instance.',
    registers,
    collect() {
      this.set(countSubscriptions());
    },
  });
  const operationLabel = boundedLabel();

  return {
    registry,
    requestsInFlight,
    cacheHits,
    cacheMisses,
    cacheLeases,
    responseCacheHits,
    responseCacheMisses,
    webhooks,
    webhookRejectedPoints,
    subscriptionConnections,
    countSubscriptionsWith(count) {
      countSubscriptions = count;
    },
    observeOperation({ name, type, durationMs, errorCodes }) {
      operationDuration.observe({ operation: operationLabel(name), type }, durationMs / 1000);
      for (const code of errorCodes) operationErrors.inc({ code });
    },
    observeUpstreamCall(report) {
      const labels = { upstream: report.upstream, method: report.method, endpoint: report.endpoint };
      upstreamCalls.inc({ ...labels, status: String(report.status) });
      upstreamDuration.observe(labels, report.durationMs / 1000);
      if (report.attempts > 1) upstreamRetries.inc(labels, report.attempts - 1);
    },
    recordBatch(loader, size) {
      batchSize.observe({ loader }, size);
    },
    async render() {
      const body = (await registry.metrics()) + (await processMetrics().metrics());
      return { contentType: registry.contentType, body };
    },
    async json() {
      return [...(await registry.getMetricsAsJSON()), ...(await processMetrics().getMetricsAsJSON())];
    },
  };
}

/** Operation names come from callers: keep the label set bounded. */
function boundedLabel(): (name: string | null) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    const label = name.slice(0, MAX_OPERATION_NAME_LENGTH);
    if (seen.has(label)) return label;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(label);
    return label;
  };
}

/**
 * `GET /metrics` (Prometheus text). Unauthenticated by design: expose the port only on the
 * internal network, or block /metrics at the ingress.
 */
export function metricsRoute(
  metrics: Metrics,
  /** A cluster worker's: every worker's metrics, added up by the primary. */
  render: () => Promise<{ contentType: string; body: string }> = () => metrics.render(),
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/metrics' || req.method !== 'GET') return false;
    const { contentType, body } = await render();
    res.statusCode = 200;
    res.setHeader('content-type', contentType);
    res.end(body);
    return true;
  };
}
