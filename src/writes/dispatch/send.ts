import { isServiceError, ServiceError } from '../../errors.js';
import type { CreateEventInput, EventRecord } from '../../flip/index.js';
import { invalidateShared, type WriteRecord } from '../audit.js';
import type { DispatchRequest, WriteCall, WriteDeps } from '../types.js';
import { asInputError, Violations } from '../violations.js';
import { type DispatchKey, type DispatchRecord, dispatchKeyOf, fingerprintOf } from './idempotency.js';
import { checkIdempotencyKey, toCreateEventInput, validateDispatch } from './plan.js';
import { findOwnEvent, matchingIds } from './recovery.js';

const SUMMARY = 'The event was not dispatched';

/**
 * dispatchEvent: validate, claim the idempotency key, POST /v1/events at most once per key.
 * - a key already used with the same input answers from its record (no validation, no POST);
 * - with another input: CONFLICT; while the first attempt is in flight: CONFLICT;
 * - a POST whose answer never came is looked for (recovery.ts), never re-sent;
 * - a POST that definitely failed frees the key and its error is returned;
 * - once the POST may have left, no failure (store, lookup, our own) is reported as anything but
 *   the event or UPSTREAM_OUTCOME_UNKNOWN (issue 13).
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
  await refuseAfterUnknownAttempt(deps, call, idempotencyKey, audit);

  const validated = await validateDispatch(deps, call, input, { summary: SUMMARY });
  return sendOnce(deps, call, key, { fingerprint, input: validated, audit });
}

/**
 * No idempotency record, but the audit trail holds an attempt with this caller and key whose
 * outcome is unknown: its record was lost (kept in memory by a process that stopped, issue 19),
 * and its POST may have created the event. Sending again could dispatch it twice: refused, with
 * CONFLICT while that attempt could still be running, then UPSTREAM_OUTCOME_UNKNOWN. A trail
 * that cannot be read changes nothing (the write was audited, or AUDIT_REQUIRED=false).
 */
async function refuseAfterUnknownAttempt(
  deps: WriteDeps,
  call: WriteCall,
  idempotencyKey: string,
  audit: WriteRecord,
): Promise<void> {
  if (!deps.auditStore || audit.auditEntryId === undefined) return;
  let earlier;
  try {
    earlier = await deps.auditStore.unknownDispatch(
      { id: call.caller?.id ?? null, kind: call.caller?.kind ?? null },
      idempotencyKey,
      audit.auditEntryId,
    );
  } catch {
    return;
  }
  if (!earlier) return;
  audit.detail = { ...audit.detail, unknownAttempt: earlier.id };
  if (clockOf(deps)() - earlier.at.getTime() <= maxAttemptMs(deps)) throw inProgress();
  throw new ServiceError(
    'UPSTREAM_OUTCOME_UNKNOWN',
    'An earlier dispatch with this idempotencyKey may have reached Flip (its service stopped before ' +
      'its outcome was known, see auditLog), so the event may exist; it was not sent again. ' +
      'Check the events query for an event of this program with these targets and actions; only ' +
      'dispatch with a new key once you know the event does not exist.',
    { requestId: call.requestId },
  );
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
  const before = await matchingEventIds(deps, call, attempt.input);
  // Wall clock, not call.now: it is compared with the created_at of Flip's clock.
  const pending: DispatchRecord = {
    fingerprint: attempt.fingerprint,
    state: 'pending',
    attemptStartedAtMs: clockOf(deps)(),
    before,
    ...(attempt.audit.auditEntryId === undefined ? {} : { auditEntryId: attempt.audit.auditEntryId }),
  };
  if (!(await key.claim(pending))) {
    const holder = await key.read();
    if (holder) return resume(deps, call, key, holder, attempt);
    throw inProgress();
  }
  try {
    await key.register(attempt.input);
  } catch (error) {
    // Nothing was sent: free the key, and say why (the store's own error).
    await releaseQuietly(key);
    throw error;
  }
  let event: EventRecord;
  try {
    event = await deps.clients.utility.createEvent(attempt.input, { requestId: call.requestId });
  } catch (error) {
    if (isServiceError(error) && error.code === 'UPSTREAM_OUTCOME_UNKNOWN') {
      return recover(deps, call, key, pending, attempt);
    }
    // Flip refused it: nothing was applied, whatever the store does now.
    await releaseQuietly(key);
    throw asInputError(error, 'input');
  }
  // Flip's answer is the proof: the caller gets the event even if the store fails now. An
  // unsaved key stays `pending`; a retry resumes it by recovery, which finds this event.
  await saveQuietly(key, { ...pending, state: 'done', event });
  try {
    return await dispatched(deps, call, event, attempt.audit);
  } catch {
    // Forgetting cached events failed: their TTL bounds the staleness; the event stands.
    return event;
  }
}

