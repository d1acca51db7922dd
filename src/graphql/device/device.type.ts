import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DeviceType } from '../../flip/index.js';
import { DeviceTypeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

/** A device at a site; relations and telemetry are in device.resolver.ts. */
@ObjectType({ description: 'A battery or EV charger at a site.' })
export class Device {
  @Field(() => ID)
  id!: string;

  @Field(() => DeviceTypeEnum)
  type!: DeviceType;

  @Field(() => String, { nullable: true })
  manufacturerName!: string | null;

  @Field(() => String, { nullable: true })
  productName!: string | null;

  @Field(() => String, { nullable: true })
  serialNumber!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Install or permission-to-operate date.' })
  installDate!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The manufacturer's rated capacity." })
  batteryCapacityWh!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rated charge power.' })
  batteryPowerInputW!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rated discharge power.' })
  batteryPowerOutputW!: number | null;

  @Field(() => Int, { nullable: true, description: 'Configured backup reserve (deprecated upstream).' })
  reservePercentage!: number | null;
}
