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
  program(
    @Root() enrollment: EnrollmentEntry,
    @Ctx() ctx: GraphQLContext,
  ): ProgramConfig | null | Promise<ProgramConfig | null> {
    const programOf = (programId: string | null) =>
      programId === null ? null : configuredProgram(ctx, programId);
    // Synchronous when the entry knows its program (a page of a program's list): no promise per item.
    if (enrollment.programId != null) return programOf(enrollment.programId);
    return ctx.loaders.programIdOfEnrollment(enrollment.id).then(programOf);
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
  groups(
    @Root() enrollment: EnrollmentEntry,
    @Ctx() ctx: GraphQLContext,
  ): GroupEntry[] | Promise<GroupEntry[]> {
    const groupsIn = (programId: string | null): GroupEntry[] =>
      programId === null ? [] : enrollment.site.groups.map((g) => ({ id: g.id, name: g.name, programId }));
    // Synchronous when the entry knows its program: an async resolver would make graphql-js
    // complete every enrollment of a page through promises.
    if (enrollment.programId != null) return groupsIn(enrollment.programId);
    return ctx.loaders.programIdOfEnrollment(enrollment.id).then(groupsIn);
  }

  @FieldResolver(() => [Device], { description: 'The devices enrolled with the site; [] when none.' })
  devices(@Root() enrollment: EnrollmentEntry): DeviceEntry[] {
    return toDeviceEntries(enrollment);
  }
}
