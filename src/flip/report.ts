import { errorCodeOf } from '../errors.js';
import type { Call, Dispatch, Runtime, Send } from './dispatch.js';
import type { UpstreamCallReport } from './records.js';

/**
 * Observability as two layers: `countAttempt` tallies every request sent (status, bytes) into the
 * call's state, and `report` hands one UpstreamCallReport per upstream call to onUpstreamCall,
 * after its retries, whether it succeeded or failed.
 */

/** Counts the attempt before it waits for a slot (as a cancelled wait has always counted). */
export function countAttempt(next: Send): Send {
  return async (call) => {
    call.state.attempts++;
    const answer = await next(call);
    call.state.bytes += answer.bytes;
    call.state.status = answer.kind === 'response' ? answer.status : 0;
    return answer;
  };
}

/**
 * Reports the call once when it settles. Sits below `coalesce`, so callers sharing one request
 * share its one report (carrying the first caller's request id). An observer that throws never
 * fails the call it observes.
 */
export function report(runtime: Pick<Runtime, 'now' | 'onUpstreamCall'>): (next: Dispatch) => Dispatch {
  return (next) => async (call) => {
    let errorCode: string | undefined;
    try {
      return await next(call);
    } catch (e) {
      errorCode = errorCodeOf(e);
      throw e;
    } finally {
      emit(runtime, call, errorCode);
    }
  };
}

function emit(runtime: Pick<Runtime, 'now' | 'onUpstreamCall'>, call: Call, errorCode: string | undefined) {
  const { ctx, state } = call;
  const report: UpstreamCallReport = {
    upstream: ctx.upstream,
    method: ctx.method,
    endpoint: ctx.endpoint,
    status: state.status,
    durationMs: runtime.now() - state.startedMs,
    attempts: state.attempts,
    bytes: state.bytes,
    requestId: ctx.requestId,
  };
  if (errorCode !== undefined) report.errorCode = errorCode;
  try {
    runtime.onUpstreamCall?.(report);
  } catch {
    // An observer's failure must never fail the call it observes.
  }
}
