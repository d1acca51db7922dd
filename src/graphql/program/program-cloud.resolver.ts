import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import type { CloudProgramRecord, DeviceType } from '../../flip/index.js';
import { EligibleProgram } from '../commissioning/commissioning.type.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { DeviceTypeEnum } from '../enums.js';
import { Program } from './program.type.js';

const UNKNOWN = 'null when the Cloud API is not configured, does not list the program, or does not say.';

/** Program's Cloud API fields: one GET /v1/programs per device type per request, when asked. */
@Resolver(() => Program)
export class ProgramCloudResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: `The Cloud API's description of the program; ${UNKNOWN}`,
  })
  description(@Root() program: ProgramConfig, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return cloudField(ctx, program, (p) => p.description);
  }

  @FieldResolver(() => [DeviceTypeEnum], {
    nullable: true,
    description: `Device types the program accepts; ${UNKNOWN}`,
  })
  eligibleDeviceTypes(
    @Root() program: ProgramConfig,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeviceType[] | null> {
    return cloudField(ctx, program, (p) => p.eligibleDeviceTypes);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `Lowest battery reserve the program keeps during events, in percent (0-100); ${UNKNOWN}`,
  })
  minimumReservePercentage(
    @Root() program: ProgramConfig,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number | null> {
    return cloudField(ctx, program, (p) => p.minimumReservePercentage);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `Months a site commits to stay enrolled; ${UNKNOWN}`,
  })
  minimumCommitmentMonths(
    @Root() program: ProgramConfig,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number | null> {
    return cloudField(ctx, program, (p) => p.minimumCommitmentMonths);
  }

  @FieldResolver(() => [Int], {
    nullable: true,
    description: `Months of the year (1-12) the program runs; ${UNKNOWN}`,
  })
  participationMonths(@Root() program: ProgramConfig, @Ctx() ctx: GraphQLContext): Promise<number[] | null> {
    return cloudField(ctx, program, (p) => p.participationMonths);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `What a site earns on enrolling, in the program's currency units as Flip states them (e.g. 1000); ${UNKNOWN}`,
  })
  earningsForSiteUpfront(@Root() program: ProgramConfig, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return cloudField(ctx, program, (p) => p.earningsForSiteUpfront);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `What a site earns per year of participation, in the same units as earningsForSiteUpfront; ${UNKNOWN}`,
  })
  earningsForSiteYearly(@Root() program: ProgramConfig, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return cloudField(ctx, program, (p) => p.earningsForSiteYearly);
  }
}

async function cloudField<T>(
  ctx: GraphQLContext,
  program: ProgramConfig,
  pick: (p: CloudProgramRecord) => T,
): Promise<T | null> {
  const record = await ctx.loaders.cloudProgram(program.id);
  return record === null ? null : pick(record);
}

/** Links a Cloud API program to the configured program of the same id. */
@Resolver(() => EligibleProgram)
export class EligibleProgramLinkResolver {
  @FieldResolver(() => Program, {
    nullable: true,
    description:
      'The configured program with this id (its enrollments, groups and events); null when this service is not configured for it.',
  })
  program(@Root() eligible: CloudProgramRecord, @Ctx() ctx: GraphQLContext): ProgramConfig | null {
    return configuredProgram(ctx, eligible.id);
  }
}
