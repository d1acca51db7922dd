import { randomUUID } from 'node:crypto';
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
   * True when stored.
   */
  write(key: string, entry: SharedEntry, options: { version: string; ttlMs: number }): Promise<boolean>;
  /** Drops the keys for every instance: bumps their versions, deletes them, tells the others. */
  invalidate(keys: readonly string[]): Promise<void>;
  /** Keys another instance invalidated; `null`: messages may have been missed, drop everything. */
  onInvalidated(listener: (keys: readonly string[] | null) => void): void;
  /**
   * One attempt to claim the fleet's load of `key` (see lease.ts), atomically: `filled` when an
   * entry stored at or after `minStoredAtMs` is there, `large` when the key's responses are known
   * to be too large to share, `acquired` (with the key's version, read at that moment) when this
   * caller now holds the lease for `leaseMs`, `held` when another holder has it.
   */
  claim(key: string, options: { minStoredAtMs: number; leaseMs: number }): Promise<Claim>;
  /** Lease holders' releases announced by other instances (see LeaseOutcome). */
  onReleased(listener: (key: string, outcome: LeaseOutcome) => void): void;
  /**
   * A write's change to one key: its shared entry is dropped (its version bumped, as by
   * invalidate: a load from before never stores over it) and the change, encoded, is sent to
   * the other instances, which patch their own copies instead of dropping them.
   */
  patch(key: string, change: string): Promise<void>;
  /** A change another instance sent (see patch); missed messages come as onInvalidated(null). */
  onPatched(listener: (key: string, change: string) => void): void;
}

export type Claim =
  { status: 'filled' | 'large' | 'held' } | { status: 'acquired'; version: string; lease: SharedLease };

/** A lease this instance holds; it expires by itself unless renewed. */
export interface SharedLease {
  /** Extends it by `leaseMs` if still held: false when it expired (another may hold it now). */
  renew(leaseMs: number): Promise<boolean>;
  /**
   * Deletes it if still held (compare-and-delete) and tells the others how the load ended;
   * `large` also marks the key, so that no instance leases it for a while.
   */
  release(outcome: LeaseOutcome): Promise<void>;
}

/**
 * filled: the entry is in Redis; large: too large for Redis (every instance loads it itself);
 * dropped: loaded but not stored (a write invalidated it meanwhile): claim again;
 * failed: the load failed: the others load themselves (each gets its own answer or error).
 */
export type LeaseOutcome = 'filled' | 'large' | 'dropped' | 'failed';
const LEASE_OUTCOMES: readonly LeaseOutcome[] = ['filled', 'large', 'dropped', 'failed'];

export interface SharedEntry {
  /** Epoch ms (wall clock, comparable across instances) when the records were fetched. */
  storedAtMs: number;
  /** The records, encoded by codec.ts. */
  text: string;
}

/** Versions outlive any entry by far; they only need to outlast one load. */
const VERSION_TTL_MS = 24 * 3_600_000;
/**
 * A key found too large to share is loaded by each instance without a lease for this long (a
 * program rarely shrinks below 16 MiB; if it does, it is shared again, only not leased, meanwhile).
 */
const LARGE_MARK_MS = 3_600_000;