/**
 * The ids of the events matching the input that Flip lists before the POST: never ours. Read
 * from Flip, not from a cache (a stale list would leave out an event created meanwhile). When the
 * list cannot be read the dispatch still goes ahead; its recovery can then prove nothing (null).
 */
async function matchingEventIds(
  deps: WriteDeps,
  call: WriteCall,
  input: CreateEventInput,
): Promise<string[] | null> {
  try {
    return matchingIds(await deps.clients.utility.listEvents({ requestId: call.requestId }), input);
  } catch {
    return null;
  }
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
    await settleClaimant(deps, record, record.event, attempt.audit);
    return record.event;
  }
  if (record.state === 'pending' && !isStale(deps, record)) throw inProgress();
  // `unknown`, or `pending` left by a process that died mid-POST: look again, never re-send.
  return recover(deps, call, key, record, attempt);
}

/**
 * After a POST that may have applied: the event if it can be shown to be this attempt's, else
 * UPSTREAM_OUTCOME_UNKNOWN. Whatever fails here (lookup, store, anything) ends in the latter.
 */
async function recover(
  deps: WriteDeps,
  call: WriteCall,
  key: DispatchKey,
  record: DispatchRecord,
  attempt: Attempt,
): Promise<EventRecord> {
  let found: EventRecord | null = null;
  try {
    found = await findOwnEvent(call, key, record, attempt.input, maxAttemptMs(deps));
  } catch {
    // The lookup failed: the outcome stays unknown, and so does the answer.
  }
  try {
    await invalidateShared(deps, [attempt.input.programId], ['events']);
    if (!found) {
      await saveQuietly(key, { ...record, state: 'unknown' });
      throw outcomeUnknown(call);
    }
    attempt.audit.detail = { ...attempt.audit.detail, recovered: true };
    await saveQuietly(key, { ...record, state: 'done', event: found });
    await settleClaimant(deps, record, found, attempt.audit);
    return await dispatched(deps, call, found, attempt.audit);
  } catch {
    throw outcomeUnknown(call);
  }
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

/**
 * A retry found the event of an earlier attempt with this key: that attempt's audit entry, left
 * unknown when its process stopped before completing it, is completed with the event (issue 19).
 * An entry already completed is left as it is; a failing trail changes nothing in the answer.
 */
async function settleClaimant(
  deps: WriteDeps,
  record: DispatchRecord,
  event: EventRecord,
  audit: WriteRecord,
): Promise<void> {
  const claimant = record.auditEntryId;
  if (!deps.auditStore || claimant === undefined || claimant === audit.auditEntryId) return;
  try {
    await deps.auditStore.settle(claimant, {
      outcome: 'OK',
      eventId: event.id,
      recovery: {
        by: 'retry',
        at: new Date(clockOf(deps)()).toISOString(),
        note: `A retry with the same idempotencyKey (audit entry ${audit.auditEntryId ?? 'not stored'}) found event ${event.id}, shown to be this attempt's.`,
      },
    });
  } catch (error) {
    deps.onAuditStoreError?.('complete', error);
  }
}

/** Once the POST left, a failing store must not change the answer (the record stays `pending`). */
async function saveQuietly(key: DispatchKey, record: DispatchRecord): Promise<void> {
  try {
    await key.save(record);
  } catch {
    // The key stays `pending`; once stale, a retry resumes it by recovery (never re-sends).
  }
}

/** After a definite refusal; if the store fails, the key stays `pending` until it is stale. */
async function releaseQuietly(key: DispatchKey): Promise<void> {
  try {
    await key.release();
  } catch {
    // Deliberately ignored: the refusal is the answer.
  }
}

/**
 * A `pending` record older than any POST can take (every timeout of one attempt, twice) was left
 * by a process that stopped mid-dispatch.
 */
function isStale(deps: WriteDeps, record: DispatchRecord): boolean {
  return clockOf(deps)() - record.attemptStartedAtMs > maxAttemptMs(deps);
}

/** Longer than any one POST can take: every timeout of one attempt, twice. */
export function maxAttemptMs(deps: WriteDeps): number {
  const http = deps.config.http;
  return 2 * (http.connectTimeoutMs + http.headersTimeoutMs + http.bodyTimeoutMs);
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
    'The dispatch may have reached Flip, so the event may exist, but it could not be confirmed as ' +
      "this request's (Flip's answer was lost, or the check after it failed); it was not sent again. " +
      'Check the events query for an event of this program with these targets and actions. ' +
      'Retrying with the same idempotencyKey checks again and never re-sends; only dispatch with a ' +
      'new key once you know the event does not exist.',
    { requestId: call.requestId },
  );
}

function clockOf(deps: WriteDeps): () => number {
  return deps.clock ?? Date.now;
}
