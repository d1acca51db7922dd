import { Redis } from 'ioredis';
import { ServiceError } from '../errors.js';
import type { JsonValue, KeyValueStore } from './types.js';

/**
 * Redis (REDIS_URL) for what several instances must share: the KeyValueStore below, the
 * cross-request cache's shared tier and its invalidation messages (redis-bus.ts).
 *
 * Commands fail fast instead of queueing while Redis is away (no offline queue, a command
 * timeout): a request never hangs on Redis. ioredis keeps reconnecting in the background.
 */

/** A command that takes longer fails (a hung Redis must not hang requests). */
const COMMAND_TIMEOUT_MS = 2_000;
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnect backoff: 100 ms, 200 ms, ... at most every 2 s. */
const MAX_RECONNECT_DELAY_MS = 2_000;

export interface RedisConnection {
  /** Commands (store, cache tier, PUBLISH). */
  client: Redis;
  /** A second connection: a subscribed Redis connection can run no other command. */
  subscriber: Redis;
  close(): Promise<void>;
}

export interface RedisConnectOptions {
  /** Told once each time a connection goes down (not on every reconnect attempt). */
  onDown?: (which: 'client' | 'subscriber', error: Error) => void;
  /** Told when a connection that was down is usable again. */
  onUp?: (which: 'client' | 'subscriber') => void;
}

/**
 * Opens both connections. Resolves once they are up, or after the connect timeout with them
 * still retrying in the background: an unreachable Redis degrades the service (cache misses,
 * dispatches refused) rather than stopping it from starting. Throws only for a malformed URL.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<RedisConnection> {
  const open = (which: 'client' | 'subscriber') => {
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResubscribe: false,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(times * 100, MAX_RECONNECT_DELAY_MS),
    });
    let isDown = false;
    redis.on('error', (error: Error) => {
      if (isDown) return;
      isDown = true;
      options.onDown?.(which, error);
    });
    redis.on('ready', () => {
      if (!isDown) return;
      isDown = false;
      options.onUp?.(which);
    });
    return redis;
  };
  const client = open('client');
  const subscriber = open('subscriber');
  await Promise.all([client, subscriber].map((r) => r.connect().catch(() => undefined)));
  return {
    client,
    subscriber,
    async close() {
      await Promise.all([client, subscriber].map((r) => r.quit().catch(() => r.disconnect())));
    },
  };
}

/**
 * The KeyValueStore on Redis: JSON values, TTL in ms (PX), setIfAbsent as one `SET NX PX`
 * (atomic across instances: exactly one claimer wins). Keys are prefixed.
 * Every failure to talk to Redis rejects with UPSTREAM_UNAVAILABLE: a caller that cannot read or
 * claim a key must not act as if it had (dispatchEvent never POSTs without a claimed key).
 */
export function createRedisStore(redis: Redis, options: { prefix?: string } = {}): KeyValueStore {
  const prefix = options.prefix ?? 'flip-graphql:kv:';
  const ttlMs = (ttlS: number) => Math.max(1, Math.round(ttlS * 1000));
  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      return await command();
    } catch {
      throw new ServiceError(
        'UPSTREAM_UNAVAILABLE',
        'The shared store (Redis) is unavailable; nothing was sent to Flip. Try again shortly.',
      );
    }
  };
  return {
    get: (key) =>
      run(async () => {
        const text = await redis.get(prefix + key);
        return text === null ? undefined : (JSON.parse(text) as JsonValue);
      }),
    set: (key, value, ttlS) =>
      run(async () => {
        await redis.set(prefix + key, JSON.stringify(value), 'PX', ttlMs(ttlS));
      }),
    setIfAbsent: (key, value, ttlS) =>
      run(
        async () => (await redis.set(prefix + key, JSON.stringify(value), 'PX', ttlMs(ttlS), 'NX')) === 'OK',
      ),
    addMember: (key, member, ttlS) =>
      run(async () => {
        // One transaction, so the set never lacks its TTL. Every add uses the same TTL (the
        // idempotency TTL), so re-arming it only ever extends the set's life.
        const results = await redis
          .multi()
          .sadd(prefix + key, member)
          .pexpire(prefix + key, ttlMs(ttlS))
          .exec();
        if (!results || results.some(([error]) => error)) throw new Error('MULTI failed');
      }),
    members: (key) => run(() => redis.smembers(prefix + key)),
    // A Redis hash: HSET is atomic per field; the TTL is the whole record's.
    setField: (key, field, value, ttlS) =>
      run(async () => {
        const results = await redis
          .multi()
          .hset(prefix + key, field, JSON.stringify(value))
          .pexpire(prefix + key, ttlMs(ttlS))
          .exec();
        if (!results || results.some(([error]) => error)) throw new Error('MULTI failed');
      }),
    fields: (key) =>
      run(async () => {
        const hash = await redis.hgetall(prefix + key);
        return Object.fromEntries(
          Object.entries(hash).map(([f, text]) => [f, JSON.parse(text) as JsonValue]),
        );
      }),
    delete: (key) =>
      run(async () => {
        await redis.del(prefix + key);
      }),
    // The connection belongs to whoever opened it (connectRedis); it is closed there.
    close: async () => undefined,
  };
}
