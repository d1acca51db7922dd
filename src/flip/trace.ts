import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { Send } from './dispatch.js';

/**
 * One CLIENT span per attempt (issue 16), as a layer right around the exchange, and its W3C
 * `traceparent` in the request's headers (call.traceHeaders).
 *
 * Not @opentelemetry/instrumentation-undici: it parents a span to the context active when undici
 * creates its Request, and a Pool creates the Request of a queued dispatch when a socket frees
 * up, in the context of whichever request freed it. Under load (more requests than
 * FLIP_MAX_CONNECTIONS) one operation's upstream calls landed in another operation's trace and
 * carried its traceparent to Flip. Here the span starts in the call's own async context.
 *
 * Attributes are templates and numbers only (method, route template, status, resend count,
 * server): never ids, query values, bodies or credentials.
 */
export function traceAttempt(
  tracer: Tracer,
  server: { address: string; port: number },
): (next: Send) => Send {
  return (next) => async (call) => {
    const { ctx, state } = call;
    const parent = call.traceParent ?? context.active();
    const span = tracer.startSpan(
      `${ctx.method} ${ctx.endpoint}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': ctx.method,
          'http.route': ctx.endpoint,
          'server.address': server.address,
          'server.port': server.port,
          'flip.upstream': ctx.upstream,
          // countAttempt (above) has counted this attempt: the first one resends nothing.
          'http.request.resend_count': Math.max(0, state.attempts - 1),
        },
      },
      parent,
    );
    const traceHeaders: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), traceHeaders);
    try {
      const answer = await next({ ...call, traceHeaders });
      if (answer.kind === 'response') {
        span.setAttribute('http.response.status_code', answer.status);
        if (answer.status >= 400) {
          span.setAttribute('error.type', String(answer.status));
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
      } else {
        span.setAttribute('error.type', answer.failure.kind);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return answer;
    } catch (e) {
      span.setAttribute('error.type', 'cancelled');
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw e;
    } finally {
      span.end();
    }
  };
}
