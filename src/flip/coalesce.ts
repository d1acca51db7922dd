/**
 * Single-flight: identical concurrent reads share one upstream request. The entry is removed
 * when the request settles, so a later call always goes upstream again (no caching here).
 */
export interface Coalescer {
  run<T>(key: string, start: () => Promise<T>): Promise<T>;
  /** Keys with a request in flight (for tests). */
  size(): number;
}

export function createCoalescer(): Coalescer {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    size: () => inFlight.size,
    run<T>(key: string, start: () => Promise<T>): Promise<T> {
      const existing = inFlight.get(key);
      if (existing) return existing as Promise<T>;
      const promise = start().finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}

/** Waits for `promise` but gives up when `signal` aborts (the shared request keeps going). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
