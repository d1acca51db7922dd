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
  @Field(() => ActionModeEnum, { description: 'What the targeted batteries do during the action.' })
  mode!: ActionMode;

  @Field(() => DateTimeScalar, { description: 'When the action starts.' })
  startsAt!: Date;

  @Field(() => Int, {
    description: 'How long the action lasts, in seconds; it ends at startsAt + durationS.',
  })
  durationS!: number;

  @Field(() => PowerModeEnum, {
    nullable: true,
    description:
      'FOLLOW_LOAD or SETPOINT for CHARGE and DISCHARGE; null for other modes or when Flip gives none.',
  })
  powerMode!: PowerMode | null;

  @Field(() => String, {
    nullable: true,
    description:
      'How a setpoint is spread over devices (Flip shows EVEN; other values are passed through); null when Flip gives none.',
  })
  setpointMode!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The power to charge or discharge at, in W (a positive number; the direction is the mode's), used with powerMode SETPOINT; null when Flip gives none.",
  })
  setpointW!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The state of charge the battery keeps for backup during the action, 0-100 % of capacity; null when the action sets none.',
  })
  backupReservePercentage!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the battery may charge from the grid during the action; null when the action does not say.',
  })
  enableGridImport!: boolean | null;
}

/** A demand-response event; relations and the derived status are in event.resolver.ts. */
@ObjectType({ description: 'A demand-response event dispatched to devices, groups, a program or sites.' })
export class Event {
  @Field(() => ID, { description: "Flip's event id (a UUID)." })
  id!: string;

  @Field(() => ID, {
    description:
      'The program the event was dispatched in (also set when that program is not configured here, where program is null).',
  })
  programId!: string;

  @Field(() => EventTargetTypeEnum, { description: 'What kind of target targetIds name.' })
  targetType!: TargetType;

  @Field(() => [ID], { description: 'Ids of the targets, of the kind targetType names.' })
  targetIds!: string[];

  @Field(() => [EventAction], {
    description:
      "The event's steps, as Flip returns them (an action with a mode this schema does not know is left out).",
  })
  actions!: EventAction[];

  @Field(() => DateTimeScalar, { description: 'When the event starts.' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the event ends; null: open-ended, until the utility ends it.',
  })
  endsAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The event's length in seconds; null when open-ended." })
  durationS!: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip created the event; null when Flip has none.',
  })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip last changed the event; null when Flip has none.',
  })
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

@ObjectType({
  description:
    "A site's participation in an event and its measured performance (GET /v1/events/{id}/sites). Power and energy are what the site's batteries deliver in the actions' direction, as positive numbers (Flip does not document a sign).",
})
export class EventSiteParticipation {
  @Field(() => ID, { description: "The OEM's site id." })
  siteId!: string;

  @Field(() => Boolean, {
    description: 'Whether the site takes part (false, for example, when the homeowner opted out).',
  })
  isParticipating!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'The power Flip expects the site to deliver, in W; null when Flip gives none.',
  })
  expectedPowerW!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The power the site delivered, in W; null when Flip gives none (before the event starts).',
  })
  actualPowerW!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The energy Flip expects the site to deliver over the event, in Wh; null when Flip gives none.',
  })
  expectedEnergyWh!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The energy the site delivered so far, in Wh; null when Flip gives none (before the event starts).',
  })
  actualEnergyWh!: number | null;
}
