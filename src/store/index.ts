/**
 * The key-value boundary: small JSON records that must outlive one request and be shared by every
 * instance of the service (idempotency keys of dispatchEvent), and the Redis plumbing that makes
 * sharing possible: in memory by default (createMemoryStore), on Redis when REDIS_URL is set
 * (connectRedis, createRedisStore), with a message bus between instances (createRedisBus).
 */

export type { JsonValue, KeyValueStore } from './types.js';
export { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { connectRedis, createRedisStore, type RedisConnection, type RedisConnectOptions } from './redis.js';
export { createRedisBus, type MessageBus } from './redis-bus.js';
