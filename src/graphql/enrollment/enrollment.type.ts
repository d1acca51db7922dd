import { Field, ID, ObjectType } from 'type-graphql';
import type { EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({ description: 'A program-specific answer given at enrollment (e.g. a utility account number).' })
export class ProgramSpecificAttribute {
  @Field(() => String, {
    description: "The attribute's name in the program's enrollment form, e.g. account_id.",
  })
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
  @Field(() => ID, { description: "Flip's enrollment id (a UUID), unique across programs." })
  id!: string;

  @Field(() => EnrollmentStatusEnum, { description: 'Where the enrollment stands in its program.' })
  status!: EnrollmentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the status was set, when Flip or an operator said; null otherwise.',
  })
  statusReason!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the site was enrolled; null until it is.',
  })
  enrolledAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the site left the program; null while it has not.',
  })
  unenrolledAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip created the enrollment; null when Flip has none.',
  })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip last changed the enrollment; null when Flip has none.',
  })
  updatedAt!: Date | null;

  @Field(() => [ProgramSpecificAttribute], {
    description: "The answers to the program's enrollment form; [] when none.",
  })
  programSpecificAttributes!: ProgramSpecificAttribute[];
}
