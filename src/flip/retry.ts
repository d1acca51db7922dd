/**
 * Retry timing: exponential backoff with full jitter, floored by the upstream's Retry-After.
 * The policy of *whether* to retry lives in http.ts with the error table of errors.ts.
 */

/** Full jitter (AWS architecture blog): uniform in [0, base * 2^(retry-1)], capped. */
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
