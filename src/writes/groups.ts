import { errorCodeOf } from '../errors.js';
import { GROUP_ID_PATTERN } from '../flip/wire.js';
import type { GroupEntry } from '../loaders/index.js';
import type { ProgramChange } from '../loaders/index.js';
import { audited, invalidateShared, patchShared } from './audit.js';
import type { BulkEnrollmentOutcome } from './enrollments.js';
import { changeMembership, type MembershipChange } from './group-membership.js';
import { requireConfiguredProgram } from './scope.js';
import type { WriteCall, WriteDeps } from './types.js';
import { asInputError, Violations } from './violations.js';

/** Bound on a group name; Flip states none, we keep names displayable. */
export const MAX_GROUP_NAME_CHARS = 200;

/** Input paths of the group writes: `input.*` for createGroup, plain arguments otherwise. */
interface GroupPaths {
  programId: string;
  id: string;
  name: string;
}

const INPUT_PATHS: GroupPaths = { programId: 'input.programId', id: 'input.id', name: 'input.name' };
const ARGUMENT_PATHS: GroupPaths = { programId: 'programId', id: 'id', name: 'name' };

/** The groups endpoints (REFERENCE.md 1.3); membership goes through the enrollments. Each call is audited. */
export interface GroupWrites {
  /** POST /v1/programs/{programId}/groups; CONFLICT when the id is taken. */
  create(call: WriteCall, group: { programId: string; id: string; name: string }): Promise<GroupEntry>;
  /** PATCH /v1/programs/{programId}/groups/{id} with a new name. */
  rename(call: WriteCall, group: { programId: string; id: string; name: string }): Promise<GroupEntry>;
  /** DELETE /v1/programs/{programId}/groups/{id}: member sites lose the group and stay enrolled. */
  delete(call: WriteCall, group: { programId: string; id: string }): Promise<true>;
  /** Adds the group to (or removes it from) the sites of these enrollments, keeping their other groups. */
  changeMembership(
    call: WriteCall,
    mode: MembershipChange,
    change: { programId: string; groupId: string; enrollmentIds: readonly string[] },
  ): Promise<BulkEnrollmentOutcome>;
}

export function createGroupWrites(deps: WriteDeps): GroupWrites {
  return {
    create(call, { programId, id, name }) {
      return audited(deps, call, 'createGroup', { programId, targetIds: [id] }, async () => {
        checkGroupFields(deps, { programId, id, name }, INPUT_PATHS).throwIfAny('The group was not created');
        const options = { touchesEnrollments: false, inputPrefix: 'input' };
        const group = await writeGroup(
          deps,
          call,
          programId,
          options,
          () => deps.clients.utility.createGroup(programId, { id, name }, { requestId: call.requestId }),
          (created) => ({ kind: 'group-created', group: { id: created.id, name: created.name } }),
        );
        return groupEntry(programId, group);
      });
    },
    rename(call, { programId, id, name }) {
      return audited(deps, call, 'renameGroup', { programId, targetIds: [id] }, async () => {
        checkGroupFields(deps, { programId, id, name }, ARGUMENT_PATHS).throwIfAny(
          'The group was not renamed',
        );
        // Sites embed their groups' names: the program's enrollments are stale too.
        const options = { touchesEnrollments: true, inputPrefix: '' };
        const group = await writeGroup(
          deps,
          call,
          programId,
          options,
          () => deps.clients.utility.updateGroup(programId, id, { name }, { requestId: call.requestId }),
          // Renamed in place; an answer under another id (a re-key) is not patched in.
          (renamed) =>
            renamed.id === id ? { kind: 'group-renamed', group: { id, name: renamed.name } } : null,
        );
        return groupEntry(programId, group);
      });
    },
    delete(call, { programId, id }) {
      return audited(deps, call, 'deleteGroup', { programId, targetIds: [id] }, async () => {
        checkGroupFields(deps, { programId, id }, ARGUMENT_PATHS).throwIfAny('The group was not deleted');
        await writeGroup(
          deps,
          call,
          programId,
          { touchesEnrollments: true, inputPrefix: '' },
          () => deps.clients.utility.deleteGroup(programId, id, { requestId: call.requestId }),
          () => ({ kind: 'group-deleted', groupId: id }),
        );
        return true as const;
      });
    },
    changeMembership(call, mode, change) {
      const operation = mode === 'add' ? 'addEnrollmentsToGroup' : 'removeEnrollmentsFromGroup';
      const record = {
        programId: change.programId,
        targetIds: [change.groupId, ...change.enrollmentIds],
        input: { groupId: change.groupId, enrollmentIds: [...change.enrollmentIds] },
      };
      return audited(deps, call, operation, record, (r) =>
        changeMembership(deps, call, { ...change, mode }, r),
      );
    },
  };
}

/** Throws NOT_FOUND for a program that is not configured; else the violations of group id and name. */
function checkGroupFields(
  deps: WriteDeps,
  fields: { programId: string; id?: string; name?: string },
  paths: GroupPaths,
): Violations {
  // FLIP_PROGRAMS is the service's boundary: a group of another program is not found (issue 13 §2.1).
  requireConfiguredProgram(deps, fields.programId);
  const violations = new Violations();
  if (fields.id !== undefined && !GROUP_ID_PATTERN.test(fields.id)) {
    violations.add(paths.id, 'must be letters, digits, _ and - only (^[\\w-]+$), at least one');
  }
  if (fields.name !== undefined) {
    if (fields.name.trim() === '') violations.add(paths.name, 'must not be blank');
    else if (fields.name.length > MAX_GROUP_NAME_CHARS) {
      violations.add(paths.name, `must be at most ${MAX_GROUP_NAME_CHARS} characters`);
    }
  }
  return violations;
}

/**
 * Runs one group write; afterwards the cached group list and, when membership or names changed,
 * the program's cached enrollments are patched with Flip's answer (`changeOf`; null: dropped
 * instead), and the request reads them again from there. When its outcome is unknown they are
 * dropped, here and in the shared cache. Upstream input errors name the caller's paths.
 */
async function writeGroup<T>(
  deps: WriteDeps,
  call: WriteCall,
  programId: string,
  options: { touchesEnrollments: boolean; inputPrefix: string },
  write: () => Promise<T>,
  changeOf: (result: T) => ProgramChange | null,
): Promise<T> {
  try {
    const result = await write();
    const change = changeOf(result);
    if (change === null) await forget(deps, call, programId, options.touchesEnrollments);
    else {
      const scopes = options.touchesEnrollments
        ? (['groups', 'enrollments'] as const)
        : (['groups'] as const);
      await patchShared(deps, programId, scopes, change);
      // The cached copies hold the change: only this request's own copies are read again.
      call.loaders.invalidateGroups(programId, { keepCache: true });
      if (options.touchesEnrollments) call.loaders.invalidateProgram(programId, { keepCache: true });
    }
    return result;
  } catch (error) {
    if (errorCodeOf(error) === 'UPSTREAM_OUTCOME_UNKNOWN')
      await forget(deps, call, programId, options.touchesEnrollments);
    throw asInputError(error, options.inputPrefix);
  }
}

async function forget(
  deps: WriteDeps,
  call: WriteCall,
  programId: string,
  touchesEnrollments: boolean,
): Promise<void> {
  call.loaders.invalidateGroups(programId);
  if (touchesEnrollments) call.loaders.invalidateProgram(programId);
  await invalidateShared(deps, [programId], touchesEnrollments ? ['groups', 'enrollments'] : ['groups']);
}

function groupEntry(programId: string, group: { id: string; name: string }): GroupEntry {
  return { id: group.id, name: group.name, programId };
}
