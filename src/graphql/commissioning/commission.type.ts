import { Field, ID, ObjectType } from 'type-graphql';
import type { CloudProgramRecord, CommissionEnrollmentRecord, EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { EligibleProgram } from './commissioning.type.js';

@ObjectType({
  description: "The enrollment commissioning created (Cloud API Enrollment, the Cloud API's words).",
})
export class CommissionEnrollment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  programId!: string | null;

  @Field(() => ID, { nullable: true, description: "The OEM's site id." })
  siteId!: string | null;

  @Field(() => [ID])
  deviceIds!: string[];

  @Field(() => String, { nullable: true, description: 'AUTO_ENROLL or USER_ACTION, as Flip says it.' })
  enrollMethod!: string | null;

  @Field(() => EnrollmentStatusEnum)
  status!: EnrollmentStatus;

  @Field(() => String, { nullable: true })
  statusReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  enrolledAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  unenrolledAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  hasAgreedToTermsAndConditions!: boolean | null;

  @Field(() => String, { nullable: true })
  termsAndConditionsVersion!: string | null;
}

@ObjectType({
  description: "Commissioning's answer: the programs the site is eligible for, and its enrollment if any.",
})
export class CommissionResult {
  @Field(() => [EligibleProgram])
  programs!: CloudProgramRecord[];

  @Field(() => ID, { nullable: true, description: 'Set when the site was auto-enrolled.' })
  enrollmentId!: string | null;

  @Field(() => EnrollmentStatusEnum, { nullable: true })
  enrollmentStatus!: EnrollmentStatus | null;

  @Field(() => CommissionEnrollment, {
    nullable: true,
    description: 'The whole enrollment when the site was enrolled; null otherwise.',
  })
  enrollment!: CommissionEnrollmentRecord | null;
}
