import type { EnrollmentChangeFacts } from '../audit/index.js';
import { errorCodeOf, isServiceError, ServiceError } from '../errors.js';
import type { EnrollmentRecord, EnrollmentStatus, UpdateEnrollmentPatch } from '../flip/index.js';
import { GROUP_ID_PATTERN } from '../flip/wire.js';
import type { EnrollmentEntry } from '../loaders/index.js';
import { audited, invalidateShared, patchShared, type WriteRecord } from './audit.js';
import { mapWithConcurrency } from './concurrency.js';
import { checkTransition, enrollmentNotFound } from './scope.js';
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
  /** Where a refused status change points: the status, or the id of a shortcut that implies it. */
  status: string;
}

export const INPUT_PATHS: ChangePaths = {
  input: 'input',
  id: 'input.id',
  statusReason: 'input.statusReason',
  status: 'input.status',
};
export const ARGUMENT_PATHS: ChangePaths = { input: '', id: 'id', statusReason: 'reason', status: 'id' };

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
      const record = {
        programId: null,
        targetIds: [change.id, ...(change.groupIds ?? [])],
        input: { ...patchOf(change) },
      };
      return audited(deps, call, 'updateEnrollment', record, (r) => updateEnrollment(deps, call, change, r));
    },
    setStatus(call, operation, change) {
      const record = { programId: null, targetIds: [change.id], input: { ...patchOf(change) } };
      return audited(deps, call, operation, record, (r) =>
        updateEnrollment(deps, call, change, r, ARGUMENT_PATHS),
      );
    },
    updateMany(call, ids, patch) {
      const record = { programId: null, targetIds: [...ids], input: { ...patch } };
      return audited(deps, call, 'updateEnrollments', record, (r) =>
        updateEnrollments(deps, call, ids, patch, r),
      );
    },
  };
}

/**
 * One PATCH /v1/enrollments/{id} with only the given fields, after three checks that read and
 * never write: the enrollment is in a configured program (else NOT_FOUND), its group ids are
 * groups of that program, and a status change is one the transition table allows from its
 * current status (else BAD_USER_INPUT naming from -> to; an admin's override is audited).
 * Afterwards the request's loaders hold the new state and the cached program is patched with it.
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
  // The input alone is wrong (no id, nothing to change, a long reason): said before any read.
  violations.throwIfAny('The enrollment was not updated');
  checkGroupIdShapes(violations, change.groupIds);
  const entry = await call.loaders.enrollment(change.id);
  const programId = entry?.programId ?? null;
  if (programId !== null) await checkGroupsOfProgram(call, violations, change.groupIds, programId);
  violations.throwIfAny('The enrollment was not updated');
  if (entry === null || programId === null)
    throw new ServiceError('NOT_FOUND', enrollmentNotFound(change.id));
  audit.programId = programId;
  if (change.status !== undefined) {
    const override = checkTransition(call, entry, change.status, paths.status);
    if (override !== null) audit.detail = { ...audit.detail, transitionOverride: override };
  }

  let record: EnrollmentRecord;
  try {
    record = await deps.clients.utility.updateEnrollment(change.id, patchOf(change), {
      requestId: call.requestId,
    });
  } catch (error) {
    if (errorCodeOf(error) === 'UPSTREAM_OUTCOME_UNKNOWN') await forgetProgram(deps, call, programId);
    throw asInputError(error, paths.input);
  }
  audit.changes = { [change.id]: changeFacts(entry, record, change) };
  const entryAfter = primed(call, record, programId);
  await patchShared(deps, programId, ['enrollments'], { kind: 'enrollments', records: [record] });
  return entryAfter;
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
  const { writable, refused, overrides } = await checkBulkItems(call, distinct, patch.status);
  type Outcome = { id: string; record: EnrollmentRecord } | { id: string; error: unknown };
  const outcomes = await mapWithConcurrency(
    writable,
    deps.config.bulkConcurrency,
    async (entry): Promise<Outcome> => {
      try {
        const record = await deps.clients.utility.updateEnrollment(entry.id, patch, {
          requestId: call.requestId,
        });
        return { id: entry.id, record };
      } catch (error) {
        return { id: entry.id, error };
      }
    },
  );
  const records = outcomes.flatMap((o) => ('record' in o ? [o.record] : []));
  // One re-index of each loaded program for the whole batch (issue 13 §2.7).
  const entries = new Map(call.loaders.primeEnrollments(records).map((e) => [e.id, e]));
  const programOf = new Map(writable.map((e) => [e.id, e.programId]));
  const errors = new Map<string, BulkItemError>(refused.map((f) => [f.id, f]));
  for (const o of outcomes) if ('error' in o) errors.set(o.id, itemError(o.id, o.error));
  const succeeded: EnrollmentEntry[] = [];
  const failed: BulkItemError[] = [];
  for (const id of distinct) {
    const entry = entries.get(id);
    if (entry)
      succeeded.push(entry.programId === null ? { ...entry, programId: programOf.get(id) ?? null } : entry);
    else failed.push(errors.get(id) as BulkItemError);
  }
  if (failed.some((f) => f.code === 'UPSTREAM_OUTCOME_UNKNOWN')) await forgetProgram(deps, call, null);
  const before = new Map(writable.map((e) => [e.id, e]));
  audit.changes = Object.fromEntries(records.map((r) => [r.id, changeFacts(before.get(r.id)!, r, patch)]));
  audit.detail = {
    succeeded: succeeded.length,
    failed: failed.length,
    ...(overrides.length > 0 ? { transitionOverrides: overrides } : {}),
  };
  // Each program's cached copy is patched once with the answers of its enrollments.
  const recordsByProgram = new Map<string, EnrollmentRecord[]>();
  for (const record of records) {
    const programId = programOf.get(record.id);
    if (programId) recordsByProgram.set(programId, [...(recordsByProgram.get(programId) ?? []), record]);
  }
  await Promise.all(
    [...recordsByProgram].map(([programId, written]) =>
      patchShared(deps, programId, ['enrollments'], { kind: 'enrollments', records: written }),
    ),
  );
  return { succeeded, failed };
}

/**
 * The bulk change's reads: every id looked up at once (one batch: the configured programs' lists),
 * each refused item (not in a configured program, a status change the table refuses, its
 * program unreadable) reported with its code and never written. Admin overrides are listed
 * `id: FROM -> TO` for the audit line.
 */
