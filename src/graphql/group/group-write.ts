import { errorCodeOf } from '../../errors.js';
import { GROUP_ID_PATTERN } from '../../flip/wire.js';
import type { GroupEntry } from '../../loaders/index.js';
import { invalidateShared } from '../audit.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { asInputError, Violations } from '../violations.js';

/** Bound on a group name; Flip states none, we keep names displayable. */
export const MAX_GROUP_NAME_CHARS = 200;

/** Input paths of the group writes: `input.*` for createGroup, plain arguments otherwise. */
export interface GroupPaths {
  programId: string;
  id: string;
  name: string;
}

/** Adds the violations of a program id (must be configured), group id (pattern) and name. */
export function checkGroupFields(
  ctx: GraphQLContext,
  fields: { programId: string; id?: string; name?: string },
  paths: GroupPaths,
): Violations {
  const violations = new Violations();
  // An unconfigured program is the caller's input error (the path says which), not a missing object.
  if (configuredProgram(ctx, fields.programId) === null)
    violations.add(paths.programId, 'is not a configured program');
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
 * Runs one group write; afterwards (or when its outcome is unknown) the request's group list and,
 * when membership or names changed, the program's enrollments are read again, here and in the
 * shared cache. Upstream input errors name the caller's paths.
 */
export async function writeGroup<T>(
  ctx: GraphQLContext,
  programId: string,
  options: { touchesEnrollments: boolean; inputPrefix: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    const result = await write();
    await forget(ctx, programId, options.touchesEnrollments);
    return result;
  } catch (error) {
    if (errorCodeOf(error) === 'UPSTREAM_OUTCOME_UNKNOWN')
      await forget(ctx, programId, options.touchesEnrollments);
    throw asInputError(error, options.inputPrefix);
  }
}

async function forget(ctx: GraphQLContext, programId: string, touchesEnrollments: boolean): Promise<void> {
  ctx.loaders.invalidateGroups(programId);
  if (touchesEnrollments) ctx.loaders.invalidateProgram(programId);
  await invalidateShared(ctx, [programId], touchesEnrollments ? ['groups', 'enrollments'] : ['groups']);
}

export function groupEntry(programId: string, group: { id: string; name: string }): GroupEntry {
  return { id: group.id, name: group.name, programId };
}
