import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DeviceType } from '../../flip/index.js';
import { DeviceTypeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

/** A device at a site; relations and telemetry are in device.resolver.ts. */
@ObjectType({ description: 'A battery or EV charger at a site.' })
export class Device {
  @Field(() => ID, { description: "The OEM's device id (e.g. xyz-123)." })
  id!: string;

  @Field(() => DeviceTypeEnum, { description: 'BATTERY or EV_CHARGER.' })
  type!: DeviceType;

  @Field(() => String, {
    nullable: true,
    description: 'Manufacturer, e.g. DeviceMaker; null when Flip has none.',
  })
  manufacturerName!: string | null;

  @Field(() => String, { nullable: true, description: 'Model name, e.g. Model 1; null when Flip has none.' })
  productName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The manufacturer's serial number; null when Flip has none.",
  })
  serialNumber!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the device was installed, or got permission to operate from the utility if later; null when Flip has none.',
  })
  installDate!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip created the device record; null when Flip has none.',
  })
  createdAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When Flip last changed the device record; null when Flip has none.',
  })
  updatedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The manufacturer's rated battery capacity in Wh (e.g. 15000); null when not given (EV chargers).",
  })
  batteryCapacityWh!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The rated charge power in W (into the battery, e.g. 6000); null when not given.',
  })
  batteryPowerInputW!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The rated discharge power in W (out of the battery, e.g. 7500); null when not given.',
  })
  batteryPowerOutputW!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The configured backup reserve in percent of capacity (0-100), from Flip's device configuration.reserve_percentage; null when not configured.",
    deprecationReason:
      "Flip deprecated the device configuration (reserve_percentage): values are accepted but ignored. Use an action's backupReservePercentage.",
  })
  reservePercentage!: number | null;
}
