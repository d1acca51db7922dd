import { isServiceError, ServiceError } from '../../errors.js';
import type { CreateEventInput, EventRecord } from '../../flip/index.js';
import { invalidateShared, type WriteRecord } from '../audit.js';
import type { GraphQLContext } from '../context.js';
import { asInputError, Violations } from '../violations.js';
import { findDispatchedEvent } from './dispatch-recovery.js';
import { checkIdempotencyKey, toCreateEventInput, validateDispatch } from './dispatch-validation.js';
import type { DispatchEventInput } from './dispatch.inputs.js';
import { type DispatchKey, type DispatchRecord, dispatchKeyOf, fingerprintOf } from './idempotency.js';

const SUMMARY = 'The event was not dispatched';

/**
 * dispatchEvent: validate, claim the idempotency key, POST /v1/events at most once per key.
 * - a key already used with the same input answers from its record (no validation, no POST);
 * - with another input: CONFLICT; while the first attempt is in flight: CONFLICT;
 * - a POST whose answer never came is looked for (dispatch-recovery.ts), never re-sent;
 * - a POST that definitely failed frees the key and its error is returned.
 */
export async function dispatch(
  ctx: GraphQLContext,
  input: DispatchEventInput,
  idempotencyKey: string,
  audit: WriteRecord,
): Promise<EventRecord> {
  const keyViolations = new Violations();
  checkIdempotencyKey(keyViolations, idempotencyKey);
  // A bad key is reported together with every other violation of the input.
  if (!keyViolations.isEmpty)
    await validateDispatch(ctx, input, { summary: SUMMARY, violations: keyViolations });

  const key = dispatchKeyOf(ctx, idempotencyKey);
  const requested = toCreateEventInput(input);
  const fingerprint = fingerprintOf(requested);
  const existing = await key.read();
  if (existing) return resume(ctx, key, existing, { fingerprint, input: requested, audit });

  const validated = await validateDispatch(ctx, input, { summary: SUMMARY });
  return sendOnce(ctx, key, { fingerprint, input: validated, audit });
}

interface Attempt {
  fingerprint: string;
  input: CreateEventInput;
  audit: WriteRecord;
}

async function sendOnce(ctx: GraphQLContext, key: DispatchKey, attempt: Attempt): Promise<EventRecord> {
  // Wall clock, not ctx.now: it is compared with the created_at of Flip's clock.
  const attemptStartedAtMs = Date.now();
  if (!(await key.claim(attempt.fingerprint, attemptStartedAtMs))) {
    const holder = await key.read();
    if (holder) return resume(ctx, key, holder, attempt);
    throw inProgress();
  }
  const pending: DispatchRecord = { fingerprint: attempt.fingerprint, state: 'pending', attemptStartedAtMs };
  let event: EventRecord;
  try {
    event = await ctx.deps.clients.utility.createEvent(attempt.input, { requestId: ctx.requestId });
  } catch (error) {
    if (isServiceError(error) && error.code === 'UPSTREAM_OUTCOME_UNKNOWN') {
      return recover(ctx, key, pending, attempt);
    }
    await key.release();
    throw asInputError(error, 'input');
  }
  await saveQuietly(key, { ...pending, state: 'done', event });
  return dispatched(ctx, event, attempt.audit);
}

async function resume(
  ctx: GraphQLContext,
  key: DispatchKey,
  record: DispatchRecord,
  attempt: Attempt,
): Promise<EventRecord> {
  if (record.fingerprint !== attempt.fingerprint) {
    throw new ServiceError(
      'CONFLICT',
      'This idempotencyKey was already used to dispatch a different event; use a new key for a new event.',
    );
  }
  attempt.audit.detail = { ...attempt.audit.detail, replayed: true };
  if (record.state === 'done' && record.event) {
    attempt.audit.detail.eventId = record.event.id;
    return record.event;
  }
  if (record.state === 'pending' && !isStale(ctx, record)) throw inProgress();
  // `unknown`, or `pending` left by a process that died mid-POST: look again, never re-send.
  return recover(ctx, key, record, attempt);
}

async function recover(
  ctx: GraphQLContext,
  key: DispatchKey,
  record: DispatchRecord,
  attempt: Attempt,
): Promise<EventRecord> {
  let found: EventRecord | null = null;
  try {
    found = await findDispatchedEvent(ctx, attempt.input, record.attemptStartedAtMs);
  } catch {
    // The lookup failed: the outcome stays unknown, and so does the answer.
  }
  await invalidateShared(ctx, [attempt.input.programId], ['events']);
  if (!found) {
    await key.save({ ...record, state: 'unknown' });
    throw outcomeUnknown(ctx);
  }
  attempt.audit.detail = { ...attempt.audit.detail, recovered: true };
  await saveQuietly(key, { ...record, state: 'done', event: found });
  return dispatched(ctx, found, attempt.audit);
}

async function dispatched(ctx: GraphQLContext, event: EventRecord, audit: WriteRecord): Promise<EventRecord> {
  audit.detail = { ...audit.detail, eventId: event.id };
  ctx.loaders.invalidateEvents();
  await invalidateShared(ctx, [event.programId], ['events']);
  return event;
}

/** Once Flip created the event, a failing store must not turn success into an error. */
async function saveQuietly(key: DispatchKey, record: DispatchRecord): Promise<void> {
  try {
    await key.save(record);
  } catch {
    // The key stays `pending`; once stale, a retry finds the event by lookup (never re-sends).
  }
}

/**
 * A `pending` record older than any POST can take (every timeout of one attempt, twice) was left
 * by a process that stopped mid-dispatch.
 */
function isStale(ctx: GraphQLContext, record: DispatchRecord): boolean {
  const http = ctx.deps.config.http;
  const maxAttemptMs = 2 * (http.connectTimeoutMs + http.headersTimeoutMs + http.bodyTimeoutMs);
  return Date.now() - record.attemptStartedAtMs > maxAttemptMs;
}

function inProgress(): ServiceError {
  return new ServiceError(
    'CONFLICT',
    'A dispatch with this idempotencyKey is in progress; wait for it and retry with the same key.',
  );
}

function outcomeUnknown(ctx: GraphQLContext): ServiceError {
  return new ServiceError(
    'UPSTREAM_OUTCOME_UNKNOWN',
    "The dispatch's answer from Flip never came and no matching event is listed (yet); it was not sent " +
      'again. Retrying with the same idempotencyKey looks again and never re-sends; check the events ' +
      'before dispatching with a new key.',
    { requestId: ctx.requestId },
  );
}
