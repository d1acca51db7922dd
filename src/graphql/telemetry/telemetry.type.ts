import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ActionMode } from '../../flip/index.js';
import { ActionModeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({
  description: "One interval of a device's telemetry; metrics are null while the device is offline.",
})
export class TelemetryPoint {
  @Field(() => ID)
  deviceId!: string;

  @Field(() => DateTimeScalar)
  startTime!: Date;

  @Field(() => Int)
  durationS!: number;

  @Field(() => Float, { nullable: true })
  batteryStateOfChargePercentage!: number | null;

  @Field(() => Float, { nullable: true, description: "Flip's battery_last_backup_reserve_percentage." })
  batteryBackupReservePercentage!: number | null;

  @Field(() => Float, { nullable: true })
  batteryPowerChargeW!: number | null;

  @Field(() => Float, { nullable: true })
  batteryPowerDischargeW!: number | null;

  @Field(() => Float, { nullable: true })
  batteryTotalEnergyChargeWh!: number | null;

  @Field(() => Float, { nullable: true })
  batteryTotalEnergyDischargeWh!: number | null;

  @Field(() => Float, { nullable: true })
  gridPowerW!: number | null;

  @Field(() => Float, { nullable: true })
  gridTotalEnergyWh!: number | null;

  @Field(() => Float, { nullable: true })
  homePowerW!: number | null;

  @Field(() => Float, { nullable: true })
  homeTotalEnergyWh!: number | null;

  @Field(() => Float, { nullable: true })
  solarPowerW!: number | null;

  @Field(() => Float, { nullable: true })
  solarTotalEnergyWh!: number | null;

  @Field(() => Boolean, { nullable: true, description: "Flip's last_is_online." })
  isOnline!: boolean | null;

  @Field(() => ActionModeEnum, { nullable: true, description: "Flip's last_mode." })
  mode!: ActionMode | null;
}
