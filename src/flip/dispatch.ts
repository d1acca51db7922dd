import type { Context, Tracer } from '@opentelemetry/api';
import type { z } from 'zod';
import { isServiceError, type ServiceError } from '../errors.js';
import {
  type CallContext,
  type Safety,
  type Timeouts,
  type TransportFailure,
  transportError,
} from './errors.js';
import type { BodySink } from './list-stream.js';
import type { CallOptions, UpstreamCallReport } from './records.js';
import type { Exchange } from './transport.js';

/**
 * The vocabulary of the HTTP client's layers (http.ts composes them). As with undici's
 * interceptors, each concern is a function that wraps the next one and calls it:
 *
 *   Send      one attempt, below `retry`: answers what came back (a status or a transport failure);
 *   Dispatch  a whole call, above `retry`: answers the checked 2xx body or throws a ServiceError.
 *
 * One `Call` travels through all of them; its `state` is what the layers of one call share
 * (attempts, bytes, the one 401 repeat, whether a write may have been applied).
 */

export interface Runtime {
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  onUpstreamCall?: (report: UpstreamCallReport) => void;
  /** false: identical concurrent reads each go upstream (the benchmark's naive baseline). */
  coalesces?: boolean;
  /** One span per attempt when set (trace.ts); absent: no tracing work at all. */
  tracer?: Tracer;
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

/** What the layers of one upstream call share (coalesced callers share the first caller's). */
export interface CallState {
  startedMs: number;
  /** Every request sent, the repeat after a 401 included. */
  attempts: number;
  bytes: number;
  /** Of the last attempt; 0 when no answer came. */
  status: number;
  /** The one repeat with a fresh credential after a 401 has been used. */
  refreshedAuth?: boolean;
  /** A write attempt ended without an answer (or with a 504): it may have been applied. */
  mayHaveApplied?: boolean;
}

export interface Call {
  spec: RequestSpec<unknown, unknown>;
  ctx: CallContext;
  signal?: AbortSignal;
  state: CallState;
  /** The Authorization header of this attempt (refreshOn401 sets it). */
  authorization?: string;
  /** Traced: the context the call was made in (its spans' parent), taken when it was made. */
  traceParent?: Context;
  /** W3C trace context headers of this attempt (traceAttempt sets them when tracing is on). */
  traceHeaders?: Record<string, string>;
}

/** What one attempt came to; a 2xx read with `spec.stream` carries the sink that read it. */
export type Answer = Exchange & { sink?: BodySink<unknown> };
/** A 2xx answer: what `retry` settles on when it does not throw. */
export type Success = Extract<Answer, { kind: 'response' }>;

export type Send = (call: Call) => Promise<Answer>;

export const isSuccess = (status: number) => status >= 200 && status < 300;

/** The checked body (wire shape, typed by the spec) and the bytes of every attempt. */
export interface Received {
  wire: unknown;
  bytes: number;
}

export type Dispatch = (call: Call) => Promise<Received>;

/**
 * Anything not yet a ServiceError is the caller's signal aborting a wait (for an in-flight
 * slot, a back-off, a token): the call was cancelled.
 */
export function asServiceError(e: unknown, call: Call, timeouts: Timeouts): ServiceError {
  if (isServiceError(e)) return e;
  const failure: TransportFailure = { kind: 'cancelled', mayHaveReachedUpstream: true, retryable: false };
  return transportError(failure, call.ctx, timeouts, { mayHaveApplied: call.state.mayHaveApplied ?? false });
}
