/** Receives the size of each DataLoader batch, by loader name (metrics). */
export type BatchObserver = (loader: string, size: number) => void;

type BatchFn<K, V> = (keys: readonly K[]) => Promise<readonly (V | Error)[]>;

/** How the loaders of a request batch. */
export interface BatchOptions {
  /** DataLoader options: setImmediate scheduling when batching, else no batching and no cache. */
  schedule: { batchScheduleFn?: (run: () => void) => void; batch?: boolean; cache?: boolean };
  /** The batch function, reporting each batch's size under the loader's name. */
  observed<K, V>(loader: string, load: BatchFn<K, V>): BatchFn<K, V>;
}

/**
 * Batches are dispatched on setImmediate rather than DataLoader's default (after the current
 * promise jobs): keys requested along different paths of the operation, whose parents resolved
 * in different ticks, still share one batch, and by-id lookups see the program loads that
 * sibling fields started. With DISABLE_BATCHING (the benchmark's naive baseline) every key is
 * its own batch and nothing is cached.
 */
export function batchOptions(isBatched: boolean, observe: BatchObserver): BatchOptions {
  return {
    schedule: isBatched
      ? { batchScheduleFn: (run) => void setImmediate(run) }
      : { batch: false, cache: false },
    observed: (loader, load) => (keys) => {
      observe(loader, keys.length);
      return load(keys);
    },
  };
}
