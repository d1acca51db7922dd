import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import type { TelemetryPointRecord } from '../../flip/index.js';
import { toSiteEntry, type DeviceEntry, type SiteEntry } from '../../loaders/index.js';
import type { GraphQLContext } from '../context.js';
import { Program } from '../program/program.type.js';
import { enrollmentOf, programIdOf, programOf } from '../scope.js';
import { Site } from '../site/site.type.js';
import { TelemetryWindowArgs, validateTelemetryWindow } from '../telemetry/telemetry.inputs.js';
import { TelemetryPoint } from '../telemetry/telemetry.type.js';
import { asInputError } from '../../writes/index.js';
import { Device } from './device.type.js';

/** Flip's names of the telemetry window's fields -> the arguments of Device.telemetry. */
const WINDOW_FIELDS: Readonly<Record<string, string>> = { start_time: 'from', end_time: 'to' };

@Resolver(() => Device)
export class DeviceResolver {
  @Query(() => Device, {
    nullable: true,
    description: 'A device by id, searched across the configured programs; null when absent.',
  })
  device(
    @Arg('id', () => ID, { description: "The OEM's device id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeviceEntry | null> {
    return ctx.loaders.device(id);
  }

  @FieldResolver(() => Site, { description: 'The site the device is installed at.' })
  async site(@Root() device: DeviceEntry, @Ctx() ctx: GraphQLContext): Promise<SiteEntry> {
    const enrollment = await enrollmentOf(ctx, device);
    if (!enrollment) throw new Error(`device ${device.id} lost its enrollment ${device.enrollmentId}`);
    return toSiteEntry(enrollment);
  }

  @FieldResolver(() => Program, {
    nullable: true,
    description: 'The program this device was reached through.',
    deprecationReason:
      'Depends on the path to the device when its site is in several programs; use site { enrollments { program } }.',
  })
  program(@Root() device: DeviceEntry, @Ctx() ctx: GraphQLContext): Promise<ProgramConfig | null> {
    return programOf(ctx, device);
  }

  @FieldResolver(() => TelemetryPoint, {
    nullable: true,
    description:
      "The device's newest point (POST /v1/telemetry/latest, batched per program); null when none.",
  })
  async latestTelemetry(
    @Root() device: DeviceEntry,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TelemetryPointRecord | null> {
    const programId = await programIdOf(ctx, device);
    return programId === null ? null : ctx.loaders.latestTelemetry(programId, device.id);
  }

  @FieldResolver(() => [TelemetryPoint], {
    nullable: true,
    description: "The device's points in the window, oldest first (POST /v1/telemetry/historical, batched).",
  })
  async telemetry(
    @Root() device: DeviceEntry,
    @Args(() => TelemetryWindowArgs) args: TelemetryWindowArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TelemetryPointRecord[] | null> {
    const window = validateTelemetryWindow(args);
    const programId = await programIdOf(ctx, device);
    if (programId === null) return null;
    try {
      return await ctx.loaders.telemetry(programId, device.id, window);
    } catch (error) {
      // Flip names its body's fields (a window beyond 7 days: `end_time`); the caller wrote these.
      throw asInputError(error, '', { rename: WINDOW_FIELDS, isInputPath: (p) => p in WINDOW_FIELDS });
    }
  }
}
