import type { Send } from './dispatch.js';

/**
 * A counting semaphore: at most `limit` holders at once, the rest wait in FIFO order.
 * Bounds the requests in flight per upstream so one large query cannot open hundreds of sockets.
 */
export interface Limiter {
  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Holders right now (for tests and metrics). */
  active(): number;
}

export function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];

  const releaser = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      // Hand the slot straight to the next waiter so a newcomer cannot overtake it.
      if (next) next();
      else active--;
    };
  };

  return {
    active: () => active,
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit) {
        active++;
        return Promise.resolve(releaser());
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaser());
        };
        const onAbort = () => {
          const i = waiting.indexOf(grant);
          if (i >= 0) waiting.splice(i, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(grant);
      });
    },
  };
}

/**
 * The in-flight bound as a layer: the slot is held for one exchange only (body included), never
 * across a retry's back-off or a token fetch, which sit above it. Rejects with the signal's
 * reason when the caller gives up while waiting for a slot.
 */
export function limit(limiter: Limiter): (next: Send) => Send {
  return (next) => async (call) => {
    const release = await limiter.acquire(call.signal);
    try {
      return await next(call);
    } finally {
      release();
    }
  };
}