async function checkBulkItems(
  call: WriteCall,
  ids: readonly string[],
  status: EnrollmentStatus | undefined,
): Promise<{ writable: EnrollmentEntry[]; refused: BulkItemError[]; overrides: string[] }> {
  const looked = await Promise.all(
    ids.map((id) =>
      call.loaders.enrollment(id).then(
        (entry) => ({ id, entry }),
        (error: unknown) => ({ id, error }),
      ),
    ),
  );
  const writable: EnrollmentEntry[] = [];
  const refused: BulkItemError[] = [];
  const overrides: string[] = [];
  for (const item of looked) {
    if ('error' in item) {
      refused.push(itemError(item.id, item.error));
      continue;
    }
    const entry = item.entry;
    if (entry === null || entry.programId === null) {
      refused.push({ id: item.id, code: 'NOT_FOUND', message: enrollmentNotFound(item.id) });
      continue;
    }
    try {
      const override = status === undefined ? null : checkTransition(call, entry, status, 'status');
      if (override !== null) overrides.push(`${entry.id}: ${override}`);
      writable.push(entry);
    } catch (error) {
      refused.push(itemError(item.id, error));
    }
  }
  return { writable, refused, overrides };
}

/** What one PATCH changed of an enrollment, for its history: only the fields the patch set. */
export function changeFacts(
  before: EnrollmentRecord,
  after: EnrollmentRecord,
  patch: UpdateEnrollmentPatch,
): EnrollmentChangeFacts {
  const groupIds = (r: EnrollmentRecord) => r.site.groups.map((g) => g.id);
  return {
    ...(patch.status === undefined ? {} : { fromStatus: before.status, toStatus: after.status }),
    ...(patch.groupIds === undefined ? {} : { fromGroupIds: groupIds(before), toGroupIds: groupIds(after) }),
    ...(patch.statusReason === undefined ? {} : { reason: patch.statusReason }),
  };
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

/** Adds the violations of group ids on their own: the pattern, and no repeats. */
function checkGroupIdShapes(violations: Violations, groupIds: readonly string[] | undefined): void {
  const firstAt = new Map<string, number>();
  groupIds?.forEach((id, i) => {
    if (!GROUP_ID_PATTERN.test(id))
      violations.add(`input.groupIds[${i}]`, 'is not a group id (letters, digits, _ and -)');
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, i);
    else violations.add(`input.groupIds[${i}]`, `repeats input.groupIds[${first}]`);
  });
}

/** Adds a violation for each well-formed group id that is not a group of the program. */
async function checkGroupsOfProgram(
  call: WriteCall,
  violations: Violations,
  groupIds: readonly string[] | undefined,
  programId: string,
): Promise<void> {
  if (groupIds === undefined || groupIds.length === 0) return;
  const known = new Set((await call.loaders.groups(programId)).map((g) => g.id));
  groupIds.forEach((id, i) => {
    if (GROUP_ID_PATTERN.test(id) && !known.has(id)) {
      violations.add(`input.groupIds[${i}]`, `is not a group of program ${programId}`);
    }
  });
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
