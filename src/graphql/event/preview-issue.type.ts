import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MAX_ISSUE_IDS, type PreviewIssueCode } from '../../writes/index.js';

export const PreviewIssueCodeEnum: { [K in PreviewIssueCode]: K } = {
  ENROLLMENTS_NOT_ACTIVE: 'ENROLLMENTS_NOT_ACTIVE',
  EV_CHARGERS_LEFT_OUT: 'EV_CHARGERS_LEFT_OUT',
  NO_ACTIVE_BATTERY: 'NO_ACTIVE_BATTERY',
  DEVICES_IN_OVERLAPPING_EVENTS: 'DEVICES_IN_OVERLAPPING_EVENTS',
};
registerEnumType(PreviewIssueCodeEnum, {
  name: 'PreviewIssueCode',
  description: 'What a preview issue is about; its ids are enrollment or device ids as each value says.',
  valuesConfig: {
    ENROLLMENTS_NOT_ACTIVE: {
      description:
        'Targeted enrollments not ACTIVE: their devices are left out of power and energy. ids: enrollments.',
    },
    EV_CHARGERS_LEFT_OUT: {
      description: 'Targeted EV chargers, left out of dispatchable power and energy. ids: devices.',
    },
    NO_ACTIVE_BATTERY: {
      description:
        'No targeted battery is in an ACTIVE enrollment: the event moves no battery power. ids: the batteries reached (may be none).',
    },
    DEVICES_IN_OVERLAPPING_EVENTS: {
      description:
        'Targeted devices already in another non-cancelled event of the program overlapping in time. ids: devices.',
    },
  },
});

@ObjectType({ description: 'One thing a dispatcher should know before dispatching, for a UI table.' })
export class PreviewIssue {
  @Field(() => PreviewIssueCodeEnum, { description: 'What the issue is about (stable, for programs).' })
  code!: PreviewIssueCode;

  @Field(() => String, { description: 'The same sentence as in warnings, for people.' })
  message!: string;

  @Field(() => Int, { description: 'How many enrollments or devices (see code) the issue concerns.' })
  count!: number;

  @Field(() => [ID], {
    description: `The first ${MAX_ISSUE_IDS} of those ids, in target order; count says how many there are.`,
  })
  ids!: string[];
}
