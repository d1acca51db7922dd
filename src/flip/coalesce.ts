import { asServiceError, type Dispatch, type RequestSpec } from './dispatch.js';
import type { Timeouts } from './errors.js';

/**
 * Single-flight: identical concurrent reads share one upstream request. The entry is removed
 * when the request settles, so a later call always goes upstream again (no caching here).
 * Each caller may stop waiting (its signal); the shared request is aborted only once every
 * caller waiting on it has given up.
 */
export interface Coalescer {
  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T>;
  /** Keys with a request in flight (for tests). */
  size(): number;
}

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}

export function createCoalescer(): Coalescer {
  const inFlight = new Map<string, Entry>();
  return {
    size: () => inFlight.size,
    run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
      let entry = inFlight.get(key);
      if (!entry) {
        const controller = new AbortController();
        const created: Entry = { controller, waiting: 0, promise: Promise.resolve() };
        created.promise = start(controller.signal).finally(() => {
          if (inFlight.get(key) === created) inFlight.delete(key);
        });
        inFlight.set(key, created);
        entry = created;
      }
      const shared = entry;
      shared.waiting++;
      return raceAbort(shared.promise as Promise<T>, callerSignal, () => {
        shared.waiting--;
        if (shared.waiting === 0) {
          // Nobody is left to read the answer: stop it and let the next caller start afresh.
          if (inFlight.get(key) === shared) inFlight.delete(key);
          shared.controller.abort();
        }
      });
    },
  };
}

/** Waits for `promise` but rejects with the signal's reason when it aborts first. */
export function raceAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbandon: () => void = () => {},
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbandon();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      onAbandon();
      reject(signal.reason);
    };
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

/**
 * Single-flight as a layer: an identical concurrent read (same method, URL and body, `keyOf`)
 * joins the call in flight, so everything below (retries, the report) happens once for all of
 * its callers. Each caller keeps its own signal: one that gives up gets a cancelled error while
 * the others wait on. Writes always pass through.
 */
export function coalesce(
  coalescer: Coalescer,
  keyOf: (spec: RequestSpec<unknown, unknown>) => string,
  timeouts: Timeouts,
): (next: Dispatch) => Dispatch {
  return (next) => (call) => {
    if (!call.spec.coalesce || call.spec.safety !== 'read') return next(call);
    const shared = coalescer.run(keyOf(call.spec), (signal) => next({ ...call, signal }), call.signal);
    return shared.catch((e: unknown) => {
      throw asServiceError(e, call, timeouts);
    });
  };
}
