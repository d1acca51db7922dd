import type { ProgramChangeKind, ProgramChangeRecord } from './types.js';

/** What the write layer's audit entry says, as far as programChanges needs it (writes/hooks.ts). */
export interface WriteOutcome {
  operation: string;
  callerId: string | null;
  programId: string | null;
  targetIds: string[];
  outcome: string;
  detail?: Record<string, unknown>;
}

/** Each mutation's change; a write missing here (a read-only preview) is not a change. */
const KIND_OF_OPERATION: Readonly<Record<string, ProgramChangeKind>> = {
  approveEnrollment: 'ENROLLMENT_STATUS_CHANGED',
  pauseEnrollment: 'ENROLLMENT_STATUS_CHANGED',
  rejectEnrollment: 'ENROLLMENT_STATUS_CHANGED',
  unenrollEnrollment: 'ENROLLMENT_STATUS_CHANGED',
  updateEnrollment: 'ENROLLMENT_UPDATED',
  updateEnrollments: 'ENROLLMENT_UPDATED',
  addEnrollmentsToGroup: 'ENROLLMENT_GROUPS_CHANGED',
  removeEnrollmentsFromGroup: 'ENROLLMENT_GROUPS_CHANGED',
  createGroup: 'GROUP_CREATED',
  renameGroup: 'GROUP_RENAMED',
  deleteGroup: 'GROUP_DELETED',
  dispatchEvent: 'EVENT_DISPATCHED',
  cancelEvent: 'EVENT_CANCELED',
  commissionSite: 'SITE_COMMISSIONED',
};

/**
 * The change a write made, or null: failed writes, writes in no known program and replayed
 * dispatches (the event was announced when it was created) change nothing new. A write whose
 * outcome is unknown may have happened, so it is announced (UPSTREAM_OUTCOME_UNKNOWN).
 */
export function changeOfWrite(write: WriteOutcome, at: Date): ProgramChangeRecord | null {
  const kind = KIND_OF_OPERATION[write.operation];
  if (!kind || write.programId === null) return null;
  if (write.outcome !== 'OK' && write.outcome !== 'UPSTREAM_OUTCOME_UNKNOWN') return null;
  if (write.detail?.replayed === true) return null;
  const eventId = typeof write.detail?.eventId === 'string' ? write.detail.eventId : undefined;
  const targetIds =
    eventId && !write.targetIds.includes(eventId) ? [eventId, ...write.targetIds] : write.targetIds;
  return {
    programId: write.programId,
    kind,
    operation: write.operation,
    targetIds,
    callerId: write.callerId,
    at,
  };
}
