import { Field, ID, InputType } from 'type-graphql';
import type { EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';

@InputType({
  description: 'PATCH /v1/enrollments/{id}: only the given fields are sent; at least one is needed.',
})
export class UpdateEnrollmentInput {
  @Field(() => ID, { description: "The enrollment to change (Flip's enrollment id)." })
  id!: string;

  @Field(() => EnrollmentStatusEnum, {
    nullable: true,
    description:
      'The new status, if it changes; it must be a transition the service allows from the current status (else BAD_USER_INPUT).',
  })
  status?: EnrollmentStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the status changes, shown as statusReason; at most 500 characters.',
  })
  statusReason?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Replaces the site's groups; [] removes all. Each must be a group of the enrollment's program.",
  })
  groupIds?: string[] | null;
}
