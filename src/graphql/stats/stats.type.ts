import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';

@ObjectType()
export class EnrollmentStatusCount {
  @Field(() => EnrollmentStatusEnum)
  status!: EnrollmentStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description: 'Counts and sums over a set of enrollments; the battery sums cover ACTIVE enrollments only.',
})
export class FleetStats {
  @Field(() => Int)
  enrollmentCount!: number;

  @Field(() => Int, { description: 'Distinct sites.' })
  siteCount!: number;

  @Field(() => Int, { description: 'Distinct devices of every type.' })
  deviceCount!: number;

  @Field(() => [EnrollmentStatusCount], {
    description: 'Every status, in the order of the EnrollmentStatus enum, zero counts included.',
  })
  byStatus!: EnrollmentStatusCount[];

  @Field(() => Int, { description: 'Distinct BATTERY devices of ACTIVE enrollments.' })
  activeBatteryCount!: number;

  @Field(() => Float, {
    description: 'Sum of batteryCapacityWh over the active batteries (unknown counts as 0).',
  })
  activeBatteryCapacityWh!: number;

  @Field(() => Float, { description: 'Sum of batteryPowerInputW over the active batteries.' })
  activeBatteryPowerInputW!: number;

  @Field(() => Float, { description: 'Sum of batteryPowerOutputW over the active batteries.' })
  activeBatteryPowerOutputW!: number;
}
