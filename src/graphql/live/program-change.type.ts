import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ProgramChangeKind } from '../../live/index.js';
import { DateTimeScalar } from '../scalars.js';

export const ProgramChangeKindEnum = {
  ENROLLMENT_STATUS_CHANGED: 'ENROLLMENT_STATUS_CHANGED',
  ENROLLMENT_GROUPS_CHANGED: 'ENROLLMENT_GROUPS_CHANGED',
  ENROLLMENT_UPDATED: 'ENROLLMENT_UPDATED',
  GROUP_CREATED: 'GROUP_CREATED',
  GROUP_RENAMED: 'GROUP_RENAMED',
  GROUP_DELETED: 'GROUP_DELETED',
  EVENT_DISPATCHED: 'EVENT_DISPATCHED',
  EVENT_CANCELED: 'EVENT_CANCELED',
  SITE_COMMISSIONED: 'SITE_COMMISSIONED',
} as const satisfies Record<ProgramChangeKind, ProgramChangeKind>;

registerEnumType(ProgramChangeKindEnum, {
  name: 'ProgramChangeKind',
  description: 'What a write of this service changed in a program.',
  valuesConfig: {
    ENROLLMENT_STATUS_CHANGED: { description: 'An enrollment was approved, paused, rejected or unenrolled.' },
    ENROLLMENT_GROUPS_CHANGED: { description: 'Enrollments were added to or removed from a group.' },
    ENROLLMENT_UPDATED: { description: "An enrollment's status or groups were set by updateEnrollment(s)." },
    GROUP_CREATED: { description: 'A group was created.' },
    GROUP_RENAMED: { description: 'A group was renamed.' },
    GROUP_DELETED: { description: 'A group was deleted.' },
    EVENT_DISPATCHED: { description: 'An event was dispatched (its id is the first target id).' },
    EVENT_CANCELED: { description: 'An event was cancelled.' },
    SITE_COMMISSIONED: { description: 'A site was commissioned.' },
  },
});

@ObjectType({
  description:
    'One write of this service (any instance) that changed a program: what, which ids, who and when. Reads no upstream data.',
})
export class ProgramChange {
  @Field(() => ID, { description: 'The program that changed.' })
  programId!: string;

  @Field(() => ProgramChangeKindEnum, { description: 'What changed.' })
  kind!: ProgramChangeKind;

  @Field(() => String, { description: 'The mutation that made the change, e.g. `dispatchEvent`.' })
  operation!: string;

  @Field(() => [ID], { description: 'The enrollment, group or event ids the write named.' })
  targetIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The caller's id (`key:<hash>` or a JWT subject); null when auth is off.",
  })
  callerId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the write completed.' })
  at!: Date;
}
