import { LRUCache } from 'lru-cache';
import type { TelemetryPointRecord } from '../flip/records.js';
import { decodeRecords, encodeRecords } from './codec.js';
import { LatestPointCache } from './point-cache.js';
import type { SharedEntry } from './shared-tier.js';
import type { CacheEvent, CacheScope, CacheSource, CrossRequestCacheOptions } from './types.js';

/**
 * Heap bytes counted per upstream response byte, to size entries for the LRU bound. Measured: an
 * indexed 50,000-site program (records, Dates, maps) holds 24 MB of heap for its 61 MB of JSON
 * (repeated strings are shared), so counting the response bytes keeps the bound conservative.
 */
const HEAP_BYTES_PER_RESPONSE_BYTE = 1;
/**
 * Larger responses stay in this instance's memory only: encoding and decoding 60 MB of records
 * for Redis would block the event loop for seconds, longer than Flip takes to answer.
 */
const SHARED_MAX_RESPONSE_BYTES = 16 * 1_048_576;
/** Latest telemetry is kept at most this long, whatever CACHE_TTL_S says. */
const LATEST_TELEMETRY_MAX_TTL_S = 30;
/** About 0.5 kB each: at most ~50 MB. */
const LATEST_TELEMETRY_MAX_ENTRIES = 100_000;

interface Entry {
  value: unknown;
  storedAtMs: number;
  sizeBytes: number;
}

interface Load {
  promise: Promise<unknown>;
  /** Set when the load adopted a stale shared entry: refresh once it is done. */
  refreshAfter?: () => void;
}

/** Which invalidations a load started after: a load from before a drop never stores its value. */
interface Generation {
  epoch: number;
  key: number;
}

/**
 * The cross-request cache: per-program data kept between requests, in memory (LRU by size) and,
 * with a shared tier, in Redis for every instance (responses up to 16 MiB: larger ones stay here).
 * - fresh (age < ttl): served from memory, no upstream call;
 * - stale (ttl <= age < 2 ttl): served at once while one background refresh runs;
 * - absent or older: loaded, one load per key at a time, shared by concurrent callers;
 * - invalidated (a write): dropped here and in Redis, other instances are told, and a load that
 *   was running when the write happened never stores its (older) value.
 * Redis failures never fail a read: they are reported and Flip is asked instead.
 */
