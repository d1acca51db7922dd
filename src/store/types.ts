/** The key-value boundary's interface (see index.ts); every implementation satisfies it. */

/** What a store holds: plain JSON, so every implementation can serialise it the same way. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Every method is atomic for its key. Values go in and come out as JSON: a stored object is never
 * the caller's object, and `get` returns `unknown`-shaped JSON that callers parse (zod).
 * Implementations reject for an infrastructure failure (e.g. Redis unreachable) and, when bounded,
 * refuse a new key once full (never dropping a live one to make room): a ServiceError either way.
 */
export interface KeyValueStore {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<JsonValue | undefined>;
  /** Stores (or replaces) the value for `ttlS` seconds. */
  set(key: string, value: JsonValue, ttlS: number): Promise<void>;
  /**
   * Stores the value only when the key is absent (or expired): true when this call stored it.
   * Of concurrent callers exactly one gets true: the primitive to claim a key.
   */
  setIfAbsent(key: string, value: JsonValue, ttlS: number): Promise<boolean>;
  /**
   * Adds `member` to the set under `key` (created when absent) and keeps the set for at least
   * `ttlS` more seconds. Atomic: concurrent adds are all kept. A set key holds only a set.
   */
  addMember(key: string, member: string, ttlS: number): Promise<void>;
  /** The members of the set under `key`; empty when absent or expired. */
  members(key: string): Promise<string[]>;
  /**
   * Sets one field of the record at `key` (a JSON object of fields), leaving its other fields as
   * they are, and keeps the record `ttlS` seconds from now. Atomic per field across instances:
   * concurrent writers of different fields both land.
   */
  setField(key: string, field: string, value: JsonValue, ttlS: number): Promise<void>;
  /** Every field of the record at `key`; {} when absent or expired. */
  fields(key: string): Promise<Record<string, JsonValue>>;
  /** Removes the key; no error when it is absent. */
  delete(key: string): Promise<void>;
  /** Releases connections (graceful shutdown). */
  close(): Promise<void>;
}
