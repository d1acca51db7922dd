import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CommissionResultRecord } from '../../flip/index.js';
import type { GraphQLContext } from '../context.js';
import { CommissionSiteInput } from './commission.inputs.js';
import { CommissionResult } from './commission.type.js';

/** commissionSite; the logic is in writes/commissioning.ts. */
@Resolver()
export class CommissionResolver {
  @Mutation(() => CommissionResult, {
    description:
      "Cloud API: commission a site and its devices. Flip's list of missing attributes comes back as BAD_USER_INPUT.",
  })
  commissionSite(
    @Arg('input', () => CommissionSiteInput, {
      description: 'The site, its devices and whether Flip may auto-enroll it.',
    })
    input: CommissionSiteInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CommissionResultRecord> {
    return ctx.deps.writes.commissioning.commissionSite(ctx, input);
  }
}
