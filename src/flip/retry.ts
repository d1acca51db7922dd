import { classifyStatus, type Safety, type TransportFailure, type UpstreamName } from './errors.js';

/**
 * The retry policy: whether a failed attempt may be repeated (by its Safety) and when
 * (exponential backoff with full jitter, floored by Retry-After, within the attempt and time
 * budgets). Undici's RetryAgent is not used: its defaults would repeat a POST after a 500.
 */

export interface RetryBudget {
  retryMaxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxTotalMs: number;
}

/** A status worth another attempt: never for a write, since the answer proves it reached Flip. */
export function isRetryableStatus(status: number, upstream: UpstreamName, safety: Safety): boolean {
  return safety !== 'write' && classifyStatus(status, upstream).retryable;
}

/** A transport failure worth another attempt: a write only when it provably never left. */
export function isRetryableTransport(f: TransportFailure, safety: Safety): boolean {
  return f.retryable && (safety !== 'write' || !f.mayHaveReachedUpstream);
}

/**
 * Delay before attempt `tries + 1`, or undefined when the attempts are used up or waiting
 * would end past the total budget (then the caller reports the last failure at once).
 */
export function nextRetryDelayMs(
  budget: RetryBudget,
  state: { tries: number; elapsedMs: number; retryAfterMs?: number },
  random: () => number,
): number | undefined {
  if (state.tries >= budget.retryMaxAttempts) return undefined;
  const delay = Math.max(
    backoffDelayMs(state.tries, budget.retryBaseDelayMs, budget.retryMaxTotalMs, random),
    state.retryAfterMs ?? 0,
  );
  return state.elapsedMs + delay > budget.retryMaxTotalMs ? undefined : delay;
}

/** Full jitter (AWS architecture blog): uniform in [0, base * 2^(retry-1)), capped. */
export function backoffDelayMs(retry: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` in ms from now: delta-seconds or an HTTP-date (RFC 9110 10.2.3).
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
