import {
  type Answer,
  asServiceError,
  type Call,
  isSuccess,
  type Runtime,
  type Send,
  type Success,
} from './dispatch.js';
import {
  classifyStatus,
  type Safety,
  statusError,
  statusMayHaveApplied,
  type Timeouts,
  type TransportFailure,
  transportError,
  type UpstreamName,
} from './errors.js';

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

/**
 * The policy as a layer: attempts until a 2xx, waiting between attempts (without holding an
 * in-flight slot: `limit` sits below), or throws the final ServiceError. Every failure that
 * reaches it, a cancelled wait included, leaves as a ServiceError. Its own rules, not undici's
 * (whose retry interceptor repeats a POST by default): a write that may have reached Flip is
 * never repeated.
 */
export function retry(
  settings: RetryBudget & Timeouts,
  runtime: Pick<Runtime, 'now' | 'random' | 'sleep'>,
): (next: Send) => (call: Call) => Promise<Success> {
  /** The delay before the next attempt after an error status, or throws the final error. */
  function afterStatus(call: Call, tries: number, answer: Extract<Answer, { kind: 'response' }>): number {
    const { ctx, state } = call;
    if (statusMayHaveApplied(answer.status)) state.mayHaveApplied = true;
    const afterMs = retryAfterMs(answer.headers['retry-after'], runtime.now());
    const delayMs = isRetryableStatus(answer.status, ctx.upstream, ctx.safety)
      ? delayFor(call, tries, afterMs)
      : undefined;
    if (delayMs !== undefined) return delayMs;
    const retryAfterS = Math.max(1, Math.ceil((afterMs ?? settings.retryBaseDelayMs * 2 ** tries) / 1000));
    throw statusError(answer.status, answer.text, ctx, {
      retryAfterS,
      mayHaveApplied: state.mayHaveApplied ?? false,
    });
  }

  /** The delay before the next attempt after a transport failure, or throws the final error. */
  function afterTransport(call: Call, tries: number, failure: TransportFailure): number {
    const { ctx, state } = call;
    if (failure.mayHaveReachedUpstream) state.mayHaveApplied = true;
    const delayMs = isRetryableTransport(failure, ctx.safety) ? delayFor(call, tries) : undefined;
    if (delayMs !== undefined) return delayMs;
    throw transportError(failure, ctx, settings, { mayHaveApplied: state.mayHaveApplied ?? false });
  }

  function delayFor(call: Call, tries: number, afterMs?: number): number | undefined {
    const elapsedMs = runtime.now() - call.state.startedMs;
    return nextRetryDelayMs(settings, { tries, elapsedMs, retryAfterMs: afterMs }, runtime.random);
  }

  return (next) => async (call) => {
    try {
      // `tries` counts what retryMaxAttempts bounds: refreshOn401's repeat (below) is not one.
      for (let tries = 1; ; tries++) {
        const answer = await next(call);
        if (answer.kind === 'response' && isSuccess(answer.status)) return answer;
        const delayMs =
          answer.kind === 'response'
            ? afterStatus(call, tries, answer)
            : afterTransport(call, tries, answer.failure);
        await runtime.sleep(delayMs, call.signal);
      }
    } catch (e) {
      throw asServiceError(e, call, settings);
    }
  };
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
