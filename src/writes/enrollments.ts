import { errorCodeOf, isServiceError } from '../errors.js';
import type { EnrollmentRecord, EnrollmentStatus, UpdateEnrollmentPatch } from '../flip/index.js';
import { GROUP_ID_PATTERN } from '../flip/wire.js';
import type { EnrollmentEntry } from '../loaders/index.js';
import { audited, invalidateShared, type WriteRecord } from './audit.js';
import { mapWithConcurrency } from './concurrency.js';
import type { BulkItemError, WriteCall, WriteDeps } from './types.js';
import { asInputError, Violations } from './violations.js';

/** Bound on a status reason: it is stored upstream and shown to operators. */
export const MAX_STATUS_REASON_CHARS = 500;
/** Bound on one bulk request: beyond it, split the work (each id is one PATCH). */
export const MAX_BULK_IDS = 1_000;

export interface EnrollmentChange extends UpdateEnrollmentPatch {
  id: string;
}

/** Where the caller wrote each field: `input.*` for updateEnrollment, plain args for the shortcuts. */
export interface ChangePaths {
  input: string;
  id: string;
  statusReason: string;
}

export const INPUT_PATHS: ChangePaths = {
  input: 'input',
  id: 'input.id',
  statusReason: 'input.statusReason',
};
export const ARGUMENT_PATHS: ChangePaths = { input: '', id: 'id', statusReason: 'reason' };

export interface BulkEnrollmentOutcome {
  succeeded: EnrollmentEntry[];
  failed: BulkItemError[];
}

/** Enrollment writes (PATCH /v1/enrollments/{id}); each call is audited. */
export interface EnrollmentWrites {
  /** updateEnrollment: only the given fields are sent. */
  update(call: WriteCall, change: EnrollmentChange): Promise<EnrollmentEntry>;
  /** approve/pause/reject/unenroll: one status, an optional reason (argument paths). */
  setStatus(
    call: WriteCall,
    operation: string,
    change: { id: string; status: EnrollmentStatus; statusReason?: string },
  ): Promise<EnrollmentEntry>;
  /** updateEnrollments: one patch for many ids. */
  updateMany(
    call: WriteCall,
    ids: readonly string[],
    patch: UpdateEnrollmentPatch,
  ): Promise<BulkEnrollmentOutcome>;
}

export function createEnrollmentWrites(deps: WriteDeps): EnrollmentWrites {
  return {
    update(call, change) {
      const record = { programId: null, targetIds: [change.id, ...(change.groupIds ?? [])] };
      return audited(deps, call, 'updateEnrollment', record, (r) => updateEnrollment(deps, call, change, r));
    },
    setStatus(call, operation, change) {
      return audited(deps, call, operation, { programId: null, targetIds: [change.id] }, (r) =>
        updateEnrollment(deps, call, change, r, ARGUMENT_PATHS),
      );
    },
    updateMany(call, ids, patch) {
      return audited(deps, call, 'updateEnrollments', { programId: null, targetIds: [...ids] }, (r) =>
        updateEnrollments(deps, call, ids, patch, r),
      );
    },
  };
}

/**
 * One PATCH /v1/enrollments/{id} with only the given fields. Group ids are checked first against
 * the groups of the enrollment's program (reads: the configured programs' enrollments until it is
 * found, and that program's groups); when the enrollment is in no configured program Flip checks
 * them. Afterwards the request's loaders hold the new state and the shared cache is told.
 */
async function updateEnrollment(
  deps: WriteDeps,
  call: WriteCall,
  change: EnrollmentChange,
  audit: WriteRecord,
  paths: ChangePaths = INPUT_PATHS,
): Promise<EnrollmentEntry> {
  const violations = new Violations();
  if (change.id.trim() === '') violations.add(paths.id, 'must not be empty');
  if (change.status === undefined && change.statusReason === undefined && change.groupIds === undefined) {
    violations.add(paths.input, 'must set at least one of status, statusReason and groupIds');
  }
  checkStatusReason(violations, change.statusReason, paths.statusReason);
  const programId = await checkGroupIds(call, violations, change);
  violations.throwIfAny('The enrollment was not updated');
  audit.programId = programId;

  let record: EnrollmentRecord;
  try {
    record = await deps.clients.utility.updateEnrollment(change.id, patchOf(change), {
      requestId: call.requestId,
    });
  } catch (error) {
    if (errorCodeOf(error) === 'UPSTREAM_OUTCOME_UNKNOWN') await forgetProgram(deps, call, programId);
    throw asInputError(error, paths.input);
  }
  const entry = primed(call, record, programId);
  audit.programId = entry.programId;
  await invalidateShared(deps, [entry.programId], ['enrollments']);
  return entry;
}

