import { Field, ID, InputType, Int } from 'type-graphql';
import type { ActionMode, PowerMode, TargetType } from '../../flip/records.js';
import { ActionModeEnum, EventTargetTypeEnum, PowerModeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@InputType({ description: 'One step of an event to dispatch; validated before anything is sent.' })
export class EventActionInput {
  @Field(() => ActionModeEnum)
  mode!: ActionMode;

  @Field(() => DateTimeScalar, {
    description: 'Not in the past (a grace of DISPATCH_START_GRACE_S applies).',
  })
  startsAt!: Date;

  @Field(() => Int, { description: 'Seconds, more than 0 and at most DISPATCH_MAX_DURATION_S.' })
  durationS!: number;

  @Field(() => PowerModeEnum, { nullable: true, description: 'Only for CHARGE and DISCHARGE.' })
  powerMode?: PowerMode | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Watts, more than 0; required with, and only with, SETPOINT.',
  })
  setpointW?: number | null;

  @Field(() => Int, { nullable: true, description: '0-100.' })
  backupReservePercentage?: number | null;

  @Field(() => Boolean, { nullable: true })
  enableGridImport?: boolean | null;
}

@InputType({ description: 'An event to dispatch (or preview): a program, its targets and the actions.' })
export class DispatchEventInput {
  @Field(() => ID, { description: 'A configured program.' })
  programId!: string;

  @Field(() => EventTargetTypeEnum)
  targetType!: TargetType;

  @Field(() => [ID], {
    description:
      "Of the kind targetType names, all in the program: its device ids, site ids or group ids, or for PROGRAM the program's own id.",
  })
  targetIds!: string[];

  @Field(() => [EventActionInput], { description: 'At least one.' })
  actions!: EventActionInput[];
}
