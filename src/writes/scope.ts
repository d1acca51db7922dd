import type { Role } from '../config.js';
import { ServiceError } from '../errors.js';
import type { EnrollmentStatus } from '../flip/index.js';
import type { EnrollmentEntry, EventEntry } from '../loaders/index.js';
import { isConfiguredProgram } from './programs.js';
import { judgeTransition, transitionName } from './transitions.js';
import type { WriteCall, WriteDeps } from './types.js';

/**
 * FLIP_PROGRAMS is the service's boundary (issue 13 §2.1): a write to an object of a program that
 * is not configured is refused like a write to an unknown id, NOT_FOUND, before anything is sent.
 * Each check reads through the request's loaders (the configured programs' lists, GET /v1/events).
 */

/** The enrollment, from a configured program. Throws NOT_FOUND when there is none. */
export async function enrollmentInScope(call: WriteCall, id: string): Promise<EnrollmentEntry> {
  const entry = await call.loaders.enrollment(id);
  if (entry === null) throw new ServiceError('NOT_FOUND', enrollmentNotFound(id));
  return entry;
}

export function enrollmentNotFound(id: string): string {
  return `Enrollment ${id} was not found in the configured programs; nothing was changed.`;
}

/** Throws NOT_FOUND when the program is not configured. */
export function requireConfiguredProgram(deps: Pick<WriteDeps, 'programs'>, programId: string): void {
  if (!isConfiguredProgram(deps, programId)) {
    throw new ServiceError(
      'NOT_FOUND',
      `Program ${programId} is not a configured program (FLIP_PROGRAMS); nothing was changed.`,
    );
  }
}

/** The event, of a configured program. Throws NOT_FOUND when there is none. */
export async function eventInScope(call: WriteCall, id: string): Promise<EventEntry> {
  const event = await call.loaders.event(id);
  if (event === null) {
    throw new ServiceError(
      'NOT_FOUND',
      `Event ${id} was not found in the configured programs; nothing was changed.`,
    );
  }
  return event;
}

/**
 * Checks a status change against the transition table (transitions.ts). Returns the transition's
 * name when an admin overrides the table (the caller audits it), else null. Throws
 * BAD_USER_INPUT naming `from -> to` at `path` when the change is refused.
 */
export function checkTransition(
  call: WriteCall,
  entry: { id: string; status: EnrollmentStatus },
  to: EnrollmentStatus,
  path: string,
): string | null {
  const verdict = judgeTransition(entry.status, to, roleOf(call));
  const name = transitionName(entry.status, to);
  if (verdict === 'allowed') return null;
  if (verdict === 'override') return name;
  throw new ServiceError(
    'BAD_USER_INPUT',
    `Enrollment ${entry.id} cannot change ${name} (see the allowed transitions); nothing was changed.`,
    { fieldPaths: [path] },
  );
}

export function roleOf(call: WriteCall): Role | undefined {
  return call.caller?.role;
}
