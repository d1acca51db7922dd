import type { MessageBus, RedisConnection } from '../store/index.js';

/**
 * The cache's second tier, shared by every instance (Redis): serialised records with their
 * storage time, a version per key that an invalidation bumps, and invalidation messages.
 * Every method may reject (Redis away); the cache then falls back to Flip.
 */
export interface SharedTier {
  /**
   * True for a tier that carries only invalidations (cluster workers without Redis): the cache
   * neither reads nor encodes entries for it.
   */
  readonly invalidationsOnly?: boolean;
  /** The stored entry (or null) and the key's version, read together. */
  read(key: string): Promise<{ entry: SharedEntry | null; version: string }>;
  /**
   * Stores the entry unless the key was invalidated since `version` was read: a load that
   * started before a write (on any instance) never lands after that write's invalidation.
   */
  write(key: string, entry: SharedEntry, options: { version: string; ttlMs: number }): Promise<void>;
  /** Drops the keys for every instance: bumps their versions, deletes them, tells the others. */
  invalidate(keys: readonly string[]): Promise<void>;
  /** Keys another instance invalidated; `null`: messages may have been missed, drop everything. */
  onInvalidated(listener: (keys: readonly string[] | null) => void): void;
}

export interface SharedEntry {
  /** Epoch ms (wall clock, comparable across instances) when the records were fetched. */
  storedAtMs: number;
  /** The records, encoded by codec.ts. */
  text: string;
}

/** Versions outlive any entry by far; they only need to outlast one load. */
const VERSION_TTL_MS = 24 * 3_600_000;

/** Sets KEYS[1] only if the version at KEYS[2] is still ARGV[1] (absent = ''). */
const WRITE_IF_VERSION = `
if (redis.call('GET', KEYS[2]) or '') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

/** The shared tier on Redis; the bus carries `{ invalidate: [keys] }` between instances. */
export function createRedisTier(
  connection: RedisConnection,
  bus: MessageBus,
  options: { prefix?: string } = {},
): SharedTier {
  const redis = connection.client;
  const prefix = options.prefix ?? 'flip-graphql:cache:';
  const dataKey = (key: string) => `${prefix}data:${key}`;
  const versionKey = (key: string) => `${prefix}version:${key}`;
  const listeners: ((keys: readonly string[] | null) => void)[] = [];
  bus.subscribe((event) => {
    const keys = 'missed' in event ? null : invalidatedKeys(event.message);
    if (keys === undefined) return;
    for (const listener of listeners) listener(keys);
  });

  return {
    async read(key) {
      const [stored, version] = await redis.mget(dataKey(key), versionKey(key));
      return { entry: stored ? parseEntry(stored) : null, version: version ?? '' };
    },
    async write(key, entry, { version, ttlMs }) {
      const stored = `${entry.storedAtMs}\n${entry.text}`;
      await redis.eval(WRITE_IF_VERSION, 2, dataKey(key), versionKey(key), version, stored, Math.ceil(ttlMs));
    },
    async invalidate(keys) {
      if (keys.length === 0) return;
      const multi = redis.multi();
      for (const key of keys) multi.incr(versionKey(key)).pexpire(versionKey(key), VERSION_TTL_MS);
      multi.del(...keys.map(dataKey));
      const results = await multi.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('Redis transaction aborted');
      await bus.publish({ invalidate: [...keys] });
    },
    onInvalidated(listener) {
      listeners.push(listener);
    },
  };
}

/** `<storedAtMs>\n<text>`: the age is known without parsing the records. */
function parseEntry(stored: string): SharedEntry | null {
  const at = stored.indexOf('\n');
  const storedAtMs = Number(stored.slice(0, at));
  return at > 0 && Number.isFinite(storedAtMs) ? { storedAtMs, text: stored.slice(at + 1) } : null;
}

function invalidatedKeys(message: unknown): string[] | undefined {
  if (typeof message !== 'object' || message === null || !('invalidate' in message)) return undefined;
  const keys = (message as { invalidate: unknown }).invalidate;
  return Array.isArray(keys) && keys.every((k) => typeof k === 'string') ? keys : undefined;
}