/** Sets KEYS[1] only if the version at KEYS[2] is still ARGV[1] (absent = ''). */
const WRITE_IF_VERSION = `
if (redis.call('GET', KEYS[2]) or '') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

/**
 * KEYS: data, lease, large mark, version; ARGV: token, lease ms, minStoredAtMs. Only the head of
 * the entry is read (`<storedAtMs>\n`): polling a 16 MiB entry costs nothing.
 * Returns {2} filled, {3} large, {1, version} acquired, {0} held.
 */
const CLAIM = `
local at = string.match(redis.call('GETRANGE', KEYS[1], 0, 24), '^(%d+)\\n')
if at and tonumber(at) >= tonumber(ARGV[3]) then return {2} end
if redis.call('EXISTS', KEYS[3]) == 1 then return {3} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[4]) or ''}
end
return {0}`;

/** Compare-and-expire: KEYS lease; ARGV token, ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Compare-and-delete: KEYS lease, large mark; ARGV token, mark ms (0: no mark). */
const RELEASE = `
if tonumber(ARGV[2]) > 0 then redis.call('SET', KEYS[2], '1', 'PX', ARGV[2]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const CLAIM_STATUS = { 0: 'held', 2: 'filled', 3: 'large' } as const;

/**
 * The shared tier on Redis; the bus carries `{ invalidate: [keys] }`, `{ patch: { key, change } }`
 * and `{ released: key, outcome }` between instances, in the order Redis received them.
 */
export function createRedisTier(
  connection: RedisConnection,
  bus: MessageBus,
  options: { prefix?: string } = {},
): SharedTier {
  const redis = connection.client;
  const prefix = options.prefix ?? 'flip-graphql:cache:';
  const dataKey = (key: string) => `${prefix}data:${key}`;
  const versionKey = (key: string) => `${prefix}version:${key}`;
  const leaseKey = (key: string) => `${prefix}lease:${key}`;
  const largeKey = (key: string) => `${prefix}large:${key}`;
  const listeners: ((keys: readonly string[] | null) => void)[] = [];
  const releaseListeners: ((key: string, outcome: LeaseOutcome) => void)[] = [];
  const patchListeners: ((key: string, change: string) => void)[] = [];
  bus.subscribe((event) => {
    if (!('missed' in event)) {
      const released = releasedLease(event.message);
      if (released) for (const listener of releaseListeners) listener(released.key, released.outcome);
      const patch = patchOf(event.message);
      if (patch) for (const listener of patchListeners) listener(patch.key, patch.change);
    }
    const keys = 'missed' in event ? null : invalidatedKeys(event.message);
    if (keys === undefined) return;
    for (const listener of listeners) listener(keys);
  });
  const lease = (key: string, token: string): SharedLease => ({
    async renew(leaseMs) {
      return (await redis.eval(RENEW, 1, leaseKey(key), token, Math.ceil(leaseMs))) === 1;
    },
    async release(outcome) {
      const markMs = outcome === 'large' ? LARGE_MARK_MS : 0;
      await redis.eval(RELEASE, 2, leaseKey(key), largeKey(key), token, markMs);
      await bus.publish({ released: key, outcome });
    },
  });
  /** Bumps the keys' versions and deletes their entries, in one transaction. */
  const dropShared = async (keys: readonly string[]) => {
    const multi = redis.multi();
    for (const key of keys) multi.incr(versionKey(key)).pexpire(versionKey(key), VERSION_TTL_MS);
    multi.del(...keys.map(dataKey));
    const results = await multi.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('Redis transaction aborted');
  };

  return {
    async read(key) {
      const [stored, version] = await redis.mget(dataKey(key), versionKey(key));
      return { entry: stored ? parseEntry(stored) : null, version: version ?? '' };
    },
    async write(key, entry, { version, ttlMs }) {
      const stored = `${entry.storedAtMs}\n${entry.text}`;
      const args = [version, stored, Math.ceil(ttlMs)];
      return (await redis.eval(WRITE_IF_VERSION, 2, dataKey(key), versionKey(key), ...args)) === 1;
    },
    async invalidate(keys) {
      if (keys.length === 0) return;
      await dropShared(keys);
      await bus.publish({ invalidate: [...keys] });
    },
    onInvalidated(listener) {
      listeners.push(listener);
    },
    async claim(key, { minStoredAtMs, leaseMs }) {
      const token = randomUUID();
      const keys = [dataKey(key), leaseKey(key), largeKey(key), versionKey(key)];
      const args = [token, Math.ceil(leaseMs), Math.floor(minStoredAtMs)];
      const [status, version] = (await redis.eval(CLAIM, 4, ...keys, ...args)) as [number, string?];
      if (status === 1) return { status: 'acquired', version: version ?? '', lease: lease(key, token) };
      const other = CLAIM_STATUS[status as keyof typeof CLAIM_STATUS];
      if (!other) throw new Error(`unexpected lease claim status ${String(status)}`);
      return { status: other };
    },
    onReleased(listener) {
      releaseListeners.push(listener);
    },
    async patch(key, change) {
      // Dropped rather than rewritten: re-encoding a program of up to 16 MiB per write would cost
      // more than the next cold instance's one load, and could race another instance's patch.
      await dropShared([key]);
      await bus.publish({ patch: { key, change } });
    },
    onPatched(listener) {
      patchListeners.push(listener);
    },
  };
}

/** `<storedAtMs>\n<text>`: the age is known without parsing the records. */
function parseEntry(stored: string): SharedEntry | null {
  const at = stored.indexOf('\n');
  const storedAtMs = Number(stored.slice(0, at));
  return at > 0 && Number.isFinite(storedAtMs) ? { storedAtMs, text: stored.slice(at + 1) } : null;
}

function releasedLease(message: unknown): { key: string; outcome: LeaseOutcome } | undefined {
  if (typeof message !== 'object' || message === null || !('released' in message)) return undefined;
  const { released, outcome } = message as { released: unknown; outcome?: unknown };
  if (typeof released !== 'string' || !LEASE_OUTCOMES.includes(outcome as LeaseOutcome)) return undefined;
  return { key: released, outcome: outcome as LeaseOutcome };
}

function patchOf(message: unknown): { key: string; change: string } | undefined {
  if (typeof message !== 'object' || message === null || !('patch' in message)) return undefined;
  const patch = (message as { patch: { key?: unknown; change?: unknown } | null }).patch;
  return typeof patch?.key === 'string' && typeof patch.change === 'string'
    ? { key: patch.key, change: patch.change }
    : undefined;
}

function invalidatedKeys(message: unknown): string[] | undefined {
  if (typeof message !== 'object' || message === null || !('invalidate' in message)) return undefined;
  const keys = (message as { invalidate: unknown }).invalidate;
  return Array.isArray(keys) && keys.every((k) => typeof k === 'string') ? keys : undefined;
}
