import { Field, ID, ObjectType } from 'type-graphql';
import type { CloudProgramRecord, EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';
import { EligibleProgram } from './commissioning.type.js';

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
}
