import { Field, ID, ObjectType } from 'type-graphql';
import type { EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({ description: 'A program-specific answer given at enrollment (e.g. a utility account number).' })
export class ProgramSpecificAttribute {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The attribute\'s declared type, e.g. "boolean".' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'The value as text, whatever its declared type.' })
  value!: string | null;
}

/**
 * A site's enrollment in a program, with its site and devices (GET /v1/enrollments embeds both).
 * Relations (program, site, devices) are resolved in enrollment.resolver.ts.
 */
@ObjectType({ description: "A site's enrollment in a program, with the site and its devices." })
export class Enrollment {
  @Field(() => ID)
  id!: string;

  @Field(() => EnrollmentStatusEnum)
  status!: EnrollmentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the status was set, when Flip or an operator said.',
  })
  statusReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  enrolledAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  unenrolledAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => [ProgramSpecificAttribute])
  programSpecificAttributes!: ProgramSpecificAttribute[];
}
