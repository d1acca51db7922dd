import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EnrollmentStatus } from '../../flip/index.js';
import { EnrollmentStatusEnum } from '../enums.js';

@ObjectType({ description: 'How many enrollments have one status.' })
export class EnrollmentStatusCount {
  @Field(() => EnrollmentStatusEnum, { description: 'The status counted.' })
  status!: EnrollmentStatus;

  @Field(() => Int, { description: 'Enrollments with that status (0 or more).' })
  count!: number;
}

@ObjectType({
  description: 'Counts and sums over a set of enrollments; the battery sums cover ACTIVE enrollments only.',
})
export class FleetStats {
  @Field(() => Int, { description: 'Enrollments in the set, whatever their status.' })
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
    description:
      'Sum of batteryCapacityWh (rated capacity, Wh) over the active batteries (unknown counts as 0).',
  })
  activeBatteryCapacityWh!: number;

  @Field(() => Float, {
    description:
      'Sum of batteryPowerInputW (rated charge power, W) over the active batteries (unknown counts as 0).',
  })
  activeBatteryPowerInputW!: number;

  @Field(() => Float, {
    description:
      'Sum of batteryPowerOutputW (rated discharge power, W) over the active batteries (unknown counts as 0).',
  })
  activeBatteryPowerOutputW!: number;
}
