import { LRUCache } from 'lru-cache';
import type { TelemetryPointRecord } from '../flip/records.js';
import { decodeRecords, encodeRecords } from './codec.js';
import { FleetLeases, type HeldLease } from './lease.js';
import { LatestPointCache } from './point-cache.js';
import type { LeaseOutcome, SharedEntry } from './shared-tier.js';
import type { CacheEvent, CacheScope, CacheSource, CrossRequestCacheOptions } from './types.js';

/** The scopes a write's change can patch (the event list is dropped: a write adds an event). */
type PatchableScope = Exclude<CacheScope, 'events'>;

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
  /** Changes of writes made while it ran, in order: applied to its value before it is stored. */
  patches?: unknown[];
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
 * - absent or older: loaded, one load per key at a time, shared by concurrent callers and, with
 *   Redis, by the other instances (one holds a lease and loads; see lease.ts);
 * - patched (a write Flip answered): the change is applied to the value here, sent to the other
 *   instances (which apply it to theirs) and the Redis entry dropped; a load running meanwhile
 *   applies it to its value once it lands. A change that cannot be applied drops the value;
 * - invalidated (a write whose answer is unknown, or that cannot be patched): dropped here and in
 *   Redis, other instances are told, and a load that was running then never stores its value.
 * Redis failures never fail a read: they are reported and Flip is asked instead.
 */
export class CrossRequestCache {
  /** Each device's newest point, per instance, for min(ttlS, 30 s): see point-cache.ts. */
  readonly latestTelemetry: LatestPointCache<TelemetryPointRecord>;
  private readonly lru: LRUCache<string, Entry>;
  private readonly loads = new Map<string, Load>();
  /** With a shared tier and a lease wait: one load per key for the fleet (lease.ts). */
  private readonly leases?: FleetLeases;
  private readonly keyGenerations = new Map<string, number>();
  /** Patches applied per key (see patched): part of generation(), not of a load's currency. */
  private readonly patchGenerations = new Map<string, number>();
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
    if (options.shared && !options.shared.invalidationsOnly && (options.leaseWaitMs ?? 0) > 0) {
      this.leases = new FleetLeases(options.shared, options.leaseWaitMs!);
    }
    options.shared?.onInvalidated((keys) => {
      if (keys === null) this.dropAll();
      else for (const key of keys) this.drop(key);
    });
    options.shared?.onPatched((key, text) => this.applyRemotePatch(key, text));
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

  /**
   * The generation of (scope, program): it grows on every change of that value's validity, here
   * or announced by another instance (drop, invalidation, dropAll, a write's patch). Answers built
   * from the value (the response cache) are current while it stays the same.
   */
  generation(scope: CacheScope, programId: string | null): number {
    const key = keyOf(scope, programId);
    return this.epoch + (this.keyGenerations.get(key) ?? 0) + (this.patchGenerations.get(key) ?? 0);
  }

  /**
   * This cache for one request, reporting each read with the generation it saw before the value
   * was read (a change during the read then makes the answer outdated). Everything else is shared.
   */
  observed(
    onRead: (scope: CacheScope, programId: string | null, generation: number) => void,
  ): CrossRequestCache {
    const view = Object.create(this) as CrossRequestCache;
    view.get = <R, V>(scope: CacheScope, programId: string | null, source: CacheSource<R, V>): Promise<V> => {
      onRead(scope, programId, this.generation(scope, programId));
      return this.get(scope, programId, source);
    };
    return view;
  }

