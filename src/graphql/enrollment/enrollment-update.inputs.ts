import { Field, ID, InputType } from 'type-graphql';
import type { EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';

@InputType({
  description: 'PATCH /v1/enrollments/{id}: only the given fields are sent; at least one is needed.',
})
export class UpdateEnrollmentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => EnrollmentStatusEnum, { nullable: true })
  status?: EnrollmentStatus | null;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  statusReason?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Replaces the site's groups; [] removes all. Each must be a group of the enrollment's program.",
  })
  groupIds?: string[] | null;
}
