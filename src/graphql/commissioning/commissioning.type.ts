import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DeviceType } from '../../flip/index.js';
import { DeviceTypeEnum } from '../enums.js';

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
}
