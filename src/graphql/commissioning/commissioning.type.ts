import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DeviceType, EnrollmentFormFieldRecord } from '../../flip/index.js';
import { DeviceTypeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({ description: "One field of a program's enrollment form, to render as a form input." })
export class EnrollmentFormField {
  @Field(() => String, { description: 'The attribute name to send back, e.g. account_id.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The label to show, e.g. Utility Account Number; null when Flip gives none.',
  })
  label!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The input kind: boolean, number or string; null when Flip gives none.',
  })
  type!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Help text, may contain Markdown links; null when none.',
  })
  hint!: string | null;
}

@ObjectType({ description: 'A program a device could join (Cloud API GET /v1/programs).' })
export class EligibleProgram {
  @Field(() => ID, { description: "The program's id at Flip (a UUID)." })
  id!: string;

  @Field(() => String, { description: "The program's display name, e.g. Demo Program." })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "The program's description for homeowners; null when Flip gives none.",
  })
  description!: string | null;

  @Field(() => [DeviceTypeEnum], { description: 'The device types the program accepts.' })
  eligibleDeviceTypes!: DeviceType[];

  @Field(() => Boolean, {
    description: 'Whether commissioning may enroll a site without a homeowner action.',
  })
  canAutoEnroll!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'The lowest state of charge, 0-100 %, the program may take a battery to during events (e.g. 20); null when Flip gives none.',
  })
  minimumReservePercentage!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many months a site must stay enrolled; null when not currently known.',
  })
  minimumCommitmentMonths!: number | null;

  @Field(() => [Int], { description: 'Months of the year (1-12) the program runs.' })
  participationMonths!: number[];

  @Field(() => Int, {
    nullable: true,
    description:
      "Estimated one-time upfront earnings for the site, in the program's currency units as Flip gives them (e.g. 1000); null when Flip gives none.",
  })
  earningsForSiteUpfront!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Estimated yearly recurring earnings for the site, in the program's currency units as Flip gives them (e.g. 500); null when Flip gives none.",
  })
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

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip created the program; null when Flip has none.',
  })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip last changed the program; null when Flip has none.',
  })
  updatedAt!: Date | null;
}
