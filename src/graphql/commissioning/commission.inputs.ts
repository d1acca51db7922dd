import { Field, ID, InputType, Int } from 'type-graphql';
import type { DeviceType } from '../../flip/index.js';
import { DeviceTypeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@InputType({ description: "The site to commission (the OEM's own site id) and its contact and address." })
export class CommissionSite {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Only for companies.' })
  companyName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Two-letter US state code (or PR), e.g. CA.' })
  stateCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'US ZIP code: 12345 or 12345-6789.' })
  zipCode?: string | null;

  @Field(() => String, { nullable: true })
  streetAddress?: string | null;

  @Field(() => String, { nullable: true })
  streetAddress2?: string | null;
}

@InputType({ description: "A device of the site with its manufacturer's ratings." })
export class CommissionDevice {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  manufacturerName!: string;

  @Field(() => String)
  productName!: string;

  @Field(() => String)
  serialNumber!: string;

  @Field(() => DeviceTypeEnum)
  type!: DeviceType;

  @Field(() => Int, { description: 'More than 0.' })
  batteryCapacityWh!: number;

  @Field(() => Int, { description: 'More than 0.' })
  batteryPowerInputW!: number;

  @Field(() => Int, { description: 'More than 0.' })
  batteryPowerOutputW!: number;

  @Field(() => DateTimeScalar, {
    description:
      'Install (or permission-to-operate) date; not in the future. A date alone (2022-02-22, as the Cloud API example sends it) is accepted.',
  })
  installDate!: Date;
}

@InputType({ description: 'Cloud API POST /v1/commission.' })
export class CommissionSiteInput {
  @Field(() => CommissionSite)
  site!: CommissionSite;

  @Field(() => [CommissionDevice], { description: 'At least one; ids distinct.' })
  devices!: CommissionDevice[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Let Flip enroll the site in an eligible auto-enrolling program.',
  })
  canAutoEnroll?: boolean | null;
}
