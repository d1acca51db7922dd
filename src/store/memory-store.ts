import { LRUCache } from 'lru-cache';
import type { JsonValue, KeyValueStore } from './types.js';

/** Bound on entries: an idempotency record is ~1-5 kB, so the default stays well under 500 MB. */
const DEFAULT_MAX_ENTRIES = 100_000;

export interface MemoryStoreOptions {
  /** Least recently used entries are dropped beyond this many (default 100 000). */
  maxEntries?: number;
  /** Monotonic clock in ms for expiry; injectable for tests (default performance.now). */
  now?: () => number;
}

/**
 * A process-local KeyValueStore on lru-cache: TTL per entry, LRU eviction beyond `maxEntries`.
 * Values are kept as JSON text, so they round-trip exactly as through Redis. Atomicity is
 * trivial here: each method runs synchronously on the one event loop.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): KeyValueStore {
  const now = options.now;
  const cache = new LRUCache<string, string>({
    max: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    // Every set passes its own ttl; this default only enables TTL tracking.
    ttl: 1_000,
    // Check expiry against the clock on every read instead of lru-cache's 1 ms-cached one.
    ttlResolution: 0,
    ...(now ? { perf: { now } } : {}),
  });
  const ttlMs = (ttlS: number) => Math.max(1, Math.round(ttlS * 1000));
  return {
    async get(key) {
      const text = cache.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
    },
    async set(key, value, ttlS) {
      cache.set(key, JSON.stringify(value), { ttl: ttlMs(ttlS) });
    },
    async setIfAbsent(key, value, ttlS) {
      if (cache.has(key)) return false;
      cache.set(key, JSON.stringify(value), { ttl: ttlMs(ttlS) });
      return true;
    },
    async delete(key) {
      cache.delete(key);
    },
    async close() {
      cache.clear();
    },
  };
}
