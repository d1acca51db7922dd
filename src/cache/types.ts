import type { SharedTier } from './shared-tier.js';

/** The cross-request cache's types (cross-request-cache.ts). */

/** What a cached value holds: a program's enrollments or groups, or the event list. */
export type CacheScope = 'enrollments' | 'groups' | 'events';

/** How one value is fetched from Flip and kept. */
export interface CacheSource<R, V> {
  /** The records from Flip and the size of the response they came from. */
  load(): Promise<{ records: R; bytes: number }>;
  /** The form kept in memory and handed out (e.g. the indexed program); may adopt `records`. */
  derive(records: R): V;
  /** The records of a derived value, for the shared tier. */
  recordsOf(value: V): R;
}

export interface CacheEvent {
  /**
   * hit: fresh in memory; stale: served stale while a refresh runs; shared-hit: taken from
   * Redis; miss: loaded (from Redis or Flip); refresh-failed: a background refresh failed (the
   * stale value stays); shared-failed: Redis could not be used (Flip was asked instead);
   * lease: how a load took part in the fleet's one load per key (see `lease`).
   * patched: a write's change was applied to the kept value; patch-dropped: it could not be
   * (`reason`), so the value was dropped and the next read loads it again.
   */
  kind:
    | 'hit'
    | 'stale'
    | 'shared-hit'
    | 'miss'
    | 'refresh-failed'
    | 'shared-failed'
    | 'patched'
    | 'patch-dropped'
    | 'lease';
  scope: CacheScope;
  /**
   * With kind lease. acquired: loaded from Flip for the fleet; waited: took what another
   * instance loaded; fallback: waited, then loaded itself (holder slow or its load failed);
   * large: loaded itself without waiting, the response being too large for Redis.
   */
  lease?: 'acquired' | 'waited' | 'fallback' | 'large';
  error?: unknown;
  reason?: string;
}

/**
 * Applies a write's change (plain data, possibly from another instance) to a kept value of its
 * scope: the new value (never the old one mutated), or why it cannot be applied.
 */
export type CachePatcher = (
  value: unknown,
  change: unknown,
  programId: string,
) => { value: unknown } | { unapplicable: string };

export interface CrossRequestCacheOptions {
  /** Fresh for ttlS; then served stale for another ttlS while one refresh runs; then gone. */
  ttlS: number;
  /** Bound of the in-memory tier, by estimated heap size (LRU). */
  maxBytes: number;
  /** The configured programs: an invalidation that names no program covers these. */
  programIds: readonly string[];
  /** How a write's change patches each scope (absent: a change drops the value instead). */
  patchers?: Partial<Record<CacheScope, CachePatcher>>;
  /** Redis, shared by every instance; absent: this process only. */
  shared?: SharedTier;
  /**
   * With `shared`: how long an instance waits for another one's load of the same key before
   * loading itself (lease.ts); 0 or absent: every instance loads for itself.
   */
  leaseWaitMs?: number;
  /** Wall clock in epoch ms (compared across instances through Redis). Default Date.now. */
  now?: () => number;
  /** Hits, misses and failures, for metrics and logs. Must not throw. */
  onEvent?: (event: CacheEvent) => void;
}
