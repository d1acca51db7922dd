import { isServiceError, ServiceError } from '../errors.js';
import type { EnrollmentRecord } from '../flip/index.js';
import { GROUP_ID_PATTERN } from '../flip/wire.js';
import type { EnrollmentEntry } from '../loaders/index.js';
import { invalidateShared, patchShared, type WriteRecord } from './audit.js';
import { mapWithConcurrency } from './concurrency.js';
import { changeFacts, MAX_BULK_IDS, type BulkEnrollmentOutcome } from './enrollments.js';
import { requireConfiguredProgram } from './scope.js';
import type { BulkItemError, WriteCall, WriteDeps } from './types.js';
import { Violations } from './violations.js';

export type MembershipChange = 'add' | 'remove';

interface Outcome {
  id: string;
  entry?: EnrollmentEntry;
  /** Flip's answer to the PATCH, when one was sent and succeeded. */
  record?: EnrollmentRecord;
  /** The entry as read before the PATCH (for the audit's change). */
  before?: EnrollmentEntry;
  error?: BulkItemError;
}

/**
 * Adds one group to (or removes it from) the sites of many enrollments, keeping each site's other
 * groups: Flip's only way is PATCH /v1/enrollments/{id} with the site's whole group list
 * (REFERENCE.md 1.3), so the current list is read from the program's enrollments (one GET) and
 * merged. A site already in the wanted state is not written. Enrollments of one site are written
 * one after the other, each merging into the previous answer. Flip has no conditional PATCH: a
 * change made elsewhere between our read and our PATCH can be overwritten.
 */
export async function changeMembership(
  deps: WriteDeps,
  call: WriteCall,
  change: { programId: string; groupId: string; enrollmentIds: readonly string[]; mode: MembershipChange },
  audit: WriteRecord,
): Promise<BulkEnrollmentOutcome> {
  const { programId, groupId } = change;
  requireConfiguredProgram(deps, programId);
  const violations = new Violations();
  if (!GROUP_ID_PATTERN.test(groupId))
    violations.add('groupId', 'is not a group id (letters, digits, _ and -)');
  if (change.enrollmentIds.length > MAX_BULK_IDS) {
    violations.add('enrollmentIds', `must list at most ${MAX_BULK_IDS} ids`);
  }
  violations.throwIfAny('No enrollment was changed');
  if ((await call.loaders.group(programId, groupId)) === null) {
    throw new ServiceError('BAD_USER_INPUT', `groupId is not a group of program ${programId}.`, {
      fieldPaths: ['groupId'],
    });
  }
  const index = await call.loaders.programIndex(programId);

  const ids = [...new Set(change.enrollmentIds)];
  const bySite = new Map<string, EnrollmentEntry[]>();
  const outcomes = new Map<string, Outcome>();
  for (const id of ids) {
    const entry = index.enrollmentById.get(id);
    if (!entry) {
      const message = `Enrollment ${id} is not in program ${programId}.`;
      outcomes.set(id, { id, error: { id, code: 'NOT_FOUND', message } });
      continue;
    }
    bySite.set(entry.site.id, [...(bySite.get(entry.site.id) ?? []), entry]);
  }
  // Flip's answers are collected and the request's loaders primed once for the whole batch: one
  // re-index of the program instead of one per PATCH (issue 13 §2.7).
  const written: EnrollmentRecord[] = [];
  await mapWithConcurrency([...bySite.values()], deps.config.bulkConcurrency, async (entries) => {
    let groups = entries[0]?.site.groups.map((g) => g.id) ?? [];
    for (const entry of entries) {
      const outcome = await applyOne(deps, call, entry, groups, groupId, change.mode);
      outcomes.set(entry.id, outcome);
      if (outcome.record) written.push(outcome.record);
      if (outcome.entry) groups = outcome.entry.site.groups.map((g) => g.id);
    }
  });
  for (const primed of call.loaders.primeEnrollments(written)) {
    const outcome = outcomes.get(primed.id) as Outcome;
    outcome.entry = primed.programId === null ? { ...primed, programId } : primed;
  }

  const ordered = ids.map((id) => outcomes.get(id) as Outcome);
  const succeeded = ordered.flatMap((o) => (o.entry ? [o.entry] : []));
  const failed = ordered.flatMap((o) => (o.error ? [o.error] : []));
  audit.detail = { succeeded: succeeded.length, failed: failed.length };
  audit.changes = Object.fromEntries(
    ordered.flatMap((o) =>
      o.record && o.before ? [[o.id, changeFacts(o.before, o.record, { groupIds: [] })]] : [],
    ),
  );
  // A PATCH whose answer never came may have applied: that program's copies cannot be trusted.
  if (failed.some((f) => f.code === 'UPSTREAM_OUTCOME_UNKNOWN')) {
    call.loaders.invalidateProgram(programId);
    await invalidateShared(deps, [programId], ['enrollments']);
  } else if (written.length > 0)
    await patchShared(deps, programId, ['enrollments'], { kind: 'enrollments', records: written });
  return { succeeded, failed };
}

async function applyOne(
  deps: WriteDeps,
  call: WriteCall,
  entry: EnrollmentEntry,
  current: readonly string[],
  groupId: string,
  mode: MembershipChange,
): Promise<Outcome> {
  const next = mode === 'add' ? [...new Set([...current, groupId])] : current.filter((g) => g !== groupId);
  if (next.length === current.length) return { id: entry.id, entry };
  try {
    const record: EnrollmentRecord = await deps.clients.utility.updateEnrollment(
      entry.id,
      { groupIds: next },
      { requestId: call.requestId },
    );
    // Not primed here (the caller primes the batch once); the entry keeps the program it was read in.
    return { id: entry.id, record, before: entry, entry: { ...record, programId: entry.programId } };
  } catch (error) {
    const code = isServiceError(error) ? error.code : 'INTERNAL_SERVER_ERROR';
    const message = isServiceError(error)
      ? error.message
      : 'Unexpected error while updating this enrollment.';
    return { id: entry.id, error: { id: entry.id, code, message } };
  }
}
