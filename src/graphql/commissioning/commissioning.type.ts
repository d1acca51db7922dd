import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DeviceType, EnrollmentFormFieldRecord } from '../../flip/index.js';
import { DeviceTypeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({ description: "One field of a program's enrollment form, to render as a form input." })
export class EnrollmentFormField {
  @Field(() => String, { description: 'The attribute name to send back, e.g. account_id.' })
  name!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => String, { nullable: true, description: 'boolean, number or string.' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Help text, may contain Markdown links.' })
  hint!: string | null;
}

@ObjectType({ description: 'A program a device could join (Cloud API GET /v1/programs).' })
export class EligibleProgram {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [DeviceTypeEnum])
  eligibleDeviceTypes!: DeviceType[];

  @Field(() => Boolean, {
    description: 'Whether commissioning may enroll a site without a homeowner action.',
  })
  canAutoEnroll!: boolean;

  @Field(() => Int, { nullable: true })
  minimumReservePercentage!: number | null;

  @Field(() => Int, { nullable: true })
  minimumCommitmentMonths!: number | null;

  @Field(() => [Int], { description: 'Months of the year (1-12) the program runs.' })
  participationMonths!: number[];

  @Field(() => Int, { nullable: true })
  earningsForSiteUpfront!: number | null;

  @Field(() => Int, { nullable: true })
  earningsForSiteYearly!: number | null;

  @Field(() => [EnrollmentFormField], { description: 'What the homeowner must provide to enroll.' })
  enrollmentForm!: EnrollmentFormFieldRecord[];

  @Field(() => String, {
    nullable: true,
    description: 'Current terms and conditions version, to send back on enrollment; not for display.',
  })
  termsAndConditionsVersion!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Current terms and conditions in Markdown, to show to the homeowner; null when none.',
  })
  termsAndConditionsText!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;
}
