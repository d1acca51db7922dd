import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { EnrollmentStatus } from '../../flip/index.js';
import type { EnrollmentEntry } from '../../loaders/index.js';
import type { GraphQLContext } from '../context.js';
import { EnrollmentStatusEnum } from '../enums.js';
import { BulkEnrollmentResult } from './bulk.type.js';
import { UpdateEnrollmentInput } from './enrollment-update.inputs.js';
import { Enrollment } from './enrollment.type.js';

/** Status and group changes (PATCH /v1/enrollments/{id}); the logic is in writes/enrollments.ts. */
@Resolver()
export class EnrollmentMutationResolver {
  @Mutation(() => Enrollment, { description: 'PATCH /v1/enrollments/{id} with the given fields only.' })
  updateEnrollment(
    @Arg('input', () => UpdateEnrollmentInput, { description: 'The enrollment and the fields to change.' })
    input: UpdateEnrollmentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentEntry> {
    return ctx.deps.writes.enrollments.update(ctx, {
      id: input.id,
      ...(input.status == null ? {} : { status: input.status }),
      ...(input.statusReason == null ? {} : { statusReason: input.statusReason }),
      ...(input.groupIds == null ? {} : { groupIds: input.groupIds }),
    });
  }

  @Mutation(() => Enrollment, { description: 'Sets status ACTIVE, with an optional reason.' })
  approveEnrollment(
    @Arg('id', () => ID, { description: "The enrollment to change (Flip's enrollment id)." }) id: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why, stored as statusReason (at most 500 characters).',
    })
    reason: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentEntry> {
    return setStatus(ctx, 'approveEnrollment', id, 'ACTIVE', reason);
  }

  @Mutation(() => Enrollment, { description: 'Sets status PAUSED, with an optional reason.' })
  pauseEnrollment(
    @Arg('id', () => ID, { description: "The enrollment to change (Flip's enrollment id)." }) id: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why, stored as statusReason (at most 500 characters).',
    })
    reason: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentEntry> {
    return setStatus(ctx, 'pauseEnrollment', id, 'PAUSED', reason);
  }

  @Mutation(() => Enrollment, { description: 'Sets status REJECTED, with an optional reason.' })
  rejectEnrollment(
    @Arg('id', () => ID, { description: "The enrollment to change (Flip's enrollment id)." }) id: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why, stored as statusReason (at most 500 characters).',
    })
    reason: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentEntry> {
    return setStatus(ctx, 'rejectEnrollment', id, 'REJECTED', reason);
  }

  @Mutation(() => Enrollment, { description: 'Sets status UNENROLLED, with an optional reason.' })
  unenrollEnrollment(
    @Arg('id', () => ID, { description: "The enrollment to change (Flip's enrollment id)." }) id: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why, stored as statusReason (at most 500 characters).',
    })
    reason: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentEntry> {
    return setStatus(ctx, 'unenrollEnrollment', id, 'UNENROLLED', reason);
  }

  @Mutation(() => BulkEnrollmentResult, {
    description:
      'One status change applied to many enrollments; every id is reported, none silently dropped.',
  })
  updateEnrollments(
    @Arg('ids', () => [ID], { description: 'At most 1000; a repeated id is applied and reported once.' })
    ids: string[],
    @Arg('status', () => EnrollmentStatusEnum, {
      description:
        'The status to set on every enrollment; each must allow the transition (else it is listed in failed).',
    })
    status: EnrollmentStatus,
    @Arg('statusReason', () => String, {
      nullable: true,
      description: 'Why, stored as statusReason on every enrollment (at most 500 characters).',
    })
    statusReason: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BulkEnrollmentResult> {
    const patch = { status, ...(statusReason == null ? {} : { statusReason }) };
    return ctx.deps.writes.enrollments.updateMany(ctx, ids, patch);
  }
}

function setStatus(
  ctx: GraphQLContext,
  operation: string,
  id: string,
  status: EnrollmentStatus,
  reason: string | null | undefined,
): Promise<EnrollmentEntry> {
  const change = { id, status, ...(reason == null ? {} : { statusReason: reason }) };
  return ctx.deps.writes.enrollments.setStatus(ctx, operation, change);
}