  /** True when the value is in memory (fresh or stale): reading it costs no upstream call now. */
  has(scope: CacheScope, programId: string | null): boolean {
    // By the cache's own clock, as get() decides: the LRU may keep an entry a moment longer.
    const entry = this.lru.peek(keyOf(scope, programId));
    return entry !== undefined && this.now() - entry.storedAtMs < 2 * this.ttlMs;
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

  /**
   * After a write Flip answered: `change` (plain data) patches the program's kept value here, and
   * a load running for it once it lands (see the class comment); the Redis entry is dropped and
   * the other instances told to patch theirs. Where it cannot be applied the value is dropped
   * (event `patch-dropped` with the reason). Never rejects: a Redis failure is reported, and the
   * other instances then see the write within their TTL.
   */
  async patch(scope: PatchableScope, programId: string, change: unknown): Promise<void> {
    const key = keyOf(scope, programId);
    this.applyPatch(key, scope, programId, change);
    const shared = this.options.shared;
    if (!shared) return;
    try {
      await shared.patch(key, encodeRecords(change));
    } catch (error) {
      this.emit({ kind: 'shared-failed', scope, error });
    }
  }

  close(): void {
    this.leases?.close();
    this.dropAll();
    this.latestTelemetry.clear();
  }

  /** Patches the value in memory, or queues the change on the running load; drops on failure. */
  private applyPatch(key: string, scope: CacheScope, programId: string, change: unknown): void {
    const patcher = this.options.patchers?.[scope];
    if (!patcher) return this.dropPatched(key, scope, 'this scope cannot be patched');
    const load = this.loads.get(key);
    if (load) (load.patches ??= []).push(change);
    const entry = this.lru.peek(key);
    if (entry) {
      const result = patcher(entry.value, change, programId);
      if ('unapplicable' in result) return this.dropPatched(key, scope, result.unapplicable);
      if (result.value !== entry.value) this.store(key, { ...entry, value: result.value });
    }
    this.patched(scope, programId);
  }

  /**
   * Every change to a program's kept data that did not drop it ends here (a write's patch, from
   * this instance or another): whatever is keyed on the data's generation hears of it here.
   */
  private patched(scope: CacheScope, programId: string): void {
    const key = keyOf(scope, programId);
    // Not keyGenerations: a load in flight applies the change itself and may still store.
    this.patchGenerations.set(key, (this.patchGenerations.get(key) ?? 0) + 1);
    this.emit({ kind: 'patched', scope });
  }

  private dropPatched(key: string, scope: CacheScope, reason: string): void {
    this.drop(key);
    this.emit({ kind: 'patch-dropped', scope, reason });
  }

  /** A change another instance sent: `<scope>:<programId>` and the encoded change. */
  private applyRemotePatch(key: string, text: string): void {
    const at = key.indexOf(':');
    const scope = key.slice(0, at);
    if (at <= 0 || (scope !== 'enrollments' && scope !== 'groups')) return;
    let change: unknown;
    try {
      change = decodeRecords(text);
    } catch {
      return this.dropPatched(key, scope, 'the change sent by another instance is not readable');
    }
    this.applyPatch(key, scope, key.slice(at + 1), change);
  }

  /** The value a load got, with the changes of writes made while it ran; null: one failed. */
  private withPendingPatches(key: string, scope: CacheScope, value: unknown, load: Load): unknown {
    const patcher = this.options.patchers?.[scope];
    let patched = value;
    for (const change of load.patches ?? []) {
      const result = patcher?.(patched, change, key.slice(key.indexOf(':') + 1));
      if (!result || 'unapplicable' in result) {
        this.dropPatched(key, scope, result?.unapplicable ?? 'this scope cannot be patched');
        return null;
      }
      patched = result.value;
    }
    return patched;
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

  /**
   * Redis first (when shared and usable), else Flip, once for the fleet (lease.ts); stores unless
   * invalidated meanwhile.
   */
  private async fetch<R, V>(
    key: string,
    scope: CacheScope,
    source: CacheSource<R, V>,
    at: { generation: Generation; acceptsStale: boolean; load: Load },
  ): Promise<V> {
    let version = '';
    let lease: HeldLease | undefined;
    if (this.options.shared && !this.options.shared.invalidationsOnly) {
      try {
        const read = await this.options.shared.read(key);
        version = read.version;
        const adopted = read.entry && this.adopt<R, V>(key, scope, source, read.entry, at);
        if (adopted) return adopted.value;
        const claimed = this.leases && (await this.claim<R, V>(key, scope, source, at));
        if (claimed && 'value' in claimed) return claimed.value;
        if (claimed) ({ version = version, lease } = claimed);
      } catch (error) {
        this.emit({ kind: 'shared-failed', scope, error });
      }
    }
    return this.loadFromFlip(key, scope, source, at, { version, lease });
  }

  /**
   * Takes part in the fleet's load: the value another instance put in Redis, or the lease (with
   * the version read when it was taken), or nothing (load alone). A load that starts after a
   * wait counts invalidations from its own start: it reads Flip after them.
   */
  private async claim<R, V>(
    key: string,
    scope: CacheScope,
    source: CacheSource<R, V>,
    at: { generation: Generation; acceptsStale: boolean; load: Load },
  ): Promise<{ value: V } | { version?: string; lease?: HeldLease }> {
    const maxAgeMs = (at.acceptsStale ? 2 : 1) * this.ttlMs;
    const claimed = await this.leases!.claim(key, () => this.now() - maxAgeMs + 1);
    at.generation = this.generationOf(key);
    if (claimed.kind === 'holder') {
      this.emit({ kind: 'lease', scope, lease: 'acquired' });
      return { version: claimed.version, lease: claimed.lease };
    }
    if (claimed.kind === 'alone') {
      this.emit({ kind: 'lease', scope, lease: claimed.reason === 'large' ? 'large' : 'fallback' });
      return {};
    }
    const read = await this.options.shared!.read(key);
    const adopted = read.entry && this.adopt<R, V>(key, scope, source, read.entry, at);
    if (claimed.waited) this.emit({ kind: 'lease', scope, lease: adopted ? 'waited' : 'fallback' });
    return adopted || { version: read.version };
  }

  /** From Flip; kept here, and in Redis up to 16 MiB. A held lease is released in every case. */
  private async loadFromFlip<R, V>(
    key: string,
    scope: CacheScope,
    source: CacheSource<R, V>,
    at: { generation: Generation; load: Load },
    { version, lease }: { version: string; lease?: HeldLease },
  ): Promise<V> {
    let outcome: LeaseOutcome = 'failed';
    try {
      const storedAtMs = this.now();
      const { records, bytes } = await source.load();
      const value = source.derive(records);
      outcome = 'dropped';
      if (!this.isCurrent(key, at.generation)) return value;
      const patched = this.withPendingPatches(key, scope, value, at.load) as V | null;
      if (patched === null) return value;
      this.store(key, { value: patched, storedAtMs, sizeBytes: bytes * HEAP_BYTES_PER_RESPONSE_BYTE });
      if (bytes > SHARED_MAX_RESPONSE_BYTES) outcome = 'large';
      // Patched meanwhile: Redis holds a newer version and would refuse the write; waiters that
      // are told 'dropped' read Flip again.
      else if (!at.load.patches) outcome = 'filled';
      if (outcome === 'filled') {
        const held = lease;
        const release =
          held && ((stored: boolean) => this.release(held, scope, stored ? 'filled' : 'dropped'));
        lease = undefined;
        this.writeShared(key, scope, () => source.recordsOf(value), { storedAtMs, version }, release);
      }
      return patched;
    } finally {
      if (lease) this.release(lease, scope, outcome);
    }
  }

  private release(lease: HeldLease, scope: CacheScope, outcome: LeaseOutcome): void {
    lease.release(outcome).catch((error: unknown) => this.emit({ kind: 'shared-failed', scope, error }));
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
    this.emit({ kind: 'shared-hit', scope });
    if (!this.isCurrent(key, at.generation)) return { value };
    const patched = this.withPendingPatches(key, scope, value, at.load) as V | null;
    if (patched === null) return { value };
    const sizeBytes = entry.text.length * HEAP_BYTES_PER_RESPONSE_BYTE;
    this.store(key, { value: patched, storedAtMs: entry.storedAtMs, sizeBytes });
    if (!isFresh) at.load.refreshAfter = () => this.refresh(key, scope, source);
    return { value: patched };
  }

  private store(key: string, entry: Entry): void {
    const remainingMs = 2 * this.ttlMs - (this.now() - entry.storedAtMs);
    if (remainingMs > 0) this.lru.set(key, entry, { ttl: remainingMs });
  }

  /**
   * After the answer: encoding a large program takes a while and must not delay it. `onDone` is
   * told whether the entry landed in Redis.
   */
  private writeShared(
    key: string,
    scope: CacheScope,
    recordsOf: () => unknown,
    { storedAtMs, version }: { storedAtMs: number; version: string },
    onDone: (stored: boolean) => void = () => undefined,
  ): void {
    const shared = this.options.shared;
    if (!shared || shared.invalidationsOnly) return onDone(false);
    setImmediate(() => {
      const ttlMs = 2 * this.ttlMs - (this.now() - storedAtMs);
      if (ttlMs <= 0) return onDone(false);
      let text: string;
      try {
        text = encodeRecords(recordsOf());
      } catch (error) {
        this.emit({ kind: 'shared-failed', scope, error });
        return onDone(false);
      }
      shared.write(key, { storedAtMs, text }, { version, ttlMs }).then(onDone, (error: unknown) => {
        this.emit({ kind: 'shared-failed', scope, error });
        onDone(false);
      });
    });
  }

  private drop(key: string): void {
    this.bumpGeneration(key);
    this.lru.delete(key);
    this.loads.delete(key);
  }

  /**
   * The key changed: a load running since before never stores its value, and answers built from
   * the old value (response cache) are outdated. Every path that changes or drops an entry calls it.
   */
  private bumpGeneration(key: string): void {
    this.keyGenerations.set(key, (this.keyGenerations.get(key) ?? 0) + 1);
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
