import { Field, ID, InputType, Int } from 'type-graphql';
import type { ActionMode, PowerMode, TargetType } from '../../flip/records.js';
import { ActionModeEnum, EventTargetTypeEnum, PowerModeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@InputType({ description: 'One step of an event to dispatch; validated before anything is sent.' })
export class EventActionInput {
  @Field(() => ActionModeEnum, { description: 'What the targeted batteries do during the action.' })
  mode!: ActionMode;

  @Field(() => DateTimeScalar, {
    description: 'When the action starts; not in the past (a grace of DISPATCH_START_GRACE_S applies).',
  })
  startsAt!: Date;

  @Field(() => Int, {
    description: 'How long the action lasts in seconds, more than 0 and at most DISPATCH_MAX_DURATION_S.',
  })
  durationS!: number;

  @Field(() => PowerModeEnum, {
    nullable: true,
    description: 'How much power CHARGE or DISCHARGE moves; only for those modes; optional.',
  })
  powerMode?: PowerMode | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The power to charge or discharge at, in W (positive; the mode gives the direction), more than 0; required with, and only with, SETPOINT.',
  })
  setpointW?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The state of charge to keep for backup during the action, 0-100 % of capacity; optional.',
  })
  backupReservePercentage?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the battery may charge from the grid during the action; optional.',
  })
  enableGridImport?: boolean | null;
}

@InputType({ description: 'An event to dispatch (or preview): a program, its targets and the actions.' })
export class DispatchEventInput {
  @Field(() => ID, { description: 'The program to dispatch in; a configured program.' })
  programId!: string;

  @Field(() => EventTargetTypeEnum, { description: 'What kind of target targetIds name.' })
  targetType!: TargetType;

  @Field(() => [ID], {
    description:
      "Of the kind targetType names, all in the program: its device ids, site ids or group ids, or for PROGRAM the program's own id.",
  })
  targetIds!: string[];

  @Field(() => [EventActionInput], { description: "The event's steps; at least one." })
  actions!: EventActionInput[];
}
