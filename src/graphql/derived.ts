/**
 * Values derived from an immutable list of entries (a program's enrollments), computed once per
 * list and key. A cached program index is shared by every request within the cache TTL, and
 * counting or sorting 50,000 enrollments per request cost more than the rest of the request
 * (issue 9). Lists are never mutated (a write builds a new index), so a derived value stays true
 * for as long as its list lives; the WeakMap lets both go together.
 */

/** Bound per list: the distinct filters and orders asked of one list while it is cached. */
const MAX_KEYS_PER_LIST = 32;

const derivedByList = new WeakMap<object, Map<string, unknown>>();

/** `compute()` once per (list, key); later calls with the same list and key return that value. */
export function derivedFrom<T>(list: object, key: string, compute: () => T): T {
  let values = derivedByList.get(list);
  if (!values) {
    values = new Map();
    derivedByList.set(list, values);
  }
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  if (values.size >= MAX_KEYS_PER_LIST) values.delete(values.keys().next().value as string);
  values.set(key, value);
  return value;
}

/** A stable key for an argument object (a filter, an order); absent and null alike. */
export function keyOf(value: unknown): string {
  return JSON.stringify(value ?? null);
}
