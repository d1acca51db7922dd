import { isServiceError, ServiceError } from '../../errors.js';
import type { CreateEventInput, EventRecord } from '../../flip/index.js';
import { invalidateShared, type WriteRecord } from '../audit.js';
import type { DispatchRequest, WriteCall, WriteDeps } from '../types.js';
import { asInputError, Violations } from '../violations.js';
import { type DispatchKey, type DispatchRecord, dispatchKeyOf, fingerprintOf } from './idempotency.js';
import { checkIdempotencyKey, toCreateEventInput, validateDispatch } from './plan.js';
import { findDispatchedEvent } from './recovery.js';

const SUMMARY = 'The event was not dispatched';

/**
 * dispatchEvent: validate, claim the idempotency key, POST /v1/events at most once per key.
 * - a key already used with the same input answers from its record (no validation, no POST);
 * - with another input: CONFLICT; while the first attempt is in flight: CONFLICT;
 * - a POST whose answer never came is looked for (recovery.ts), never re-sent;
 * - a POST that definitely failed frees the key and its error is returned.
 */
export async function dispatch(
  deps: WriteDeps,
  call: WriteCall,
  input: DispatchRequest,
  idempotencyKey: string,
  audit: WriteRecord,
): Promise<EventRecord> {
  const keyViolations = new Violations();
  checkIdempotencyKey(keyViolations, idempotencyKey);
  // A bad key is reported together with every other violation of the input.
  if (!keyViolations.isEmpty)
    await validateDispatch(deps, call, input, { summary: SUMMARY, violations: keyViolations });

  const key = dispatchKeyOf(deps, call, idempotencyKey);
  const requested = toCreateEventInput(input);
  const fingerprint = fingerprintOf(requested);
  const existing = await key.read();
  if (existing) return resume(deps, call, key, existing, { fingerprint, input: requested, audit });

  const validated = await validateDispatch(deps, call, input, { summary: SUMMARY });
  return sendOnce(deps, call, key, { fingerprint, input: validated, audit });
}

interface Attempt {
  fingerprint: string;
  input: CreateEventInput;
  audit: WriteRecord;
}

async function sendOnce(
  deps: WriteDeps,
  call: WriteCall,
  key: DispatchKey,
  attempt: Attempt,
): Promise<EventRecord> {
  // Wall clock, not call.now: it is compared with the created_at of Flip's clock.
  const attemptStartedAtMs = clockOf(deps)();
  if (!(await key.claim(attempt.fingerprint, attemptStartedAtMs))) {
    const holder = await key.read();
    if (holder) return resume(deps, call, key, holder, attempt);
    throw inProgress();
  }
  const pending: DispatchRecord = { fingerprint: attempt.fingerprint, state: 'pending', attemptStartedAtMs };
  let event: EventRecord;
  try {
    event = await deps.clients.utility.createEvent(attempt.input, { requestId: call.requestId });
  } catch (error) {
    if (isServiceError(error) && error.code === 'UPSTREAM_OUTCOME_UNKNOWN') {
      return recover(deps, call, key, pending, attempt);
    }
    await key.release();
    throw asInputError(error, 'input');
  }
  await saveQuietly(key, { ...pending, state: 'done', event });
  return dispatched(deps, call, event, attempt.audit);
}

async function resume(
  deps: WriteDeps,
  call: WriteCall,
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
  if (record.state === 'pending' && !isStale(deps, record)) throw inProgress();
  // `unknown`, or `pending` left by a process that died mid-POST: look again, never re-send.
  return recover(deps, call, key, record, attempt);
}

async function recover(
  deps: WriteDeps,
  call: WriteCall,
  key: DispatchKey,
  record: DispatchRecord,
  attempt: Attempt,
): Promise<EventRecord> {
  let found: EventRecord | null = null;
  try {
    found = await findDispatchedEvent(call, attempt.input, record.attemptStartedAtMs);
  } catch {
    // The lookup failed: the outcome stays unknown, and so does the answer.
  }
  await invalidateShared(deps, [attempt.input.programId], ['events']);
  if (!found) {
    await key.save({ ...record, state: 'unknown' });
    throw outcomeUnknown(call);
  }
  attempt.audit.detail = { ...attempt.audit.detail, recovered: true };
  await saveQuietly(key, { ...record, state: 'done', event: found });
  return dispatched(deps, call, found, attempt.audit);
}

async function dispatched(
  deps: WriteDeps,
  call: WriteCall,
  event: EventRecord,
  audit: WriteRecord,
): Promise<EventRecord> {
  audit.detail = { ...audit.detail, eventId: event.id };
  call.loaders.invalidateEvents();
  await invalidateShared(deps, [event.programId], ['events']);
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
function isStale(deps: WriteDeps, record: DispatchRecord): boolean {
  const http = deps.config.http;
  const maxAttemptMs = 2 * (http.connectTimeoutMs + http.headersTimeoutMs + http.bodyTimeoutMs);
  return clockOf(deps)() - record.attemptStartedAtMs > maxAttemptMs;
}

function inProgress(): ServiceError {
  return new ServiceError(
    'CONFLICT',
    'A dispatch with this idempotencyKey is in progress; wait for it and retry with the same key.',
  );
}

function outcomeUnknown(call: WriteCall): ServiceError {
  return new ServiceError(
    'UPSTREAM_OUTCOME_UNKNOWN',
    "The dispatch's answer from Flip never came and no matching event is listed (yet); it was not sent " +
      'again. Retrying with the same idempotencyKey looks again and never re-sends; check the events ' +
      'before dispatching with a new key.',
    { requestId: call.requestId },
  );
}

function clockOf(deps: WriteDeps): () => number {
  return deps.clock ?? Date.now;
}
