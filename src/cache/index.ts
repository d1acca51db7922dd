/**
 * The cross-request cache boundary: per-program data (enrollments, groups) and the event list,
 * kept between requests with a TTL, stale-while-revalidate, one load per key at a time, patched
 * with the answers of the service's own writes (dropped when they cannot be applied), an LRU bound
 * by size, and optionally a tier in Redis shared by every instance (with changes and invalidations
 * sent over Redis pub/sub); and each device's latest
 * telemetry point for a few seconds (per instance).
 * Loaders read through it (loaders/programs.ts, groups.ts, events.ts); app.ts creates it.
 */

export { CrossRequestCache } from './cross-request-cache.js';
export type { CacheEvent, CachePatcher, CacheScope, CacheSource, CrossRequestCacheOptions } from './types.js';
export { LatestPointCache } from './point-cache.js';
export { ProgramLocator } from './program-locator.js';
export { createRedisTier, type SharedEntry, type SharedTier } from './shared-tier.js';
