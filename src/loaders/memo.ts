/**
 * A per-request memo of keyed async loads: the first `get(key)` starts the load, later ones share
 * its promise (also a rejected one: a program that failed once in a request is not fetched again
 * by a sibling field; the client has already retried what was retryable).
 * With `enabled: false` (DISABLE_BATCHING, the benchmark's naive baseline) every `get` loads anew.
 */
export class RequestMemo<K, V> {
  private readonly pending = new Map<K, Promise<V>>();
  private readonly settled = new Map<K, V>();

  constructor(
    private readonly load: (key: K) => Promise<V>,
    private readonly enabled: boolean,
  ) {}

  get(key: K): Promise<V> {
    const known = this.pending.get(key);
    if (known) return known;
    const promise = this.load(key);
    if (!this.enabled) return promise;
    this.pending.set(key, promise);
    promise.then(
      (value) => {
        if (this.pending.get(key) === promise) this.settled.set(key, value);
      },
      () => undefined, // the caller of get() sees the rejection; this branch only avoids an unhandled one
    );
    return promise;
  }

  /** Keys whose load was started in this request (loaded, loading or failed). */
  startedKeys(): K[] {
    return [...this.pending.keys()];
  }

  /** The loaded value, synchronously, when the load has resolved. */
  peek(key: K): V | undefined {
    return this.settled.get(key);
  }

  /** Replaces a loaded value (a write primed the new state). */
  set(key: K, value: V): void {
    if (!this.enabled) return;
    this.pending.set(key, Promise.resolve(value));
    this.settled.set(key, value);
  }

  /** Forgets a key: the next `get` loads it again. */
  delete(key: K): void {
    this.pending.delete(key);
    this.settled.delete(key);
  }
}