export class CrossRequestCache {
  /** Each device's newest point, per instance, for min(ttlS, 30 s): see point-cache.ts. */
  readonly latestTelemetry: LatestPointCache<TelemetryPointRecord>;
  private readonly lru: LRUCache<string, Entry>;
  private readonly loads = new Map<string, Load>();
  private readonly keyGenerations = new Map<string, number>();
  private epoch = 0;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: CrossRequestCacheOptions) {
    this.ttlMs = options.ttlS * 1000;
    this.now = options.now ?? Date.now;
    this.lru = new LRUCache<string, Entry>({
      maxSize: Math.max(1, options.maxBytes),
      sizeCalculation: (entry) => Math.max(1, entry.sizeBytes),
      ttl: 2 * this.ttlMs,
      ttlResolution: 0,
      perf: { now: this.now },
    });
    this.latestTelemetry = new LatestPointCache({
      ttlS: Math.min(options.ttlS, LATEST_TELEMETRY_MAX_TTL_S),
      maxEntries: LATEST_TELEMETRY_MAX_ENTRIES,
      now: this.now,
    });
    options.shared?.onInvalidated((keys) => {
      if (keys === null) this.dropAll();
      else for (const key of keys) this.drop(key);
    });
  }

  /** The value of (scope, program): see the class comment. Rejects with the load's error. */
  get<R, V>(scope: CacheScope, programId: string | null, source: CacheSource<R, V>): Promise<V> {
    const key = keyOf(scope, programId);
    const entry = this.lru.get(key);
    if (entry) {
      const ageMs = this.now() - entry.storedAtMs;
      if (ageMs < this.ttlMs) {
        this.emit({ kind: 'hit', scope });
        return Promise.resolve(entry.value as V);
      }
      if (ageMs < 2 * this.ttlMs) {
        this.emit({ kind: 'stale', scope });
        this.refresh(key, scope, source);
        return Promise.resolve(entry.value as V);
      }
    }
    this.emit({ kind: 'miss', scope });
    return this.load(key, scope, source, { acceptsStale: true });
  }

  /** True when the value is in memory (fresh or stale): reading it costs no upstream call now. */
  has(scope: CacheScope, programId: string | null): boolean {
    return this.lru.has(keyOf(scope, programId));
  }

  /** Forgets the value in this process only (a request that wrote reads afresh). */
  forget(scope: CacheScope, programId: string | null): void {
    this.drop(keyOf(scope, programId));
  }

  /**
   * After a write: drops the scope of the program (of every program when null; the event list is
   * one key) here and in Redis, and tells the other instances. Never rejects: a Redis failure is
   * reported, and other instances then see the write within their TTL.
   */
  async invalidate(programId: string | null, scope: CacheScope): Promise<void> {
    const keys =
      scope === 'events'
        ? [keyOf('events', null)]
        : programId === null
          ? [...new Set([...this.options.programIds.map((id) => keyOf(scope, id)), ...this.keysOf(scope)])]
          : [keyOf(scope, programId)];
    for (const key of keys) this.drop(key);
    try {
      await this.options.shared?.invalidate(keys);
    } catch (error) {
      this.emit({ kind: 'shared-failed', scope, error });
    }
  }

  close(): void {
    this.dropAll();
    this.latestTelemetry.clear();
  }

  private load<R, V>(
    key: string,
    scope: CacheScope,
    source: CacheSource<R, V>,
    { acceptsStale }: { acceptsStale: boolean },
  ): Promise<V> {
    const running = this.loads.get(key);
    if (running) return running.promise as Promise<V>;
    const load: Load = { promise: Promise.resolve() };
    const generation = this.generationOf(key);
    const promise = this.fetch(key, scope, source, { generation, acceptsStale, load }).finally(() => {
      if (this.loads.get(key) !== load) return;
      this.loads.delete(key);
      load.refreshAfter?.();
    });
    load.promise = promise;
    this.loads.set(key, load);
    return promise;
  }

  /** One background refresh per key; its failure leaves the stale value in place. */
  private refresh<R, V>(key: string, scope: CacheScope, source: CacheSource<R, V>): void {
    if (this.loads.has(key)) return;
    this.load(key, scope, source, { acceptsStale: false }).catch((error: unknown) =>
      this.emit({ kind: 'refresh-failed', scope, error }),
    );
  }

  /** Redis first (when shared and usable), else Flip; stores unless invalidated meanwhile. */
  private async fetch<R, V>(
    key: string,
    scope: CacheScope,
    source: CacheSource<R, V>,
    at: { generation: Generation; acceptsStale: boolean; load: Load },
  ): Promise<V> {
    let version = '';
    if (this.options.shared && !this.options.shared.invalidationsOnly) {
      try {
        const read = await this.options.shared.read(key);
        version = read.version;
        const adopted = read.entry && this.adopt<R, V>(key, scope, source, read.entry, at);
        if (adopted) return adopted.value;
      } catch (error) {
        this.emit({ kind: 'shared-failed', scope, error });
      }
    }
    const storedAtMs = this.now();
    const { records, bytes } = await source.load();
    const value = source.derive(records);
    if (this.isCurrent(key, at.generation)) {
      this.store(key, { value, storedAtMs, sizeBytes: bytes * HEAP_BYTES_PER_RESPONSE_BYTE });
      if (bytes <= SHARED_MAX_RESPONSE_BYTES) {
        this.writeShared(key, scope, () => source.recordsOf(value), { storedAtMs, version });
      }
    }
    return value;
  }

  /** A shared entry young enough to use, decoded and kept in memory; null when too old. */
  private adopt<R, V>(
    key: string,
    scope: CacheScope,
    source: CacheSource<R, V>,
    entry: SharedEntry,
    at: { generation: Generation; acceptsStale: boolean; load: Load },
  ): { value: V } | null {
    const ageMs = this.now() - entry.storedAtMs;
    const isFresh = ageMs < this.ttlMs;
    if (!isFresh && !(at.acceptsStale && ageMs < 2 * this.ttlMs)) return null;
    const value = source.derive(decodeRecords<R>(entry.text));
    if (this.isCurrent(key, at.generation)) {
      const sizeBytes = entry.text.length * HEAP_BYTES_PER_RESPONSE_BYTE;
      this.store(key, { value, storedAtMs: entry.storedAtMs, sizeBytes });
      if (!isFresh) at.load.refreshAfter = () => this.refresh(key, scope, source);
    }
    this.emit({ kind: 'shared-hit', scope });
    return { value };
  }

  private store(key: string, entry: Entry): void {
    const remainingMs = 2 * this.ttlMs - (this.now() - entry.storedAtMs);
    if (remainingMs > 0) this.lru.set(key, entry, { ttl: remainingMs });
  }

  /** After the answer: encoding a large program takes a while and must not delay it. */
  private writeShared(
    key: string,
    scope: CacheScope,
    recordsOf: () => unknown,
    { storedAtMs, version }: { storedAtMs: number; version: string },
  ): void {
    const shared = this.options.shared;
    if (!shared || shared.invalidationsOnly) return;
    setImmediate(() => {
      const ttlMs = 2 * this.ttlMs - (this.now() - storedAtMs);
      if (ttlMs <= 0) return;
      let text: string;
      try {
        text = encodeRecords(recordsOf());
      } catch (error) {
        this.emit({ kind: 'shared-failed', scope, error });
        return;
      }
      shared
        .write(key, { storedAtMs, text }, { version, ttlMs })
        .catch((error: unknown) => this.emit({ kind: 'shared-failed', scope, error }));
    });
  }

  private drop(key: string): void {
    this.keyGenerations.set(key, (this.keyGenerations.get(key) ?? 0) + 1);
    this.lru.delete(key);
    this.loads.delete(key);
  }

  private dropAll(): void {
    this.epoch++;
    this.lru.clear();
    this.loads.clear();
  }

  private generationOf(key: string): Generation {
    return { epoch: this.epoch, key: this.keyGenerations.get(key) ?? 0 };
  }

  private isCurrent(key: string, generation: Generation): boolean {
    const now = this.generationOf(key);
    return now.epoch === generation.epoch && now.key === generation.key;
  }

  private keysOf(scope: CacheScope): string[] {
    return [...this.lru.keys()].filter((key) => key.startsWith(`${scope}:`));
  }

  private emit(event: CacheEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // An observer's failure must never fail a read.
    }
  }
}

function keyOf(scope: CacheScope, programId: string | null): string {
  return scope === 'events' ? 'events:*' : `${scope}:${programId ?? '*'}`;
}
