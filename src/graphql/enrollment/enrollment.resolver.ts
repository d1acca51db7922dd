import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import {
  toDeviceEntries,
  toSiteEntry,
  type DeviceEntry,
  type EnrollmentEntry,
  type GroupEntry,
  type SiteEntry,
} from '../../loaders/index.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { Device } from '../device/device.type.js';
import { Group } from '../group/group.type.js';
import { Program } from '../program/program.type.js';
import { Site } from '../site/site.type.js';
import { Enrollment } from './enrollment.type.js';

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Query(() => Enrollment, {
    nullable: true,
    description: 'null when no such enrollment exists in the configured programs.',
  })
  enrollment(
    @Arg('id', () => ID, { description: "Flip's enrollment id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentEntry | null> {
    return ctx.loaders.enrollment(id);
  }

  @FieldResolver(() => Program, {
    nullable: true,
    description: 'null only when the enrollment was fetched by id and belongs to no configured program.',
  })
  async program(
    @Root() enrollment: EnrollmentEntry,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProgramConfig | null> {
    const programId = enrollment.programId ?? (await ctx.loaders.programIdOfEnrollment(enrollment.id));
    return programId === null ? null : configuredProgram(ctx, programId);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description:
      "The id of the enrollment's program (as program { id }); with id, the subgraph's second Enrollment key. null when program is.",
  })
  async programId(@Root() enrollment: EnrollmentEntry, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return (await this.program(enrollment, ctx))?.id ?? null;
  }

  @FieldResolver(() => Site, { description: 'The enrolled site (embedded in the enrollment by Flip).' })
  site(@Root() enrollment: EnrollmentEntry): SiteEntry {
    return toSiteEntry(enrollment);
  }

  @FieldResolver(() => [Group], {
    description:
      "The site's groups in this enrollment's program ([] when the enrollment is in no configured program).",
  })
  async groups(@Root() enrollment: EnrollmentEntry, @Ctx() ctx: GraphQLContext): Promise<GroupEntry[]> {
    const programId = enrollment.programId ?? (await ctx.loaders.programIdOfEnrollment(enrollment.id));
    if (programId === null) return [];
    return enrollment.site.groups.map((g) => ({ id: g.id, name: g.name, programId }));
  }

  @FieldResolver(() => [Device], { description: 'The devices enrolled with the site; [] when none.' })
  devices(@Root() enrollment: EnrollmentEntry): DeviceEntry[] {
    return toDeviceEntries(enrollment);
  }
}
