import { performance } from 'node:perf_hooks';
import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  type Span,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import { errorCodeOf, isServiceError } from './errors.js';

/**
 * Resolver spans that exist only when they matter (issue 16): a resolver runs under a *pending*
 * span (a context value), which becomes a real span when I/O started on the resolver's behalf
 * asks for `ioContext()` (a DataLoader batch, an upstream call), or when the resolver's own
 * synchronous code took `slowMs` or more. Fields served from memory leave no span, so a 50-row
 * page is a handful of spans, not one per field.
 *
 * Cheap on purpose, since it runs for every object field of every traced operation: a pending
 * span is one object and one context that copies nothing; a continuation is attached to the
 * resolver's promise only once its span exists; an operation that is not sampled skips it all.
 * Slowness is the synchronous time only: an asynchronous resolver's wall time under load is
 * mostly waiting (for I/O that has its own spans, or for other requests' turns), and timing it
 * put a span on nearly every field.
 */

/** What a traced field knows once, at start-up. */
export interface TracedField {
  tracer: Tracer;
  /** `Type.field`: the span's name. */
  name: string;
  slowMs: number;
  /** Built only when the span is, from what the call passes as `details`. */
  attributes(details: unknown): Attributes;
  /**
   * Asked when a call's own code ran `slowMs` or more without I/O: false leaves it out (the
   * server keeps one such span per field and operation; 50 slow rows say it once).
   */
  claimSlowSpan(operation: unknown): boolean;
}

interface PendingResolver {
  field: TracedField;
  details: unknown;
  parent: Context;
  startedAt: number;
  span?: Span;
  context?: Context;
  /** The resolver returned; `result` is its promise when it returned one. */
  returned?: boolean;
  result?: PromiseLike<unknown>;
}

const PENDING = createContextKey('flip-graphql pending resolver span');

/** The parent's values plus the pending resolver, without copying the parent's map. */
class PendingContext implements Context {
  constructor(
    private readonly parent: Context,
    private readonly pending: PendingResolver,
  ) {}

  getValue(key: symbol): unknown {
    return key === PENDING ? this.pending : this.parent.getValue(key);
  }

  setValue(key: symbol, value: unknown): Context {
    return new PendingContext(this.parent.setValue(key, value), this.pending);
  }

  deleteValue(key: symbol): Context {
    return key === PENDING ? this.parent : new PendingContext(this.parent.deleteValue(key), this.pending);
  }
}

/** The context to start I/O under: the active one, its pending resolver span started first. */
export function ioContext(): Context {
  const active = context.active();
  const pending = active.getValue(PENDING) as PendingResolver | undefined;
  return pending ? materialize(pending) : active;
}

function materialize(pending: PendingResolver): Context {
  if (pending.context) return pending.context;
  // A resolver that returned a value (no promise) is over: nothing can start under it any more.
  if (pending.returned && !pending.result) return pending.parent;
  const span = startSpan(pending);
  // Started after the resolver returned its promise: the span ends when that promise settles.
  if (pending.result) endWith(pending.result, span);
  return pending.context!;
}

function startSpan(pending: PendingResolver): Span {
  const span = pending.field.tracer.startSpan(
    pending.field.name,
    { attributes: pending.field.attributes(pending.details), startTime: pending.startedAt },
    pending.parent,
  );
  pending.span = span;
  pending.context = trace.setSpan(pending.parent, span);
  return span;
}

function endWith(result: PromiseLike<unknown>, span: Span): void {
  result.then(
    () => span.end(),
    (error: unknown) => {
      recordError(span, error);
      span.end();
    },
  );
}

/**
 * Runs `resolve` under a pending span of `field` (see above); a span that exists ends when the
 * resolver settles and records its error (the contract code; see recordError). `operation`
 * identifies the operation (claimSlowSpan); `details` go to field.attributes.
 */
export function runResolver<T>(
  field: TracedField,
  call: { operation: unknown; details: unknown },
  resolve: () => T,
): T {
  const parent = context.active();
  if (!trace.getSpan(parent)?.isRecording()) return resolve();
  const pending: PendingResolver = { field, details: call.details, parent, startedAt: performance.now() };
  let result: T;
  try {
    result = context.with(new PendingContext(parent, pending), resolve);
  } catch (error) {
    pending.returned = true;
    if (pending.span || claimIfSlow(pending, call.operation)) {
      recordError(pending.span!, error);
      pending.span!.end();
    }
    throw error;
  }
  pending.returned = true;
  if (isPromiseLike(result)) pending.result = result;
  if (pending.span || claimIfSlow(pending, call.operation)) {
    if (pending.result) endWith(pending.result, pending.span!);
    else pending.span!.end();
  }
  return result;
}

/** Gives the resolver its span when its synchronous code took slowMs or more (and may have one). */
function claimIfSlow(pending: PendingResolver, operation: unknown): boolean {
  const { field } = pending;
  if (performance.now() - pending.startedAt < field.slowMs || !field.claimSlowSpan(operation)) return false;
  startSpan(pending).setAttribute('flip.resolver.slow', true);
  return true;
}

/** Marks the span failed with the error's contract code; never a stack, never upstream text. */
export function recordError(span: Span, error: unknown): void {
  const code = errorCodeOf(error);
  const message = isServiceError(error) ? error.message : 'Internal server error.';
  span.addEvent('exception', { 'exception.type': code, 'exception.message': message });
  span.setAttribute('graphql.error.code', code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
