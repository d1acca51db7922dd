import { type ErrorCode, ServiceError } from '../errors.js';
import { readErrorBody } from './error-body.js';

/**
 * The one table from an upstream failure (HTTP status or transport failure) to an ErrorCode and
 * whether it is worth retrying. No other file looks at an HTTP status (STYLE.md section 5).
 * Messages name the upstream and the route template, never a body, header, token or key.
 */

export type UpstreamName = 'utility' | 'cloud' | 'oauth';

/**
 * How a request may be repeated:
 * - `read`: no effect upstream (GET, and the telemetry queries sent as POST): retried, coalesced;
 * - `idempotent-write`: repeating it leaves the same state (PATCH with absolute values): retried,
 *   but a lost response means the outcome is unknown;
 * - `write`: POST/DELETE: never repeated once it may have reached Flip.
 */
export type Safety = 'read' | 'idempotent-write' | 'write';

export const UPSTREAM_LABELS: Record<UpstreamName, string> = {
  utility: 'Flip Utility API',
  cloud: 'Flip Cloud API',
  oauth: 'Flip OAuth token endpoint',
};

export interface CallContext {
  upstream: UpstreamName;
  method: string;
  /** Route template, e.g. `/v1/enrollments/{id}`. */
  endpoint: string;
  safety: Safety;
  requestId: string;
}

export interface StatusRule {
  code: ErrorCode;
  retryable: boolean;
}

/** Status -> code. 408/429/502/503/504 are transient; every other status is an answer. */
export function classifyStatus(status: number, upstream: UpstreamName): StatusRule {
  // The token endpoint answers 400 invalid_client / 401 for bad client credentials (RFC 6749 5.2):
  // our configuration is wrong, not the caller's input.
  if (upstream === 'oauth' && status >= 400 && status < 500 && status !== 429 && status !== 408) {
    return { code: 'UPSTREAM_AUTH_FAILED', retryable: false };
  }
  switch (status) {
    case 400:
    case 413:
    case 422:
      return { code: 'BAD_USER_INPUT', retryable: false };
    case 401:
    case 403:
      return { code: 'UPSTREAM_AUTH_FAILED', retryable: false };
    case 404:
    case 410:
      return { code: 'NOT_FOUND', retryable: false };
    case 409:
      return { code: 'CONFLICT', retryable: false };
    case 429:
      return { code: 'RATE_LIMITED', retryable: true };
    case 408:
    case 502:
    case 503:
    case 504:
      return { code: 'UPSTREAM_UNAVAILABLE', retryable: true };
    default:
      // Other 5xx, 3xx (we never follow redirects) and 4xx we do not expect (405, 415...):
      // Flip cannot serve this request as sent, and repeating it will not help.
      return { code: 'UPSTREAM_UNAVAILABLE', retryable: false };
  }
}

/**
 * A 504 comes from a gateway that gave up waiting for Flip: Flip may still have applied the write.
 * Any other status is Flip's own answer that the request failed.
 */
export function statusMayHaveApplied(status: number): boolean {
  return status === 504;
}

export type TransportKind =
  | 'refused'
  | 'dns'
  | 'connect-timeout'
  | 'queue-timeout'
  | 'headers-timeout'
  | 'body-timeout'
  | 'reset'
  | 'cancelled'
  | 'other';

export interface TransportFailure {
  kind: TransportKind;
  /** False only when the failure proves the request never left this process. */
  mayHaveReachedUpstream: boolean;
  /** Worth another attempt for a read or an idempotent write. */
  retryable: boolean;
}

interface TransportRule {
  kind: TransportKind;
  mayHaveReachedUpstream: boolean;
}

/** Node / undici error codes -> transport failure. Unlisted codes are `other` (maybe sent). */
const TRANSPORT_CODES: Record<string, TransportRule> = {
  // Connection-phase failures: no socket was ever connected, so nothing was sent.
  ECONNREFUSED: { kind: 'refused', mayHaveReachedUpstream: false },
  ENOTFOUND: { kind: 'dns', mayHaveReachedUpstream: false },
  EAI_AGAIN: { kind: 'dns', mayHaveReachedUpstream: false },
  EHOSTUNREACH: { kind: 'refused', mayHaveReachedUpstream: false },
  ENETUNREACH: { kind: 'refused', mayHaveReachedUpstream: false },
  UND_ERR_CONNECT_TIMEOUT: { kind: 'connect-timeout', mayHaveReachedUpstream: false },
  // After the request was written, or possibly written.
  UND_ERR_HEADERS_TIMEOUT: { kind: 'headers-timeout', mayHaveReachedUpstream: true },
  UND_ERR_BODY_TIMEOUT: { kind: 'body-timeout', mayHaveReachedUpstream: true },
  ECONNRESET: { kind: 'reset', mayHaveReachedUpstream: true },
  EPIPE: { kind: 'reset', mayHaveReachedUpstream: true },
  ETIMEDOUT: { kind: 'reset', mayHaveReachedUpstream: true },
  UND_ERR_SOCKET: { kind: 'reset', mayHaveReachedUpstream: true },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { kind: 'reset', mayHaveReachedUpstream: true },
};

/**
 * Classifies a transport error from undici. `sent` is false while the request was still queued
 * for a socket: then nothing can have reached the upstream, whatever the error says.
 */
export function classifyTransport(err: unknown, state: { sent: boolean }): TransportFailure {
  const rule = TRANSPORT_CODES[nodeErrorCode(err) ?? ''] ?? { kind: 'other', mayHaveReachedUpstream: true };
  return { ...rule, mayHaveReachedUpstream: rule.mayHaveReachedUpstream && state.sent, retryable: true };
}

function nodeErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Happy-eyeballs connects throw an AggregateError of per-address errors.
  const inner =
    (err as { errors?: unknown[]; cause?: unknown }).errors?.[0] ?? (err as { cause?: unknown }).cause;
  return inner === undefined ? undefined : nodeErrorCode(inner);
}

export interface Timeouts {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

function where(ctx: CallContext): string {
  return `${ctx.method} ${ctx.endpoint}`;
}

function transportPhrase(f: TransportFailure, label: string, t: Timeouts): string {
  switch (f.kind) {
    case 'refused':
      return `${label} refused the connection`;
    case 'dns':
      return `${label} host name could not be resolved`;
    case 'connect-timeout':
      return `could not connect to ${label} within ${t.connectTimeoutMs} ms`;
    case 'queue-timeout':
      return `no connection to ${label} became available within ${t.connectTimeoutMs + t.headersTimeoutMs} ms`;
    case 'headers-timeout':
      return `${label} did not answer within ${t.headersTimeoutMs} ms`;
    case 'body-timeout':
      return `${label} did not finish its answer within ${t.bodyTimeoutMs} ms`;
    case 'reset':
      return `${label} closed the connection before answering`;
    case 'cancelled':
      return `the call to ${label} was cancelled`;
    case 'other':
      return `the connection to ${label} failed`;
  }
}

/** A failure without a usable response. Writes that may have reached Flip: OUTCOME_UNKNOWN. */
export function transportError(
  f: TransportFailure,
  ctx: CallContext,
  timeouts: Timeouts,
  opts: { mayHaveApplied: boolean },
): ServiceError {
  const phrase = transportPhrase(f, UPSTREAM_LABELS[ctx.upstream], timeouts);
  if (ctx.safety !== 'read' && opts.mayHaveApplied) return outcomeUnknown(phrase, ctx);
  return new ServiceError('UPSTREAM_UNAVAILABLE', `${capitalize(phrase)} (${where(ctx)}).`, {
    requestId: ctx.requestId,
  });
}

/** A write whose outcome we cannot know: the caller must look before trying again. */
export function outcomeUnknown(phrase: string, ctx: CallContext): ServiceError {
  return new ServiceError(
    'UPSTREAM_OUTCOME_UNKNOWN',
    `${capitalize(phrase)} (${where(ctx)}); the change may or may not have been applied. ` +
      'Check the current state before trying again.',
    { requestId: ctx.requestId },
  );
}

/** A 2xx/error body we could not read. On a write the change was (or may have been) applied. */
export function malformedError(
  ctx: CallContext,
  detail: string,
  opts: { wasSuccess: boolean },
): ServiceError {
  const phrase = `${UPSTREAM_LABELS[ctx.upstream]} sent an unreadable answer: ${detail}`;
  if (ctx.safety !== 'read' && opts.wasSuccess) return outcomeUnknown(phrase, ctx);
  return new ServiceError('UPSTREAM_UNAVAILABLE', `${capitalize(phrase)} (${where(ctx)}).`, {
    requestId: ctx.requestId,
  });
}

/**
 * An error status after retries (or not retryable). `rawBody` is parsed leniently and never
 * echoed: messages are ours, naming Flip's field paths at most; Flip's own validation text is
 * kept as the error's `upstreamDetail`, for the log (issue 18 section 4).
 */
export function statusError(
  status: number,
  rawBody: string,
  ctx: CallContext,
  opts: { retryAfterS?: number; mayHaveApplied: boolean },
): ServiceError {
  const label = UPSTREAM_LABELS[ctx.upstream];
  const rule = classifyStatus(status, ctx.upstream);
  const body = readErrorBody(rawBody);
  const internal = { upstreamDetail: body.text || undefined };
  const details = { requestId: ctx.requestId };
  switch (rule.code) {
    case 'BAD_USER_INPUT': {
      const at = body.fieldPaths.length > 0 ? ` at ${body.fieldPaths.join(', ')}` : '';
      return new ServiceError(
        'BAD_USER_INPUT',
        `${label} refused the input${at} (HTTP ${status}).`,
        { fieldPaths: body.fieldPaths },
        internal,
      );
    }
    case 'NOT_FOUND':
      return new ServiceError('NOT_FOUND', `${label} found nothing at ${where(ctx)}.`);
    case 'CONFLICT':
      return new ServiceError('CONFLICT', `${label} reports a conflict (${where(ctx)}).`, {}, internal);
    case 'RATE_LIMITED':
      return new ServiceError(
        'RATE_LIMITED',
        `${label} is rate limiting requests; try again in ${opts.retryAfterS ?? 1} s.`,
        { retryAfterS: opts.retryAfterS ?? 1 },
      );
    case 'UPSTREAM_AUTH_FAILED':
      return new ServiceError(
        'UPSTREAM_AUTH_FAILED',
        `${label} rejected this service's credentials (HTTP ${status}); an operator must fix the configuration.`,
        details,
      );
    default: {
      const phrase = `${label} answered HTTP ${status}`;
      if (ctx.safety !== 'read' && (opts.mayHaveApplied || statusMayHaveApplied(status))) {
        return outcomeUnknown(phrase, ctx);
      }
      return new ServiceError('UPSTREAM_UNAVAILABLE', `${phrase} (${where(ctx)}).`, details);
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
