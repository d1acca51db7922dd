import { createInvalidationTier, type WorkerShared } from './cluster/index.js';
import type { Config } from './config.js';
import {
  CrossRequestCache,
  ProgramLocator,
  createRedisTier,
  type CacheEvent,
  type CrossRequestCacheOptions,
} from './cache/index.js';
import type { Logger } from './server/logger.js';
import type { Metrics } from './server/metrics.js';
import {
  connectRedis,
  createMemoryStore,
  createRedisBus,
  createRedisStore,
  type KeyValueStore,
  type MessageBus,
  type RedisConnection,
} from './store/index.js';

/** A failure that repeats on every request (Redis away) is logged at most this often. */
const REPEATED_WARNING_MS = 10_000;
const INVALIDATION_CHANNEL = 'flip-graphql:invalidate';
const LIVE_CHANNEL = 'flip-graphql:live';

/** What outlives a request and, with REDIS_URL, is shared by every instance. Built by app.ts. */
export interface SharedState {
  /**
   * Idempotency records of dispatchEvent: Redis with REDIS_URL, else this process's memory (a
   * cluster worker's: the primary's, over IPC).
   */
  store: KeyValueStore;
  /** Undefined when CACHE_TTL_S=0 (or CACHE_MAX_BYTES=0). */
  cache?: CrossRequestCache;
  /** Undefined with DISABLE_BATCHING (the naive baseline learns nothing across requests). */
  locator?: ProgramLocator;
  /**
   * Messages of the subscriptions' hub between instances (Redis) or cluster workers (IPC);
   * undefined for a lone process without REDIS_URL.
   */
  liveBus?: MessageBus;
  close(): Promise<void>;
}

export interface SharedStateOptions {
  programIds: readonly string[];
  logger: Logger;
  metrics: Pick<Metrics, 'cacheHits' | 'cacheMisses' | 'cacheLeases'>;
  /** Wall clock of the cache (tests move it instead of waiting out a TTL). */
  now?: () => number;
  /** How writes' changes patch the cached programs and group lists (loaders/program-patch.ts). */
  patchers?: CrossRequestCacheOptions['patchers'];
  /** In a cluster worker: what the primary owns. Redis, when configured, is used instead. */
  cluster?: WorkerShared;
}

/** Connects Redis when configured (never failing the start: see connectRedis) and builds both. */
export async function createSharedState(
  config: Readonly<Config>,
  options: SharedStateOptions,
): Promise<SharedState> {
  const { logger } = options;
  const redisUrl = config.cache.redisUrl;
  const redis: RedisConnection | undefined = redisUrl
    ? await connectRedis(redisUrl, {
        onDown: (which, err) =>
          logger.error(
            { redis: which, err: { message: err.message } },
            'Redis is unreachable: the cache falls back to Flip and dispatchEvent is refused',
          ),
        onUp: (which) => logger.info({ redis: which }, 'Redis is reachable again'),
      })
    : undefined;
  const cluster = redis ? undefined : options.cluster;
  const store = redis
    ? createRedisStore(redis.client)
    : (cluster?.store ?? createMemoryStore({ maxEntries: config.dispatch.idempotencyMaxKeys }));
  const isCacheOn = config.cache.ttlS > 0 && config.cache.maxBytes > 0;
  const cache = isCacheOn
    ? new CrossRequestCache({
        ttlS: config.cache.ttlS,
        maxBytes: config.cache.maxBytes,
        programIds: options.programIds,
        patchers: options.patchers,
        shared: redis
          ? createRedisTier(redis, createRedisBus(redis, INVALIDATION_CHANNEL))
          : cluster && createInvalidationTier(cluster.bus(INVALIDATION_CHANNEL)),
        leaseWaitMs: config.cache.leaseWaitMs,
        now: options.now,
        onEvent: cacheObserver(options),
      })
    : undefined;
  logger.info(
    {
      cacheTtlS: isCacheOn ? config.cache.ttlS : 0,
      shared: redis ? 'redis' : cluster ? 'primary' : 'memory',
    },
    isCacheOn ? 'cross-request cache on' : 'cross-request cache off',
  );
  return {
    store,
    cache,
    locator: config.disableBatching ? undefined : new ProgramLocator(),
    liveBus: redis ? createRedisBus(redis, LIVE_CHANNEL) : cluster?.bus(LIVE_CHANNEL),
    async close() {
      cache?.close();
      await store.close();
      await redis?.close();
    },
  };
}

/** Hits and misses to /metrics; failures to the log (repeated ones throttled). */
function cacheObserver({ logger, metrics }: SharedStateOptions): (event: CacheEvent) => void {
  const lastWarnedMs = new Map<string, number>();
  return (event) => {
    const labels = { cache: event.scope };
    switch (event.kind) {
      case 'hit':
      case 'stale':
        metrics.cacheHits.inc(labels);
        return;
      case 'shared-hit':
        // A memory miss (counted as such) that Redis answered.
        metrics.cacheHits.inc({ cache: `${event.scope}:redis` });
        return;
      case 'miss':
        metrics.cacheMisses.inc(labels);
        return;
      case 'lease':
        if (event.lease) metrics.cacheLeases.inc({ ...labels, outcome: event.lease });
        return;
      case 'patch-dropped':
        // Rare (versions that cannot be ordered, an index older than the write): say which.
        logger.info(
          { cache: event.scope, reason: event.reason },
          'cache: a write could not be patched in, dropped',
        );
        return;
      case 'refresh-failed':
      case 'shared-failed': {
        const now = Date.now();
        if (now - (lastWarnedMs.get(event.kind) ?? -Infinity) < REPEATED_WARNING_MS) return;
        lastWarnedMs.set(event.kind, now);
        const message = event.error instanceof Error ? event.error.message : String(event.error);
        logger.warn(
          { cache: event.scope, err: { message } },
          event.kind === 'refresh-failed'
            ? 'cache refresh failed: serving the stale value until it expires'
            : 'Redis could not be used for the cache: reading from Flip',
        );
      }
    }
  };
}
