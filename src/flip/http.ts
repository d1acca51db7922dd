import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import type { z } from 'zod';
import type { Config } from '../config.js';
import { errorCodeOf, isServiceError, type ServiceError } from '../errors.js';
import { createCoalescer } from './coalesce.js';
import { checkFor } from './compiled-schema.js';
import { MalformedJson } from './json-items.js';
import {
  type CallContext,
  malformedError,
  type Safety,
  statusError,
  statusMayHaveApplied,
  type TransportFailure,
  transportError,
  type UpstreamName,
} from './errors.js';
import { createLimiter } from './limiter.js';
import { type BodySink, MalformedItem } from './list-stream.js';
import type { CallOptions, UpstreamCallReport } from './records.js';
import { isRetryableStatus, isRetryableTransport, nextRetryDelayMs, retryAfterMs } from './retry.js';
import { type BodyConsumer, type Exchange, exchange } from './transport.js';
import { USER_AGENT } from './user-agent.js';

/**
 * One upstream's HTTP client: an undici Pool (keep-alive, bounded connections), per-attempt
 * deadlines, the retry policy, coalescing of identical reads and the in-flight bound.
 * Every call ends in a parsed result or a ServiceError, and is reported once via onUpstreamCall.
 */

export type HttpSettings = Config['http'];

/** Supplies the Authorization header; lets the client retry once after a 401 with a fresh one. */
export interface AuthProvider {
  authorization(opts: { requestId: string; signal?: AbortSignal }): Promise<string | undefined>;
  /** Called with the header a 401 answered; true when a fresh credential is worth one retry. */
  shouldRetryAfter401(sent: string | undefined): boolean;
}

export interface Runtime {
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  onUpstreamCall?: (report: UpstreamCallReport) => void;
  /** false: identical concurrent reads each go upstream (the benchmark's naive baseline). */
  coalesces?: boolean;
}

export interface RequestSpec<W, R> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Route template for reports and messages, e.g. `/v1/enrollments/{id}`. */
  endpoint: string;
  /** Concrete path below the base URL, ids already encoded (see `segment`). */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  safety: Safety;
  /** Share one upstream request among identical concurrent calls (reads only). */
  coalesce?: boolean;
  /** Validates a 2xx body (compiled with Ajv: compiled-schema.ts); absent = the body is ignored (DELETE). */
  schema?: z.ZodType<W>;
  /**
   * Reads a 2xx body while it arrives instead of `schema` (long lists: streamedList); a fresh
   * sink per attempt. Its value is shared by coalesced callers, so it must never be mutated.
   */
  stream?: () => BodySink<W>;
  /** Wire -> record, run per caller so coalesced callers never share mutable records. */
  map: (wire: W) => R;
  opts?: CallOptions;
}

export interface HttpClient {
  request<W, R>(spec: RequestSpec<W, R>): Promise<R>;
  close(): Promise<void>;
}

interface CallState {
  startedMs: number;
  /** Attempts that count against retryMaxAttempts (the 401 token refresh does not). */
  tries: number;
  attempts: number;
  bytes: number;
  status: number;
  refreshedAuth?: boolean;
  /** A write attempt ended without an answer (or with a 504): it may have been applied. */
  mayHaveApplied?: boolean;
}

/** What goes on the wire (the generic parts of a spec are not needed to send it). */
type Outgoing = Pick<RequestSpec<unknown, unknown>, 'method' | 'path' | 'query' | 'json' | 'form'>;

