import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ServiceError } from '../../errors.js';
import type { CloudProgramRecord, DeviceType } from '../../flip/index.js';
import type { GraphQLContext } from '../context.js';
import { DeviceTypeEnum } from '../enums.js';
import { EligibleProgram } from './commissioning.type.js';

@Resolver(() => EligibleProgram)
export class CommissioningResolver {
  @Query(() => [EligibleProgram], {
    description: 'Cloud API: programs a device of this type and size is eligible for.',
  })
  async eligiblePrograms(
    @Arg('deviceType', () => DeviceTypeEnum, { description: 'The type of the device to enroll.' })
    deviceType: DeviceType,
    @Arg('totalCapacityWh', () => Int, {
      description: "The site's total battery capacity in Wh, at least 1 (e.g. 16000).",
    })
    totalCapacityWh: number,
    @Arg('totalPowerW', () => Int, { description: "The site's total rated power in W, at least 1." })
    totalPowerW: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CloudProgramRecord[]> {
    // REFERENCE.md 2.2: total_capacity_wh is an int >= 1; total_power_w likewise must be positive.
    const bad = [
      ...(totalCapacityWh < 1 ? ['totalCapacityWh'] : []),
      ...(totalPowerW < 1 ? ['totalPowerW'] : []),
    ];
    if (bad.length > 0) {
      throw new ServiceError(
        'BAD_USER_INPUT',
        `${bad.map((f) => `\`${f}\``).join(' and ')} must be at least 1`,
        {
          fieldPaths: bad,
        },
      );
    }
    return ctx.deps.clients.cloud.listPrograms(
      { deviceType, totalCapacityWh, totalPowerW },
      { requestId: ctx.requestId },
    );
  }
}
