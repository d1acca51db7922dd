import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GroupEntry } from '../../loaders/index.js';
import type { GraphQLContext } from '../context.js';
import { BulkEnrollmentResult } from '../enrollment/bulk.type.js';
import { CreateGroupInput } from './group.inputs.js';
import { Group } from './group.type.js';

/** The groups endpoints (REFERENCE.md 1.3); the logic is in writes/groups.ts. */
@Resolver()
export class GroupMutationResolver {
  @Mutation(() => Group, {
    description: 'POST /v1/programs/{programId}/groups; CONFLICT when the id is taken.',
  })
  createGroup(
    @Arg('input', () => CreateGroupInput, { description: "The program, the new group's id and its name." })
    input: CreateGroupInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupEntry> {
    return ctx.deps.writes.groups.create(ctx, { programId: input.programId, id: input.id, name: input.name });
  }

  @Mutation(() => Group, { description: 'PATCH /v1/programs/{programId}/groups/{id} with a new name.' })
  renameGroup(
    @Arg('programId', () => ID, { description: "The group's program; a configured program." })
    programId: string,
    @Arg('id', () => ID, { description: "The group's id in that program." }) id: string,
    @Arg('name', () => String, { description: 'The new display name; not blank.' }) name: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupEntry> {
    return ctx.deps.writes.groups.rename(ctx, { programId, id, name });
  }

  @Mutation(() => Boolean, {
    description:
      'DELETE /v1/programs/{programId}/groups/{id}: member sites lose the group and stay enrolled; NOT_FOUND when unknown.',
  })
  deleteGroup(
    @Arg('programId', () => ID, { description: "The group's program; a configured program." })
    programId: string,
    @Arg('id', () => ID, { description: "The group's id in that program." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return ctx.deps.writes.groups.delete(ctx, { programId, id });
  }

  @Mutation(() => BulkEnrollmentResult, {
    description: "Adds the group to the sites of these enrollments, keeping each site's other groups.",
  })
  addEnrollmentsToGroup(
    @Arg('programId', () => ID, { description: "The group's program; a configured program." })
    programId: string,
    @Arg('groupId', () => ID, { description: "The group's id in that program." }) groupId: string,
    @Arg('enrollmentIds', () => [ID], { description: 'At most 1000; repeats are applied and reported once.' })
    enrollmentIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkEnrollmentResult> {
    return ctx.deps.writes.groups.changeMembership(ctx, 'add', { programId, groupId, enrollmentIds });
  }

  @Mutation(() => BulkEnrollmentResult, {
    description: "Removes the group from the sites of these enrollments, keeping each site's other groups.",
  })
  removeEnrollmentsFromGroup(
    @Arg('programId', () => ID, { description: "The group's program; a configured program." })
    programId: string,
    @Arg('groupId', () => ID, { description: "The group's id in that program." }) groupId: string,
    @Arg('enrollmentIds', () => [ID], { description: 'At most 1000; repeats are applied and reported once.' })
    enrollmentIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkEnrollmentResult> {
    return ctx.deps.writes.groups.changeMembership(ctx, 'remove', { programId, groupId, enrollmentIds });
  }
}
