import type { Role } from '../config.js';
import type { EnrollmentStatus } from '../flip/index.js';

/**
 * The one table of enrollment status changes an operator may make: for each status a write sets,
 * the statuses it may start from (README "Enrollment status transitions"). Chosen from
 * REFERENCE.md 1.3 (the PATCH's statuses: approve, pause, reject, unenroll) and the Cloud API's
 * enrollment lifecycle (seed 002: Flip itself creates CREATED and SUBMITTED; REJECTED and
 * UNENROLLED end an enrollment). Setting the status an enrollment already has is always allowed
 * (a repeated PATCH changes nothing, e.g. a new reason). Anything else is refused before any
 * PATCH, unless the caller is an admin, whose override is audited.
 */
export const ALLOWED_FROM: Readonly<Record<EnrollmentStatus, readonly EnrollmentStatus[]>> = {
  // approveEnrollment: a reviewed, a paused or a fixed enrollment becomes active.
  ACTIVE: ['CREATED', 'SUBMITTED', 'PENDING', 'NEEDS_ACTION', 'PAUSED'],
  // pauseEnrollment: only a participating enrollment can stop participating for a while.
  PAUSED: ['ACTIVE'],
  // rejectEnrollment: only before it was ever approved.
  REJECTED: ['CREATED', 'SUBMITTED', 'PENDING', 'NEEDS_ACTION'],
  // unenrollEnrollment: leaving the program, once in it.
  UNENROLLED: ['ACTIVE', 'PAUSED', 'NEEDS_ACTION'],
  // Asking the homeowner for something, during review or while enrolled.
  NEEDS_ACTION: ['CREATED', 'SUBMITTED', 'PENDING', 'ACTIVE', 'PAUSED'],
  // Back to review once the homeowner answered.
  PENDING: ['CREATED', 'SUBMITTED', 'NEEDS_ACTION'],
  // Set by Flip and the homeowner's app, never by the utility.
  CREATED: [],
  SUBMITTED: [],
};

/** What a status change amounts to: allowed by the table, an admin's override, or refused. */
export type TransitionVerdict = 'allowed' | 'override' | 'refused';

export function judgeTransition(
  from: EnrollmentStatus,
  to: EnrollmentStatus,
  role: Role | undefined,
): TransitionVerdict {
  if (from === to || ALLOWED_FROM[to].includes(from)) return 'allowed';
  return role === 'admin' ? 'override' : 'refused';
}

/** How a transition is named in messages and audit lines. */
export function transitionName(from: EnrollmentStatus, to: EnrollmentStatus): string {
  return `${from} -> ${to}`;
}
