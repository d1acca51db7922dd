import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import type { Config } from '../config.js';
import { ioContext } from '../trace-context.js';
import { coalesce, createCoalescer } from './coalesce.js';
import { checkFor } from './compiled-schema.js';
import {
  type Call,
  type Dispatch,
  isSuccess,
  type RequestSpec,
  type Runtime,
  type Send,
  type Success,
} from './dispatch.js';
import { type CallContext, malformedError, type UpstreamName } from './errors.js';
import { MalformedJson } from './json-items.js';
import { createLimiter, limit } from './limiter.js';
import { type BodySink, MalformedItem } from './list-stream.js';
import { type AuthProvider, refreshOn401 } from './refresh-on-401.js';
import { countAttempt, report } from './report.js';
import { retry } from './retry.js';
import { traceAttempt } from './trace.js';
import { exchange } from './transport.js';
import { USER_AGENT } from './user-agent.js';

/**
 * One upstream's HTTP client: an undici Pool (keep-alive, bounded connections), per-attempt
 * deadlines, the retry policy, coalescing of identical reads and the in-flight bound, each a
 * layer around the next (dispatch.ts), composed once in createHttpClient.
 * Every call ends in a parsed result or a ServiceError, and is reported once via onUpstreamCall.
 */

export type HttpSettings = Config['http'];
export type { AuthProvider } from './refresh-on-401.js';
export type { RequestSpec, Runtime } from './dispatch.js';

export interface HttpClient {
  request<W, R>(spec: RequestSpec<W, R>): Promise<R>;
  close(): Promise<void>;
}

/** What goes on the wire (the generic parts of a spec are not needed to send it). */
type Outgoing = Pick<RequestSpec<unknown, unknown>, 'method' | 'path' | 'query' | 'json' | 'form'>;

/** A caller's request id goes into a header: printable ASCII only, bounded, or a fresh one. */
function usableRequestId(id: string | undefined): string | undefined {
  return id !== undefined && /^[\x21-\x7e]{1,200}$/.test(id) ? id : undefined;
}

/** Encodes one path segment; `.`/`..` too, so an id can never climb the path. */
export function segment(id: string): string {
  const encoded = encodeURIComponent(id);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}

function serverOf(base: URL): { address: string; port: number } {
  return { address: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)) };
}

