import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ActionMode, EventSiteRecord, PowerMode, TargetType } from '../../flip/index.js';
import { ActionModeEnum, EventTargetTypeEnum, PowerModeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

export type EventStatus = 'UPCOMING' | 'ACTIVE' | 'COMPLETED';
export const EventStatusEnum = { UPCOMING: 'UPCOMING', ACTIVE: 'ACTIVE', COMPLETED: 'COMPLETED' } as const;
registerEnumType(EventStatusEnum, {
  name: 'EventStatus',
  description: "Derived from now against the event's start and end (the Utility API has no event status).",
  valuesConfig: {
    UPCOMING: { description: 'now is before startsAt.' },
    ACTIVE: { description: 'Started and not yet ended; an event without an end stays ACTIVE.' },
    COMPLETED: { description: 'now is at or after endsAt.' },
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
