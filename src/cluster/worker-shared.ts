import type { SqlBackend } from '../audit/index.js';
import type { SharedTier } from '../cache/index.js';
import type { JsonValue, KeyValueStore, MessageBus } from '../store/index.js';
import type { Endpoint } from './endpoint.js';

/**
 * A worker's view of what the primary owns (no REDIS_URL): the idempotency KeyValueStore, the
 * MessageBus channels, and the audit database when DATABASE_URL is unset (PGlite is one process).
 * Every call goes to the primary over IPC; when the primary cannot answer in time, or is gone,
 * the call rejects with UPSTREAM_UNAVAILABLE, so dispatchEvent never POSTs without a claimed key.
 */
export interface WorkerShared {
  store: KeyValueStore;
  bus(channel: string): MessageBus;
  sql: SqlBackend;
}

/** Audit queries may wait on PGlite opening (seconds on first use). */
const SQL_TIMEOUT_MS = 30_000;

type BusListener = (event: { message: JsonValue } | { missed: true }) => void;

export function createWorkerShared(endpoint: Endpoint): WorkerShared {
  const listeners = new Map<string, BusListener[]>();
  endpoint.handle('deliver', (payload) => {
    const { channel, message } = payload as { channel: string; message: JsonValue };
    for (const listener of listeners.get(channel) ?? []) listener({ message });
  });
  // The primary could not hand this worker a message in time: every channel may have lost one.
  endpoint.handle('missed', () => {
    for (const channelListeners of listeners.values())
      for (const listener of channelListeners) listener({ missed: true });
  });
  const kv = <T>(method: keyof KeyValueStore, ...args: unknown[]) => endpoint.call<T>('kv', { method, args });
  return {
    store: {
      get: (key) => kv('get', key),
      set: (key, value, ttlS) => kv('set', key, value, ttlS),
      setIfAbsent: (key, value, ttlS) => kv('setIfAbsent', key, value, ttlS),
      addMember: (key, member, ttlS) => kv('addMember', key, member, ttlS),
      members: (key) => kv('members', key),
      setField: (key, field, value, ttlS) => kv('setField', key, field, value, ttlS),
      fields: (key) => kv('fields', key),
      delete: (key) => kv('delete', key),
      // The primary's store is closed by the primary.
      close: async () => undefined,
    },
    bus(channel) {
      return {
        // Resolves once every other worker has been handed the message (or its delivery timed out).
        publish: (message) => endpoint.call('publish', { channel, message }),
        subscribe(listener) {
          listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
        },
      };
    },
    sql: {
      kind: 'pglite',
      query: <R extends object>(sql: string, params: unknown[] = []) =>
        endpoint.call<R[]>('sql', { sql, params }, { timeoutMs: SQL_TIMEOUT_MS }),
      transaction() {
        // Only migrations use transactions, and the primary runs them when it opens the database.
        return Promise.reject(new Error('transactions do not cross processes'));
      },
      close: async () => undefined,
    },
  };
}

/**
 * The cross-request cache's second tier for workers without Redis: no shared entries (each worker
 * keeps its own memory cache), only the invalidations, so a write on one worker drops the key on
 * every other before the write's answer is sent (publish waits for their delivery).
 */
export function createInvalidationTier(bus: MessageBus): SharedTier {
  const listeners: ((keys: readonly string[] | null) => void)[] = [];
  const patchListeners: ((key: string, change: string) => void)[] = [];
  bus.subscribe((event) => {
    if ('missed' in event) {
      for (const listener of listeners) listener(null);
      return;
    }
    const message = event.message as {
      invalidate?: unknown;
      patch?: { key?: unknown; change?: unknown };
    } | null;
    const patch = message?.patch;
    if (typeof patch?.key === 'string' && typeof patch.change === 'string') {
      for (const listener of patchListeners) listener(patch.key, patch.change);
      return;
    }
    const keys = message?.invalidate;
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return;
    for (const listener of listeners) listener(keys);
  });
  return {
    invalidationsOnly: true,
    read: async () => ({ entry: null, version: '' }),
    write: async () => false,
    invalidate: async (keys) => {
      if (keys.length > 0) await bus.publish({ invalidate: [...keys] });
    },
    onInvalidated(listener) {
      listeners.push(listener);
    },
    // A write's change: the other workers patch their copies (nothing is kept in the primary).
    patch: async (key, change) => {
      await bus.publish({ patch: { key, change } });
    },
    onPatched(listener) {
      patchListeners.push(listener);
    },
    // No lease between workers: nothing is shared to wait for (see CrossRequestCache).
    claim: async () => ({ status: 'large' }),
    onReleased() {},
  };
}
