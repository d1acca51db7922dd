import { errorCodeOf, ServiceError } from '../../errors.js';
import type { EventRecord } from '../../flip/index.js';
import { recordCancelledEvent } from '../../loaders/index.js';
import { audited, invalidateShared, type WriteRecord } from '../audit.js';
import { eventInScope } from '../scope.js';
import type { DispatchRequest, WriteCall, WriteDeps } from '../types.js';
import { MAX_IDEMPOTENCY_KEY_CHARS } from './plan.js';
import { previewEvent, type EventPreview } from './preview.js';
import { dispatch } from './send.js';

export { MAX_IDEMPOTENCY_KEY_CHARS } from './plan.js';
export type { EventPreview } from './preview.js';

/** The event writes: dispatch (once per idempotency key), its preview, and cancel. */
export interface DispatchWrites {
  /** dispatchEvent: POST /v1/events at most once per caller and key (send.ts). Audited. */
  dispatch(call: WriteCall, input: DispatchRequest, idempotencyKey: string): Promise<EventRecord>;
  /** previewEvent: the dispatch's validation and what its targets reach; nothing is written. */
  preview(call: WriteCall, input: DispatchRequest): Promise<EventPreview>;
  /** cancelEvent: DELETE /v1/events/{id}, then the cancellation recorded in the store. Audited. */
  cancel(call: WriteCall, eventId: string): Promise<true>;
}

export function createDispatchWrites(deps: WriteDeps): DispatchWrites {
  return {
    dispatch(call, input, idempotencyKey) {
      // The key is the caller's free text: bounded in the log line like in validation.
      const loggedKey = idempotencyKey.slice(0, MAX_IDEMPOTENCY_KEY_CHARS);
      const record = {
        programId: input.programId,
        targetIds: [...input.targetIds],
        idempotencyKey: loggedKey,
        input: dispatchInputOf(input),
      };
      return audited(deps, call, 'dispatchEvent', record, (r) =>
        dispatch(deps, call, input, idempotencyKey, r),
      );
    },
    preview(call, input) {
      return previewEvent(deps, call, input);
    },
    cancel(call, eventId) {
      const record = { programId: null, targetIds: [eventId], eventId, input: { eventId } };
      return audited(deps, call, 'cancelEvent', record, (r) => cancelEvent(deps, call, eventId, r));
    },
  };
}

/**
 * DELETE /v1/events/{id} for an event of a configured program (else NOT_FOUND, nothing sent) that
 * this service has not cancelled already (else CONFLICT). Once Flip accepted it, the event is
 * recorded in the shared store as cancelled, when and by whom, so that every instance keeps
 * showing it (CANCELED) though Flip's list may drop it.
 */
async function cancelEvent(
  deps: WriteDeps,
  call: WriteCall,
  eventId: string,
  audit: WriteRecord,
): Promise<true> {
  const event = await eventInScope(call, eventId);
  audit.programId = event.programId;
  if (event.canceledAt) {
    throw new ServiceError('CONFLICT', `Event ${eventId} was already cancelled; nothing was sent.`);
  }
  try {
    await deps.clients.utility.cancelEvent(eventId, { requestId: call.requestId });
  } catch (error) {
    // A DELETE whose answer never came may have applied: the event list is stale either way.
    if (errorCodeOf(error) === 'UPSTREAM_OUTCOME_UNKNOWN') await forgetEvents(deps, call);
    throw error;
  }
  const cancellation = { canceledAt: call.now, canceledBy: call.caller?.id ?? null };
  try {
    await recordCancelledEvent(deps.store, event, cancellation);
  } catch {
    // The cancellation stands at Flip; only our record of it is missing (the store is away).
    audit.detail = { cancellationRecorded: false };
  }
  await forgetEvents(deps, call);
  return true;
}

/** The dispatch as the trail keeps it: the program, targets and actions (nothing else is sent). */
function dispatchInputOf(input: DispatchRequest): Record<string, unknown> {
  return {
    programId: input.programId,
    targetType: input.targetType,
    targetIds: [...input.targetIds],
    actions: input.actions.map((a) => ({
      mode: a.mode,
      startsAt:
        a.startsAt instanceof Date && !Number.isNaN(a.startsAt.getTime()) ? a.startsAt.toISOString() : null,
      durationS: a.durationS,
      ...(a.powerMode == null ? {} : { powerMode: a.powerMode }),
      ...(a.setpointW == null ? {} : { setpointW: a.setpointW }),
      ...(a.backupReservePercentage == null ? {} : { backupReservePercentage: a.backupReservePercentage }),
      ...(a.enableGridImport == null ? {} : { enableGridImport: a.enableGridImport }),
    })),
  };
}

async function forgetEvents(deps: WriteDeps, call: WriteCall): Promise<void> {
  call.loaders.invalidateEvents();
  // Flip's DELETE does not say whose event it was; the event list is one list anyway.
  await invalidateShared(deps, [null], ['events']);
}
