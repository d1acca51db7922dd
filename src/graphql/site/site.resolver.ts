import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import {
  toDeviceEntries,
  type DeviceEntry,
  type EnrollmentEntry,
  type GroupEntry,
  type SiteEntry,
} from '../../loaders/index.js';
import type { GraphQLContext } from '../context.js';
import { Device } from '../device/device.type.js';
import { Enrollment } from '../enrollment/enrollment.type.js';
import { Group } from '../group/group.type.js';
import { Program } from '../program/program.type.js';
import { enrollmentOf, programIdOf, programOf } from '../scope.js';
import { Site } from './site.type.js';

@Resolver(() => Site)
export class SiteResolver {
  @Query(() => Site, {
    nullable: true,
    description: "A site by the OEM's site id, searched across the configured programs; null when absent.",
  })
  site(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SiteEntry | null> {
    return ctx.loaders.site(id);
  }

  @FieldResolver(() => [Group], {
    description: "The site's groups in its program ([] when its enrollment is in no configured program).",
  })
  async groups(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<GroupEntry[]> {
    const programId = await programIdOf(ctx, site);
    return programId === null ? [] : site.groups.map((g) => ({ id: g.id, name: g.name, programId }));
  }

  @FieldResolver(() => [Device], { description: "The site's devices in its program." })
  async devices(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<DeviceEntry[]> {
    if (site.programId === null) {
      const enrollment = await enrollmentOf(ctx, site);
      return enrollment ? toDeviceEntries(enrollment) : [];
    }
    return [...((await ctx.loaders.programIndex(site.programId)).devicesBySiteId.get(site.id) ?? [])];
  }

  @FieldResolver(() => [Enrollment], { description: "The site's enrollments in its program." })
  async enrollments(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<EnrollmentEntry[]> {
    if (site.programId === null) {
      const enrollment = await enrollmentOf(ctx, site);
      return enrollment ? [enrollment] : [];
    }
    return [...((await ctx.loaders.programIndex(site.programId)).enrollmentsBySiteId.get(site.id) ?? [])];
  }

  @FieldResolver(() => Program, {
    nullable: true,
    description:
      'The program this site was reached through (Query.site: the first configured program listing it).',
  })
  program(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<ProgramConfig | null> {
    return programOf(ctx, site);
  }
}
