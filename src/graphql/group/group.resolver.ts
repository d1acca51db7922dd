import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import type { EnrollmentEntry, GroupEntry } from '../../loaders/index.js';
import { EnrollmentConnection, type Connection } from '../connection.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { filterEnrollments, pageOfEnrollments, parseEnrollmentPage } from '../enrollment/enrollment-query.js';
import { EnrollmentFilter, EnrollmentPageArgs } from '../enrollment/enrollment.inputs.js';
import { Program } from '../program/program.type.js';
import { computeFleetStats } from '../stats/fleet-stats.js';
import { FleetStats } from '../stats/stats.type.js';
import { Group } from './group.type.js';

@Resolver(() => Group)
export class GroupResolver {
  @FieldResolver(() => Program, { description: 'The program the group belongs to.' })
  program(@Root() group: GroupEntry, @Ctx() ctx: GraphQLContext): ProgramConfig {
    // Groups are only reached through configured programs; the fallback names an unconfigured one.
    return configuredProgram(ctx, group.programId) ?? { id: group.programId, name: group.programId };
  }

  @FieldResolver(() => EnrollmentConnection, {
    nullable: true,
    description:
      'Enrollments whose site is in this group, filtered, ordered and paged like Program.enrollments.',
  })
  async enrollments(
    @Root() group: GroupEntry,
    @Args(() => EnrollmentPageArgs) args: EnrollmentPageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<EnrollmentEntry>> {
    const request = parseEnrollmentPage(args, ctx.deps.config, `group:${group.programId}/${group.id}`);
    return pageOfEnrollments(await membersOf(group, ctx), request);
  }

  @FieldResolver(() => FleetStats, {
    nullable: true,
    description: "Counts and sums over the group's enrollments, optionally over those matching a filter.",
  })
  async stats(
    @Root() group: GroupEntry,
    @Arg('filter', () => EnrollmentFilter, {
      nullable: true,
      description: 'Only enrollments matching it; all when absent.',
    })
    filter: EnrollmentFilter | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FleetStats> {
    return computeFleetStats(filterEnrollments(await membersOf(group, ctx), filter));
  }
}

async function membersOf(group: GroupEntry, ctx: GraphQLContext): Promise<readonly EnrollmentEntry[]> {
  const index = await ctx.loaders.programIndex(group.programId);
  return index.enrollmentsByGroupId.get(group.id) ?? [];
}
