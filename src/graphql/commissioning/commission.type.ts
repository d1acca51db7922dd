import { Field, ID, ObjectType } from 'type-graphql';
import type { CloudProgramRecord, CommissionEnrollmentRecord, EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { EligibleProgram } from './commissioning.type.js';

@ObjectType({
  description: "The enrollment commissioning created (Cloud API Enrollment, the Cloud API's words).",
})
export class CommissionEnrollment {
  @Field(() => ID, { description: "Flip's enrollment id (a UUID)." })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The program enrolled in; null when Flip gives none.' })
  programId!: string | null;

  @Field(() => ID, { nullable: true, description: "The OEM's site id." })
  siteId!: string | null;

  @Field(() => [ID], { description: "The OEM's ids of the enrolled devices." })
  deviceIds!: string[];

  @Field(() => String, { nullable: true, description: 'AUTO_ENROLL or USER_ACTION, as Flip says it.' })
  enrollMethod!: string | null;

  @Field(() => EnrollmentStatusEnum, {
    description: "The enrollment's status (new Cloud API enrollments start PENDING).",
  })
  status!: EnrollmentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why the status was set, when Flip says; null otherwise.',
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

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the homeowner agreed to the program's terms and conditions; null when the program has none or Flip does not say.",
  })
  hasAgreedToTermsAndConditions!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'The version of the terms agreed to (e.g. 2025-01-01); null when none.',
  })
  termsAndConditionsVersion!: string | null;
}

@ObjectType({
  description: "Commissioning's answer: the programs the site is eligible for, and its enrollment if any.",
})
export class CommissionResult {
  @Field(() => [EligibleProgram], { description: 'The programs the site is eligible for; [] when none.' })
  programs!: CloudProgramRecord[];

  @Field(() => ID, {
    nullable: true,
    description: 'The enrollment id when the site was auto-enrolled; null otherwise.',
  })
  enrollmentId!: string | null;

  @Field(() => EnrollmentStatusEnum, {
    nullable: true,
    description: 'The status of that enrollment; null when the site was not enrolled.',
  })
  enrollmentStatus!: EnrollmentStatus | null;

  @Field(() => CommissionEnrollment, {
    nullable: true,
    description: 'The whole enrollment when the site was enrolled; null otherwise.',
  })
  enrollment!: CommissionEnrollmentRecord | null;
}
