import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import type { EnrollmentEntry, GroupEntry, SiteEntry } from '../../loaders/index.js';
import { EnrollmentConnection, type Connection } from '../connection.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { derivedFrom, keyOf } from '../derived.js';
import { filterEnrollments, pageOfEnrollments, parseEnrollmentPage } from '../enrollment/enrollment-query.js';
import { EnrollmentFilter, EnrollmentPageArgs } from '../enrollment/enrollment.inputs.js';
import { Enrollment } from '../enrollment/enrollment.type.js';
import { eventsOf } from '../event/event-status.js';
import { Event, EventStatusEnum, type EventStatus } from '../event/event.type.js';
import { Group } from '../group/group.type.js';
import { Site } from '../site/site.type.js';
import { computeFleetStats } from '../stats/fleet-stats.js';
import { FleetStats } from '../stats/stats.type.js';
import { Program } from './program.type.js';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => [Program], {
    description: "The utility's programs (configured: the Utility API has no list-programs endpoint).",
  })
  programs(@Ctx() ctx: GraphQLContext): ProgramConfig[] {
    return ctx.deps.programs;
  }

  @Query(() => Program, { nullable: true, description: 'null when the id is not a configured program.' })
  program(
    @Arg('id', () => ID, { description: 'The program id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): ProgramConfig | null {
    return configuredProgram(ctx, id);
  }

  @FieldResolver(() => EnrollmentConnection, {
    nullable: true,
    description:
      "The program's enrollments, filtered, ordered and paged. null (with an error) when Flip failed.",
  })
  async enrollments(
    @Root() program: ProgramConfig,
    @Args(() => EnrollmentPageArgs) args: EnrollmentPageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<EnrollmentEntry>> {
    const request = parseEnrollmentPage(args, ctx.deps.config, `program:${program.id}`);
    const index = await ctx.loaders.programIndex(program.id);
    return pageOfEnrollments(index.enrollments, request);
  }

  @FieldResolver(() => Enrollment, {
    nullable: true,
    description: 'One enrollment of this program; null when absent.',
  })
  async enrollment(
    @Root() program: ProgramConfig,
    @Arg('id', () => ID, { description: "Flip's enrollment id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentEntry | null> {
    return (await ctx.loaders.programIndex(program.id)).enrollmentById.get(id) ?? null;
  }

  @FieldResolver(() => Site, {
    nullable: true,
    description: "One site of this program by the OEM's site id.",
  })
  async site(
    @Root() program: ProgramConfig,
    @Arg('id', () => ID, { description: "The OEM's site id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SiteEntry | null> {
    return (await ctx.loaders.programIndex(program.id)).siteById.get(id) ?? null;
  }

  @FieldResolver(() => [Group], {
    nullable: true,
    description: "The program's groups (GET /v1/programs/{id}/groups).",
  })
  groups(@Root() program: ProgramConfig, @Ctx() ctx: GraphQLContext): Promise<GroupEntry[]> {
    return ctx.loaders.groups(program.id);
  }

  @FieldResolver(() => Group, { nullable: true, description: 'One group of this program; null when absent.' })
  group(
    @Root() program: ProgramConfig,
    @Arg('id', () => ID, { description: "The group's id in this program." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupEntry | null> {
    return ctx.loaders.group(program.id, id);
  }

  @FieldResolver(() => [Event], { nullable: true, description: "The program's events, newest first." })
  async events(
    @Root() program: ProgramConfig,
    @Arg('status', () => [EventStatusEnum], {
      nullable: true,
      description: 'Any of these statuses; all when absent or [].',
    })
    status: EventStatus[] | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ) {
    return eventsOf(await ctx.loaders.events(), { programId: program.id, status, now: ctx.now });
  }

  @FieldResolver(() => FleetStats, {
    nullable: true,
    description: "Counts and sums over the program's enrollments, optionally over those matching a filter.",
  })
  async stats(
    @Root() program: ProgramConfig,
    @Arg('filter', () => EnrollmentFilter, {
      nullable: true,
      description: 'Only enrollments matching it; all when absent.',
    })
    filter: EnrollmentFilter | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FleetStats> {
    const index = await ctx.loaders.programIndex(program.id);
    // Once per cached index and filter (derived.ts), not per request.
    return derivedFrom(index.enrollments, `stats ${keyOf(filter)}`, () =>
      computeFleetStats(filterEnrollments(index.enrollments, filter)),
    );
  }
}
