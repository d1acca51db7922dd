import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import type { DeviceEntry, EnrollmentEntry, GroupEntry, SiteEntry } from '../../loaders/index.js';
import type { GraphQLContext } from '../context.js';
import { Device } from '../device/device.type.js';
import { Enrollment } from '../enrollment/enrollment.type.js';
import { Group } from '../group/group.type.js';
import { Program } from '../program/program.type.js';
import { programOf } from '../scope.js';
import { devicesOfSite, enrollmentsOfSite, groupsOfSite } from './site-enrollments.js';
import { Site } from './site.type.js';

@Resolver(() => Site)
export class SiteResolver {
  @Query(() => Site, {
    nullable: true,
    description: "A site by the OEM's site id, searched across the configured programs; null when absent.",
  })
  site(
    @Arg('id', () => ID, { description: "The OEM's site id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SiteEntry | null> {
    return ctx.loaders.site(id);
  }

  @FieldResolver(() => [Group], {
    description:
      "The site's groups in every configured program it is enrolled in, each with its programId (the same whichever program the site was reached through).",
  })
  groups(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<GroupEntry[]> {
    return groupsOfSite(ctx, site.id);
  }

  @FieldResolver(() => [Device], {
    description: "The devices of the site's enrollments in every configured program, once each.",
  })
  devices(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<DeviceEntry[]> {
    return devicesOfSite(ctx, site.id);
  }

  @FieldResolver(() => [Enrollment], {
    description:
      "The site's enrollments in every configured program (configuration order); program-specific facts (status, groups, program) are on each enrollment.",
  })
  enrollments(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<EnrollmentEntry[]> {
    return enrollmentsOfSite(ctx, site.id);
  }

  @FieldResolver(() => Program, {
    nullable: true,
    description:
      'The program this site was reached through (Query.site: the first configured program listing it).',
    deprecationReason:
      'Depends on the path to the site when it is in several programs; use enrollments { program }.',
  })
  program(@Root() site: SiteEntry, @Ctx() ctx: GraphQLContext): Promise<ProgramConfig | null> {
    return programOf(ctx, site);
  }
}
