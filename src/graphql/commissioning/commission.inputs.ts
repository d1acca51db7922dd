import { Field, ID, InputType, Int } from 'type-graphql';
import type { DeviceType } from '../../flip/index.js';
import { DeviceTypeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@InputType({ description: "The site to commission (the OEM's own site id) and its contact and address." })
export class CommissionSite {
  @Field(() => ID, { description: "The site's id in the OEM's system (e.g. abc-789)." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The homeowner's first name." })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "The homeowner's last name." })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Only for companies.' })
  companyName?: string | null;

  @Field(() => String, { nullable: true, description: "The customer's email address." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Two-letter US state code (or PR), e.g. CA.' })
  stateCode?: string | null;

  @Field(() => String, { nullable: true, description: 'City, e.g. San Francisco.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'US ZIP code: 12345 or 12345-6789.' })
  zipCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Street and number, e.g. 123 Main St.' })
  streetAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Second address line (unit, suite).' })
  streetAddress2?: string | null;
}

@InputType({ description: "A device of the site with its manufacturer's ratings." })
export class CommissionDevice {
  @Field(() => ID, { description: "The device's id in the OEM's system (e.g. xyz-123)." })
  id!: string;

  @Field(() => String, { description: 'Manufacturer, e.g. DeviceMaker.' })
  manufacturerName!: string;

  @Field(() => String, { description: 'Model name, e.g. Model 1.' })
  productName!: string;

  @Field(() => String, { description: "The manufacturer's serial number." })
  serialNumber!: string;

  @Field(() => DeviceTypeEnum, { description: 'BATTERY or EV_CHARGER.' })
  type!: DeviceType;

  @Field(() => Int, {
    description: "The manufacturer's rated battery capacity in Wh, more than 0 (e.g. 15000).",
  })
  batteryCapacityWh!: number;

  @Field(() => Int, { description: 'The rated charge power in W, more than 0 (e.g. 6000).' })
  batteryPowerInputW!: number;

  @Field(() => Int, { description: 'The rated discharge power in W, more than 0 (e.g. 7500).' })
  batteryPowerOutputW!: number;

  @Field(() => DateTimeScalar, {
    description:
      'Install (or permission-to-operate) date; not in the future. A date alone (2022-02-22, as the Cloud API example sends it) is accepted.',
  })
  installDate!: Date;
}

@InputType({ description: 'Cloud API POST /v1/commission.' })
export class CommissionSiteInput {
  @Field(() => CommissionSite, { description: 'The site: its id, contact and address.' })
  site!: CommissionSite;

  @Field(() => [CommissionDevice], { description: 'At least one; ids distinct.' })
  devices!: CommissionDevice[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Let Flip enroll the site in an eligible auto-enrolling program.',
  })
  canAutoEnroll?: boolean | null;
}