/** A caller's request id goes into a header: printable ASCII only, bounded, or a fresh one. */
function usableRequestId(id: string | undefined): string | undefined {
  return id !== undefined && /^[\x21-\x7e]{1,200}$/.test(id) ? id : undefined;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Encodes one path segment; `.`/`..` too, so an id can never climb the path. */
export function segment(id: string): string {
  const encoded = encodeURIComponent(id);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
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
  const limiter = createLimiter(http.maxInFlight);
  const coalescer = createCoalescer();

  async function attempt(
    spec: Outgoing,
    headers: Record<string, string>,
    signal?: AbortSignal,
    consumeBody?: BodyConsumer,
  ) {
    const release = await limiter.acquire(signal);
    try {
      return await exchange(
        pool,
        { method: spec.method, path: pathOf(spec), headers, body: bodyOf(spec) },
        http,
        signal,
        consumeBody,
      );
    } finally {
      release();
    }
  }

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

  function headersOf(spec: Outgoing, requestId: string, authorization?: string) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
      'x-request-id': requestId,
    };
    if (spec.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    else if (spec.json !== undefined) headers['content-type'] = 'application/json';
    if (authorization) headers.authorization = authorization;
    return headers;
  }

  function parseSuccess<W>(
    spec: RequestSpec<W, unknown>,
    text: string,
    ctx: CallContext,
    sink: BodySink<W> | undefined,
  ): W {
    if (sink) return endSink(sink, ctx);
    if (!spec.schema) return undefined as W;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw malformedError(ctx, 'not JSON', { wasSuccess: true });
    }
    const checked = checkFor(spec.schema)(json);
    if (checked.ok) return checked.value;
    throw malformedError(ctx, `unexpected shape at ${checked.path || 'the top level'}`, { wasSuccess: true });
  }

  function endSink<W>(sink: BodySink<W>, ctx: CallContext): W {
    try {
      return sink.end();
    } catch (e) {
      const detail =
        e instanceof MalformedItem || e instanceof MalformedJson ? e.message : 'a value could not be mapped';
      throw malformedError(ctx, detail, { wasSuccess: true });
    }
  }

  /** Attempts until success or a final error; reports the call once. Throws ServiceError. */
  async function send<W>(
    spec: RequestSpec<W, unknown>,
    ctx: CallContext,
    signal?: AbortSignal,
  ): Promise<{ wire: W; bytes: number }> {
    const state: CallState = { startedMs: runtime.now(), tries: 0, attempts: 0, bytes: 0, status: 0 };
    let errorCode: string | undefined;
    try {
      for (;;) {
        const authorization = await auth?.authorization({ requestId: ctx.requestId, signal });
        state.attempts++;
        state.tries++;
        let sink: BodySink<W> | undefined;
        const consumeBody = spec.stream
          ? (status: number) => {
              if (!isSuccess(status)) return undefined;
              const opened = (sink = spec.stream!());
              return (chunk: Buffer) => opened.write(chunk);
            }
          : undefined;
        const a = await attempt(spec, headersOf(spec, ctx.requestId, authorization), signal, consumeBody);
        state.bytes += a.bytes;
        state.status = a.kind === 'response' ? a.status : 0;
        const next =
          a.kind === 'response'
            ? afterResponse(spec, a, state, ctx, authorization, sink)
            : afterTransport(a, state, ctx);
        if ('value' in next) return { wire: next.value, bytes: state.bytes };
        if (next.delayMs !== undefined) await runtime.sleep(next.delayMs, signal);
      }
    } catch (e) {
      const error = asServiceError(e, ctx, state.mayHaveApplied ?? false);
      errorCode = errorCodeOf(error);
      throw error;
    } finally {
      emit({ ...ctx, ...state, durationMs: runtime.now() - state.startedMs, errorCode });
    }
  }

  /** Success, a retry (after delayMs; none = at once), or throws the final error. */
  function afterResponse<W>(
    spec: RequestSpec<W, unknown>,
    a: Extract<Exchange, { kind: 'response' }>,
    state: CallState,
    ctx: CallContext,
    authorization: string | undefined,
    sink: BodySink<W> | undefined,
  ): { value: W } | { delayMs?: number } {
    if (isSuccess(a.status)) return { value: parseSuccess(spec, a.text, ctx, sink) };
    // A 401 means the request was not applied, so one retry is safe even for a POST.
    if (a.status === 401 && !state.refreshedAuth && auth?.shouldRetryAfter401(authorization)) {
      state.refreshedAuth = true;
      state.tries--;
      return {};
    }
    if (statusMayHaveApplied(a.status)) state.mayHaveApplied = true;
    const afterMs = retryAfterMs(a.headers['retry-after'], runtime.now());
    const delayMs = isRetryableStatus(a.status, ctx.upstream, ctx.safety)
      ? delayFor(state, afterMs)
      : undefined;
    if (delayMs !== undefined) return { delayMs };
    const retryAfterS = Math.max(1, Math.ceil((afterMs ?? http.retryBaseDelayMs * 2 ** state.tries) / 1000));
    throw statusError(a.status, a.text, ctx, { retryAfterS, mayHaveApplied: state.mayHaveApplied ?? false });
  }

  function afterTransport(
    a: Extract<Exchange, { kind: 'transport' }>,
    state: CallState,
    ctx: CallContext,
  ): { delayMs: number } {
    if (a.failure.mayHaveReachedUpstream) state.mayHaveApplied = true;
    const delayMs = isRetryableTransport(a.failure, ctx.safety) ? delayFor(state) : undefined;
    if (delayMs !== undefined) return { delayMs };
    throw transportError(a.failure, ctx, http, { mayHaveApplied: state.mayHaveApplied ?? false });
  }

  function delayFor(state: CallState, afterMs?: number): number | undefined {
    const elapsedMs = runtime.now() - state.startedMs;
    return nextRetryDelayMs(http, { tries: state.tries, elapsedMs, retryAfterMs: afterMs }, runtime.random);
  }

  /** Anything not yet a ServiceError here is the caller's signal aborting a wait. */
  function asServiceError(e: unknown, ctx: CallContext, mayHaveApplied: boolean): ServiceError {
    if (isServiceError(e)) return e;
    const failure: TransportFailure = { kind: 'cancelled', mayHaveReachedUpstream: true, retryable: false };
    return transportError(failure, ctx, http, { mayHaveApplied });
  }

  function emit(r: CallContext & Omit<UpstreamCallReport, 'upstream' | 'method' | 'endpoint' | 'requestId'>) {
    const { upstream: u, method, endpoint, status, durationMs, attempts, bytes, requestId, errorCode } = r;
    const report: UpstreamCallReport = {
      upstream: u,
      method,
      endpoint,
      status,
      durationMs,
      attempts,
      bytes,
      requestId,
    };
    if (errorCode !== undefined) report.errorCode = errorCode;
    try {
      runtime.onUpstreamCall?.(report);
    } catch {
      // An observer's failure must never fail the call it observes.
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
      const signal = spec.opts?.signal;
      let received: { wire: W; bytes: number };
      if (spec.coalesce && spec.safety === 'read' && runtime.coalesces !== false) {
        const key = `${spec.method} ${pathOf(spec)} ${bodyOf(spec) ?? ''}`;
        const shared = coalescer.run(key, (sharedSignal) => send(spec, ctx, sharedSignal), signal);
        received = await shared.catch((e: unknown) => {
          throw asServiceError(e, ctx, false);
        });
      } else {
        received = await send(spec, ctx, signal);
      }
      spec.opts?.onResponseBytes?.(received.bytes);
      try {
        return spec.map(received.wire);
      } catch (e) {
        const detail = e instanceof MalformedItem ? e.message : 'a value could not be mapped';
        throw malformedError(ctx, detail, { wasSuccess: true });
      }
    },
    close: () => pool.close(),
  };
}
