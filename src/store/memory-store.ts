import { ServiceError } from '../errors.js';
import type { JsonValue, KeyValueStore } from './types.js';

/** Bound on live keys: an idempotency record is ~1-5 kB, so the default stays well under 500 MB. */
const DEFAULT_MAX_ENTRIES = 100_000;

export interface MemoryStoreOptions {
  /**
   * At most this many live (unexpired) keys (default 100 000). A new key beyond it is refused
   * with RATE_LIMITED; a live key is never dropped to make room (issue 13).
   */
  maxEntries?: number;
  /** Monotonic clock in ms for expiry; injectable for tests (default performance.now). */
  now?: () => number;
}

type Entry =
  | { kind: 'value'; text: string; expiresAtMs: number }
  | { kind: 'set'; members: Set<string>; expiresAtMs: number }
  | { kind: 'record'; fields: Map<string, string>; expiresAtMs: number };

/**
 * A process-local KeyValueStore: every key lives until its TTL, and memory is bounded by refusing
 * new keys when `maxEntries` live keys are held (expired ones are swept first), never by evicting
 * a live one: an idempotency record forgotten early would let a retry dispatch twice.
 * Values are kept as JSON text, so they round-trip exactly as through Redis. Atomicity is
 * trivial here: each method runs synchronously on the one event loop.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): KeyValueStore {
  const now = options.now ?? (() => performance.now());
  const maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const entries = new Map<string, Entry>();
  const expiresAt = (ttlS: number) => now() + Math.max(1, Math.round(ttlS * 1000));

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAtMs <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  /** Throws RATE_LIMITED when a new key would exceed the bound after sweeping expired keys. */
  const makeRoom = () => {
    if (entries.size < maxEntries) return;
    const at = now();
    let soonestMs = Number.POSITIVE_INFINITY;
    for (const [key, entry] of entries) {
      if (entry.expiresAtMs <= at) entries.delete(key);
      else soonestMs = Math.min(soonestMs, entry.expiresAtMs);
    }
    if (entries.size < maxEntries) return;
    throw new ServiceError(
      'RATE_LIMITED',
      `The idempotency store is full (${maxEntries} live keys); nothing was sent to Flip. ` +
        'Keys are kept until they expire, never dropped early; retry after the time given.',
      { retryAfterS: Math.max(1, Math.ceil((soonestMs - at) / 1000)) },
    );
  };

  return {
    async get(key) {
      const entry = live(key);
      return entry?.kind === 'value' ? (JSON.parse(entry.text) as JsonValue) : undefined;
    },
    async set(key, value, ttlS) {
      if (!live(key)) makeRoom();
      entries.set(key, { kind: 'value', text: JSON.stringify(value), expiresAtMs: expiresAt(ttlS) });
    },
    async setIfAbsent(key, value, ttlS) {
      if (live(key)) return false;
      makeRoom();
      entries.set(key, { kind: 'value', text: JSON.stringify(value), expiresAtMs: expiresAt(ttlS) });
      return true;
    },
    async addMember(key, member, ttlS) {
      const entry = live(key);
      if (entry?.kind === 'set') {
        entry.members.add(member);
        entry.expiresAtMs = Math.max(entry.expiresAtMs, expiresAt(ttlS));
        return;
      }
      if (!entry) makeRoom();
      entries.set(key, { kind: 'set', members: new Set([member]), expiresAtMs: expiresAt(ttlS) });
    },
    async members(key) {
      const entry = live(key);
      return entry?.kind === 'set' ? [...entry.members] : [];
    },
    async setField(key, field, value, ttlS) {
      const entry = live(key);
      if (entry?.kind === 'record') {
        entry.fields.set(field, JSON.stringify(value));
        entry.expiresAtMs = expiresAt(ttlS);
        return;
      }
      if (!entry) makeRoom();
      const fields = new Map([[field, JSON.stringify(value)]]);
      entries.set(key, { kind: 'record', fields, expiresAtMs: expiresAt(ttlS) });
    },
    async fields(key) {
      const entry = live(key);
      if (entry?.kind !== 'record') return {};
      return Object.fromEntries([...entry.fields].map(([f, text]) => [f, JSON.parse(text) as JsonValue]));
    },
    async delete(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}
