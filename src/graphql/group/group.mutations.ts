import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GroupEntry } from '../../loaders/index.js';
import { audited } from '../audit.js';
import type { GraphQLContext } from '../context.js';
import { BulkEnrollmentResult } from '../enrollment/bulk.type.js';
import { changeMembership, type MembershipChange } from './group-membership.js';
import { checkGroupFields, groupEntry, writeGroup } from './group-write.js';
import { CreateGroupInput } from './group.inputs.js';
import { Group } from './group.type.js';

const ARGUMENT_PATHS = { programId: 'programId', id: 'id', name: 'name' };

/** The groups endpoints (REFERENCE.md 1.3); membership goes through the enrollments. */
@Resolver()
export class GroupMutationResolver {
  @Mutation(() => Group, {
    description: 'POST /v1/programs/{programId}/groups; CONFLICT when the id is taken.',
  })
  createGroup(
    @Arg('input', () => CreateGroupInput) input: CreateGroupInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupEntry> {
    const { programId, id, name } = input;
    return audited(ctx, 'createGroup', { programId, targetIds: [id] }, async () => {
      const paths = { programId: 'input.programId', id: 'input.id', name: 'input.name' };
      checkGroupFields(ctx, { programId, id, name }, paths).throwIfAny('The group was not created');
      const options = { touchesEnrollments: false, inputPrefix: 'input' };
      const group = await writeGroup(ctx, programId, options, () =>
        ctx.deps.clients.utility.createGroup(programId, { id, name }, { requestId: ctx.requestId }),
      );
      return groupEntry(programId, group);
    });
  }

  @Mutation(() => Group, { description: 'PATCH /v1/programs/{programId}/groups/{id} with a new name.' })
  renameGroup(
    @Arg('programId', () => ID) programId: string,
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupEntry> {
    return audited(ctx, 'renameGroup', { programId, targetIds: [id] }, async () => {
      checkGroupFields(ctx, { programId, id, name }, ARGUMENT_PATHS).throwIfAny('The group was not renamed');
      // Sites embed their groups' names: the program's enrollments are stale too.
      const options = { touchesEnrollments: true, inputPrefix: '' };
      const group = await writeGroup(ctx, programId, options, () =>
        ctx.deps.clients.utility.updateGroup(programId, id, { name }, { requestId: ctx.requestId }),
      );
      return groupEntry(programId, group);
    });
  }

  @Mutation(() => Boolean, {
    description:
      'DELETE /v1/programs/{programId}/groups/{id}: member sites lose the group and stay enrolled; NOT_FOUND when unknown.',
  })
  deleteGroup(
    @Arg('programId', () => ID) programId: string,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return audited(ctx, 'deleteGroup', { programId, targetIds: [id] }, async () => {
      checkGroupFields(ctx, { programId, id }, ARGUMENT_PATHS).throwIfAny('The group was not deleted');
      await writeGroup(ctx, programId, { touchesEnrollments: true, inputPrefix: '' }, () =>
        ctx.deps.clients.utility.deleteGroup(programId, id, { requestId: ctx.requestId }),
      );
      return true;
    });
  }

  @Mutation(() => BulkEnrollmentResult, {
    description: "Adds the group to the sites of these enrollments, keeping each site's other groups.",
  })
  addEnrollmentsToGroup(
    @Arg('programId', () => ID) programId: string,
    @Arg('groupId', () => ID) groupId: string,
    @Arg('enrollmentIds', () => [ID], { description: 'At most 1000; repeats are applied and reported once.' })
    enrollmentIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkEnrollmentResult> {
    return membership(ctx, 'add', { programId, groupId, enrollmentIds });
  }

  @Mutation(() => BulkEnrollmentResult, {
    description: "Removes the group from the sites of these enrollments, keeping each site's other groups.",
  })
  removeEnrollmentsFromGroup(
    @Arg('programId', () => ID) programId: string,
    @Arg('groupId', () => ID) groupId: string,
    @Arg('enrollmentIds', () => [ID], { description: 'At most 1000; repeats are applied and reported once.' })
    enrollmentIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkEnrollmentResult> {
    return membership(ctx, 'remove', { programId, groupId, enrollmentIds });
  }
}

function membership(
  ctx: GraphQLContext,
  mode: MembershipChange,
  args: { programId: string; groupId: string; enrollmentIds: string[] },
): Promise<BulkEnrollmentResult> {
  const operation = mode === 'add' ? 'addEnrollmentsToGroup' : 'removeEnrollmentsFromGroup';
  const record = { programId: args.programId, targetIds: [args.groupId, ...args.enrollmentIds] };
  return audited(ctx, operation, record, (r) => changeMembership(ctx, { ...args, mode }, r));
}
