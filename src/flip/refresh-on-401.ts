import type { Send } from './dispatch.js';

/** Supplies the Authorization header; lets the client retry once after a 401 with a fresh one. */
export interface AuthProvider {
  authorization(opts: { requestId: string; signal?: AbortSignal }): Promise<string | undefined>;
  /** Called with the header a 401 answered; true when a fresh credential is worth one retry. */
  shouldRetryAfter401(sent: string | undefined): boolean;
}

/**
 * Credentials as a layer: asks `auth` for the Authorization header of every attempt, and after a
 * 401 sends once more, at once, with a fresh one when `auth` says it is worth it. Once per call
 * (CallState.refreshedAuth), whatever the method and the retry policy: a 401 means the request
 * was not applied, so the repeat is safe even for a POST. It sits inside `retry`, so the repeat
 * does not use up retryMaxAttempts, and above `limit`, so fetching a token holds no slot.
 */
export function refreshOn401(auth: AuthProvider): (next: Send) => Send {
  return (next) => async (call) => {
    for (;;) {
      const authorization = await auth.authorization({ requestId: call.ctx.requestId, signal: call.signal });
      const answer = await next({ ...call, authorization });
      const isRefused = answer.kind === 'response' && answer.status === 401;
      if (!isRefused || call.state.refreshedAuth || !auth.shouldRetryAfter401(authorization)) return answer;
      call.state.refreshedAuth = true;
    }
  };
}