/**
 * The same change for many ids: at most config.bulkConcurrency PATCHes in flight, every distinct
 * id reported once, in `succeeded` or in `failed` with its code; one failure stops nothing.
 */
async function updateEnrollments(
  deps: WriteDeps,
  call: WriteCall,
  ids: readonly string[],
  patch: UpdateEnrollmentPatch,
  audit: WriteRecord,
): Promise<BulkEnrollmentOutcome> {
  const violations = new Violations();
  if (ids.length > MAX_BULK_IDS) violations.add('ids', `must list at most ${MAX_BULK_IDS} ids`);
  checkStatusReason(violations, patch.statusReason, 'statusReason');
  violations.throwIfAny('No enrollment was updated');

  // A repeated id is one change (PATCH sets absolute values): applied and reported once.
  const distinct = [...new Set(ids)];
  type Outcome = { id: string; record: EnrollmentRecord } | { id: string; error: unknown };
  const outcomes = await mapWithConcurrency(
    distinct,
    deps.config.bulkConcurrency,
    async (id): Promise<Outcome> => {
      try {
        return {
          id,
          record: await deps.clients.utility.updateEnrollment(id, patch, { requestId: call.requestId }),
        };
      } catch (error) {
        return { id, error };
      }
    },
  );
  const succeeded: EnrollmentEntry[] = [];
  const failed: BulkItemError[] = [];
  for (const outcome of outcomes) {
    if ('record' in outcome) succeeded.push(primed(call, outcome.record, null));
    else failed.push(itemError(outcome.id, outcome.error));
  }
  if (failed.some((f) => f.code === 'UPSTREAM_OUTCOME_UNKNOWN')) await forgetProgram(deps, call, null);
  audit.detail = { succeeded: succeeded.length, failed: failed.length };
  await invalidateShared(
    deps,
    succeeded.map((e) => e.programId),
    ['enrollments'],
  );
  return { succeeded, failed };
}

/** The PATCH body's fields; absent ones are not sent. */
function patchOf(change: EnrollmentChange): UpdateEnrollmentPatch {
  return {
    ...(change.status === undefined ? {} : { status: change.status }),
    ...(change.statusReason === undefined ? {} : { statusReason: change.statusReason }),
    ...(change.groupIds === undefined ? {} : { groupIds: change.groupIds }),
  };
}

function checkStatusReason(violations: Violations, reason: string | undefined, path: string): void {
  if (reason !== undefined && reason.length > MAX_STATUS_REASON_CHARS) {
    violations.add(path, `must be at most ${MAX_STATUS_REASON_CHARS} characters`);
  }
}

/** Checks the group ids; returns the enrollment's program when it had to be found (else null). */
async function checkGroupIds(
  call: WriteCall,
  violations: Violations,
  change: EnrollmentChange,
): Promise<string | null> {
  const groupIds = change.groupIds;
  if (groupIds === undefined || groupIds.length === 0) return null;
  const firstAt = new Map<string, number>();
  groupIds.forEach((id, i) => {
    if (!GROUP_ID_PATTERN.test(id))
      violations.add(`input.groupIds[${i}]`, 'is not a group id (letters, digits, _ and -)');
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, i);
    else violations.add(`input.groupIds[${i}]`, `repeats input.groupIds[${first}]`);
  });
  if (change.id.trim() === '') return null;
  const entry = await call.loaders.enrollment(change.id, { inProgram: true });
  if (entry === null || entry.programId === null) return null;
  const programId = entry.programId;
  const known = new Set((await call.loaders.groups(programId)).map((g) => g.id));
  groupIds.forEach((id, i) => {
    if (GROUP_ID_PATTERN.test(id) && !known.has(id)) {
      violations.add(`input.groupIds[${i}]`, `is not a group of program ${programId}`);
    }
  });
  return programId;
}

/** The request's loaders now hold Flip's answer; the entry carries its program when known. */
function primed(call: WriteCall, record: EnrollmentRecord, programId: string | null): EnrollmentEntry {
  const entry = call.loaders.primeEnrollment(record);
  return entry.programId === null && programId !== null ? { ...entry, programId } : entry;
}

/** A PATCH whose answer never came may have applied: nothing cached may be trusted. */
async function forgetProgram(deps: WriteDeps, call: WriteCall, programId: string | null): Promise<void> {
  for (const p of programId === null ? deps.programs : [{ id: programId }])
    call.loaders.invalidateProgram(p.id);
  await invalidateShared(deps, [programId], ['enrollments']);
}

function itemError(id: string, error: unknown): BulkItemError {
  if (isServiceError(error)) return { id, code: error.code, message: error.message };
  // Not an expected failure: the code says so, and the message does not repeat what it was.
  return { id, code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error while updating this enrollment.' };
}
