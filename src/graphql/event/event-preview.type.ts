import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PreviewIssue } from './preview-issue.type.js';

@ObjectType({
  description: 'What dispatchEvent would do with an input: validated, targets resolved, nothing written.',
})
export class EventPreview {
  @Field(() => Int, { description: 'Enrollments the targets reach, whatever their status.' })
  targetEnrollmentCount!: number;

  @Field(() => Int, { description: 'Distinct sites the targets reach, whatever their enrollment status.' })
  targetSiteCount!: number;

  @Field(() => Int, { description: 'Devices the targets reach, batteries and EV chargers.' })
  targetDeviceCount!: number;

  @Field(() => Float, {
    description:
      "Sum over targeted batteries of ACTIVE enrollments of their rated power in the actions' direction " +
      '(DISCHARGE: batteryPowerOutputW, CHARGE: batteryPowerInputW, other modes: 0), the largest over the actions.',
  })
  dispatchablePowerW!: number;

  @Field(() => Float, {
    description:
      'Sum over targeted batteries of ACTIVE enrollments of batteryCapacityWh above the reserve: the highest ' +
      "backupReservePercentage of the actions, else the device's reservePercentage, else none.",
  })
  dispatchableEnergyWh!: number;

  @Field(() => [String], {
    description: 'What a dispatcher should know first, in a fixed order and wording.',
  })
  warnings!: string[];

  @Field(() => [PreviewIssue], {
    description:
      'The warnings as data, in the same order: one entry per issue, with its code, count and ids.',
  })
  issues!: PreviewIssue[];
}
