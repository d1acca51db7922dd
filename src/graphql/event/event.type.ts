import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ActionMode, EventSiteRecord, PowerMode, TargetType } from '../../flip/index.js';
import { ActionModeEnum, EventTargetTypeEnum, PowerModeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

export type EventStatus = 'UPCOMING' | 'ACTIVE' | 'COMPLETED' | 'CANCELED';
export const EventStatusEnum = {
  UPCOMING: 'UPCOMING',
  ACTIVE: 'ACTIVE',
  COMPLETED: 'COMPLETED',
  CANCELED: 'CANCELED',
} as const;
registerEnumType(EventStatusEnum, {
  name: 'EventStatus',
  description:
    "Derived from now against the event's start and end (the Utility API has no event status), or CANCELED.",
  valuesConfig: {
    UPCOMING: { description: 'now is before startsAt.' },
    ACTIVE: { description: 'Started and not yet ended; an event without an end stays ACTIVE.' },
    COMPLETED: { description: 'now is at or after endsAt.' },
    CANCELED: { description: 'Cancelled through cancelEvent (see Event.canceledAt and canceledByCallerId).' },
  },
});

/** A participation row of GET /v1/events/{id}/sites, with the event's program for `site`. */
export interface EventSiteEntry extends EventSiteRecord {
  programId: string;
}

@ObjectType({ description: 'One step of an event: what the devices do, from when, for how long.' })
export class EventAction {
  @Field(() => ActionModeEnum)
  mode!: ActionMode;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => Int)
  durationS!: number;

  @Field(() => PowerModeEnum, { nullable: true })
  powerMode!: PowerMode | null;

  @Field(() => String, {
    nullable: true,
    description: 'How a setpoint is spread over devices (Flip shows EVEN).',
  })
  setpointMode!: string | null;

  @Field(() => Int, { nullable: true })
  setpointW!: number | null;

  @Field(() => Int, { nullable: true })
  backupReservePercentage!: number | null;

  @Field(() => Boolean, { nullable: true })
  enableGridImport!: boolean | null;
}

/** A demand-response event; relations and the derived status are in event.resolver.ts. */
@ObjectType({ description: 'A demand-response event dispatched to devices, groups, a program or sites.' })
export class Event {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programId!: string;

  @Field(() => EventTargetTypeEnum)
  targetType!: TargetType;

  @Field(() => [ID], { description: 'Ids of the targets, of the kind targetType names.' })
  targetIds!: string[];

  @Field(() => [EventAction])
  actions!: EventAction[];

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'null: open-ended, until the utility ends it.',
  })
  endsAt!: Date | null;

  @Field(() => Int, { nullable: true })
  durationS!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When cancelEvent cancelled it through this service; null when not cancelled.',
  })
  canceledAt?: Date | null;

  // Resolved from the entry's `canceledBy` (event.resolver.ts); Event.canceledBy is the audit
  // entry of the cancellation (issue 19, graphql/audit/).
  @Field(() => String, {
    nullable: true,
    description: 'The caller id that cancelled it; null when not cancelled or the caller was anonymous.',
  })
  canceledByCallerId?: string | null;
}

@ObjectType({ description: "A site's participation in an event and its measured performance." })
export class EventSiteParticipation {
  @Field(() => ID)
  siteId!: string;

  @Field(() => Boolean)
  isParticipating!: boolean;

  @Field(() => Float, { nullable: true })
  expectedPowerW!: number | null;

  @Field(() => Float, { nullable: true })
  actualPowerW!: number | null;

  @Field(() => Float, { nullable: true })
  expectedEnergyWh!: number | null;

  @Field(() => Float, { nullable: true })
  actualEnergyWh!: number | null;
}