export function createHttpClient(options: {
  upstream: UpstreamName;
  baseUrl: string;
  http: HttpSettings;
  runtime: Runtime;
  auth?: AuthProvider;
}): HttpClient {
  const { upstream, http, runtime, auth } = options;
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    connections: http.maxConnections,
    connect: { timeout: http.connectTimeoutMs },
    headersTimeout: http.headersTimeoutMs,
    bodyTimeout: http.bodyTimeoutMs,
  });

  function pathOf(spec: Outgoing): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return `${basePath}${spec.path}${qs ? `?${qs}` : ''}`;
  }

  function bodyOf(spec: Outgoing): string | undefined {
    if (spec.form) return new URLSearchParams(spec.form).toString();
    return spec.json === undefined ? undefined : JSON.stringify(spec.json);
  }

  function headersOf(spec: Outgoing, call: Call) {
    const headers: Record<string, string> = {
      ...call.traceHeaders,
      accept: 'application/json',
      'user-agent': USER_AGENT,
      'x-request-id': call.ctx.requestId,
    };
    if (spec.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    else if (spec.json !== undefined) headers['content-type'] = 'application/json';
    if (call.authorization) headers.authorization = call.authorization;
    return headers;
  }

  /** One exchange on the pool; a 2xx body with `spec.stream` goes to a fresh sink as it arrives. */
  const send: Send = async (call) => {
    const { spec } = call;
    let sink: BodySink<unknown> | undefined;
    const consumeBody = spec.stream
      ? (status: number) => {
          if (!isSuccess(status)) return undefined;
          const opened = (sink = spec.stream!());
          return (chunk: Buffer) => opened.write(chunk);
        }
      : undefined;
    const request = {
      method: spec.method,
      path: pathOf(spec),
      headers: headersOf(spec, call),
      body: bodyOf(spec),
    };
    const answer = await exchange(pool, request, http, call.signal, consumeBody);
    return sink ? { ...answer, sink } : answer;
  };

  /** The 2xx answer `retry` settled on, read: its sink's value or its text checked by `schema`. */
  const readBody =
    (next: (call: Call) => Promise<Success>): Dispatch =>
    async (call) => {
      const answer = await next(call);
      return { wire: parseSuccess(call.spec, answer, call.ctx), bytes: call.state.bytes };
    };

  // The layers, outermost first (`dispatch` wraps `attempt`, what retry repeats). The order is
  // the behaviour:
  // - coalesce: callers of an identical read share everything below it: one upstream call, one
  //   set of retries, one report (with the first caller's request id); each keeps its own
  //   signal, and its own `map` and onResponseBytes (in `request`).
  // - report: once per upstream call, after all its attempts, with the final status, every
  //   attempt and byte counted, and the error code of a failure, a malformed 2xx included.
  // - readBody: a 2xx that cannot be read is final; it is never retried.
  // - retry: our policy, not undici's: a write that may have reached Flip is never repeated.
  //   Its back-off waits above `limit`, so a call waiting to retry holds no in-flight slot.
  // - refreshOn401 (with credentials): the header per attempt, and one immediate repeat after a
  //   401 for any method, which retryMaxAttempts does not count; a token fetch holds no slot.
  // - countAttempt: every request, the 401 repeat included, counted before it waits for a slot.
  // - limit: the in-flight slot is held for one exchange, until its last byte has arrived (a
  //   streamed list is parsed meanwhile; any other body after the slot is released).
  const withCredentials = auth ? refreshOn401(auth) : (next: Send) => next;
  const coalesceReads =
    runtime.coalesces === false
      ? (next: Dispatch) => next
      : coalesce(createCoalescer(), (spec) => `${spec.method} ${pathOf(spec)} ${bodyOf(spec) ?? ''}`, http);
  // - traceAttempt (with a tracer): one span per exchange, its traceparent in the headers.
  const traced = runtime.tracer ? traceAttempt(runtime.tracer, serverOf(base))(send) : send;
  const attempt: Send = withCredentials(countAttempt(limit(createLimiter(http.maxInFlight))(traced)));
  const dispatch: Dispatch = coalesceReads(report(runtime)(readBody(retry(http, runtime)(attempt))));

  function parseSuccess(spec: RequestSpec<unknown, unknown>, answer: Success, ctx: CallContext): unknown {
    if (answer.sink) return endSink(answer.sink, ctx);
    if (!spec.schema) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw malformedError(ctx, 'not JSON', { wasSuccess: true });
    }
    const checked = checkFor(spec.schema)(json);
    if (checked.ok) return checked.value;
    throw malformedError(ctx, `unexpected shape at ${checked.path || 'the top level'}`, { wasSuccess: true });
  }

  function endSink(sink: BodySink<unknown>, ctx: CallContext): unknown {
    try {
      return sink.end();
    } catch (e) {
      const detail =
        e instanceof MalformedItem || e instanceof MalformedJson ? e.message : 'a value could not be mapped';
      throw malformedError(ctx, detail, { wasSuccess: true });
    }
  }

  return {
    async request<W, R>(spec: RequestSpec<W, R>): Promise<R> {
      const requestId = usableRequestId(spec.opts?.requestId) ?? randomUUID();
      const ctx: CallContext = {
        upstream,
        method: spec.method,
        endpoint: spec.endpoint,
        safety: spec.safety,
        requestId,
      };
      const state = { startedMs: runtime.now(), attempts: 0, bytes: 0, status: 0 };
      const call: Call = {
        spec: spec as RequestSpec<unknown, unknown>,
        ctx,
        signal: spec.opts?.signal,
        state,
        // Taken now, in the caller's own step: a resolver that made the call gets its span.
        traceParent: runtime.tracer ? ioContext() : undefined,
      };
      const received = await dispatch(call);
      spec.opts?.onResponseBytes?.(received.bytes);
      try {
        // The layers below checked the body against this spec's schema (or its stream's items).
        return spec.map(received.wire as W);
      } catch (e) {
        const detail = e instanceof MalformedItem ? e.message : 'a value could not be mapped';
        throw malformedError(ctx, detail, { wasSuccess: true });
      }
    },
    close: () => pool.close(),
  };
}
