import { errorCodeOf } from '../../errors.js';
import type { EventRecord } from '../../flip/index.js';
import { audited, invalidateShared } from '../audit.js';
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
  /** cancelEvent: DELETE /v1/events/{id}. Audited. */
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
      };
      return audited(deps, call, 'dispatchEvent', record, (r) =>
        dispatch(deps, call, input, idempotencyKey, r),
      );
    },
    preview(call, input) {
      return previewEvent(deps, call, input);
    },
    cancel(call, eventId) {
      return audited(deps, call, 'cancelEvent', { programId: null, targetIds: [eventId] }, async () => {
        try {
          await deps.clients.utility.cancelEvent(eventId, { requestId: call.requestId });
        } catch (error) {
          // A DELETE whose answer never came may have applied: the event list is stale either way.
          if (errorCodeOf(error) === 'UPSTREAM_OUTCOME_UNKNOWN') await forgetEvents(deps, call);
          throw error;
        }
        await forgetEvents(deps, call);
        return true as const;
      });
    },
  };
}

async function forgetEvents(deps: WriteDeps, call: WriteCall): Promise<void> {
  call.loaders.invalidateEvents();
  // Flip's DELETE does not say whose event it was; the event list is one list anyway.
  await invalidateShared(deps, [null], ['events']);
}
