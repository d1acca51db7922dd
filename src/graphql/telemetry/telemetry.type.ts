import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ActionMode } from '../../flip/index.js';
import { ActionModeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({
  description:
    "One interval of a device's telemetry (Flip's Utility API TelemetryPoint). Power fields are the interval's power in W, energy totals are the device's lifetime counters in Wh. Metrics are null while the device is offline and where the device does not report them (battery fields of an EV charger).",
})
export class TelemetryPoint {
  @Field(() => ID, { description: 'The device the point belongs to.' })
  deviceId!: string;

  @Field(() => DateTimeScalar, { description: 'Start of the interval the point covers.' })
  startTime!: Date;

  @Field(() => Int, {
    description:
      'Length of the interval in seconds (typically 300: Flip asks OEMs to report at least every 5 minutes); the interval ends at startTime + durationS.',
  })
  durationS!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The battery's state of charge at the interval, 0-100 % of its capacity; null offline and for devices without a battery.",
  })
  batteryStateOfChargePercentage!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The backup reserve the battery last reported, 0-100 % of its capacity (Flip's battery_last_backup_reserve_percentage); null offline or when not reported.",
    deprecationReason:
      'Flip deprecated battery_last_backup_reserve_percentage in its telemetry ingest (Cloud API), so devices may stop reporting it.',
  })
  batteryBackupReservePercentage!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Power flowing into the battery in W, 0 or more (charging); discharge is reported apart in batteryPowerDischargeW. Null offline or without a battery.',
  })
  batteryPowerChargeW!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Power flowing out of the battery in W, 0 or more (discharging); charge is reported apart in batteryPowerChargeW. Null offline or without a battery.',
  })
  batteryPowerDischargeW!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lifetime energy charged into the battery in Wh, a counter that only grows; the difference between two points is the energy charged between them. Null offline or without a battery.',
  })
  batteryTotalEnergyChargeWh!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lifetime energy discharged from the battery in Wh, a counter that only grows. Null offline or without a battery.',
  })
  batteryTotalEnergyDischargeWh!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Net power at the site's grid connection in W: positive = importing from the grid, negative = exporting to it. Flip does not document the sign; this is the reading of grid = home - solar - battery discharge + battery charge, which the simulator follows. Null offline.",
  })
  gridPowerW!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Lifetime grid energy counter of the site in Wh (Flip does not say whether it counts import only or net). Null offline.',
  })
  gridTotalEnergyWh!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The home's consumption in W, 0 or more. Null offline.",
  })
  homePowerW!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lifetime energy consumed by the home in Wh, a counter that only grows. Null offline.',
  })
  homeTotalEnergyWh!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Solar production in W, 0 or more. Null offline or without solar.',
  })
  solarPowerW!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Lifetime solar production in Wh, a counter that only grows. Null offline or without solar.',
  })
  solarTotalEnergyWh!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the device was online in the interval (Flip's last_is_online); null when not reported.",
  })
  isOnline!: boolean | null;

  @Field(() => ActionModeEnum, {
    nullable: true,
    description:
      "The mode the device last reported (Flip's last_mode); null when not reported or a mode this schema does not know.",
  })
  mode!: ActionMode | null;
}
