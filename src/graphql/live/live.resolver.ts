import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { ServiceError } from '../../errors.js';
import type { TelemetryPointRecord } from '../../flip/index.js';
import type { ProgramChangeRecord } from '../../live/index.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { TelemetryPoint } from '../telemetry/telemetry.type.js';
import { eventProgressStream } from './event-progress.js';
import { EventProgress } from './event-progress.type.js';
import { ProgramChange } from './program-change.type.js';

/** deviceIds of one deviceTelemetry subscription: the poll asks Flip for the union of them. */
const MAX_DEVICE_IDS = 1_000;

interface ProgramArgs {
  programId: string;
  deviceIds?: string[] | null;
}

/** Subscriptions (issue 15): the live/ hub does the work; these pick the stream and check scope. */
@Resolver()
export class LiveResolver {
  @Subscription(() => TelemetryPoint, {
    description:
      "One message per device reading as Flip's telemetry.published webhooks arrive (without webhooks: one POST /v1/telemetry/latest per program per TELEMETRY_POLL_S, shared by every subscriber). The latest known reading of each device comes first. NOT_FOUND for a program that is not configured.",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, ProgramArgs, GraphQLContext>) => {
      requireProgram(context, args.programId);
      const deviceIds = args.deviceIds ?? null;
      if (deviceIds !== null && deviceIds.length > MAX_DEVICE_IDS) {
        throw new ServiceError('BAD_USER_INPUT', `deviceIds takes at most ${MAX_DEVICE_IDS} ids.`, {
          fieldPaths: ['deviceIds'],
        });
      }
      return context.deps.live.telemetry(args.programId, deviceIds, { onOverflow: context.onSlowConsumer });
    },
  })
  deviceTelemetry(
    @Root() point: TelemetryPointRecord,
    @Arg('programId', () => ID, { description: 'A configured program.' }) _programId: string,
    @Arg('deviceIds', () => [ID], {
      nullable: true,
      description: `Only these devices (at most ${MAX_DEVICE_IDS}); every device of the program when absent.`,
    })
    _deviceIds: string[] | null,
  ): TelemetryPointRecord {
    return point;
  }

  @Subscription(() => EventProgress, {
    description:
      "The event's status and performance: the current state first, then each change, pushed when a telemetry.published webhook, a poll of GET /v1/events/{id}/sites (every TELEMETRY_POLL_S) or a write of this service (any instance) changes them. NOT_FOUND for an event outside the configured programs.",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { id: string }, GraphQLContext>) =>
      eventProgressStream(context, args.id),
  })
  eventProgress(
    @Root() progress: EventProgress,
    @Arg('id', () => ID, { description: 'The event.' }) _id: string,
  ): EventProgress {
    return progress;
  }

  @Subscription(() => ProgramChange, {
    description:
      'Writes of this service that changed the program, from whichever instance made them: enrollment status or groups, groups created/renamed/deleted, events dispatched or cancelled, sites commissioned. NOT_FOUND for a program that is not configured.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, ProgramArgs, GraphQLContext>) => {
      requireProgram(context, args.programId);
      return context.deps.live.programChanges(args.programId, { onOverflow: context.onSlowConsumer });
    },
  })
  programChanges(
    @Root() change: ProgramChangeRecord,
    @Arg('programId', () => ID, { description: 'A configured program.' }) _programId: string,
  ): ProgramChangeRecord {
    return change;
  }
}

function requireProgram(ctx: GraphQLContext, programId: string): void {
  if (!configuredProgram(ctx, programId)) {
    throw new ServiceError('NOT_FOUND', `Program ${programId} is not a configured program (FLIP_PROGRAMS).`);
  }
}
