import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CommissionResultRecord } from '../../flip/index.js';
import { audited, invalidateShared } from '../audit.js';
import type { GraphQLContext } from '../context.js';
import { asInputError } from '../violations.js';
import { validateCommission } from './commission-validation.js';
import { CommissionSiteInput } from './commission.inputs.js';
import { CommissionResult } from './commission.type.js';

@Resolver()
export class CommissionResolver {
  @Mutation(() => CommissionResult, {
    description:
      "Cloud API: commission a site and its devices. Flip's list of missing attributes comes back as BAD_USER_INPUT.",
  })
  commissionSite(
    @Arg('input', () => CommissionSiteInput) input: CommissionSiteInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CommissionResultRecord> {
    const record = { programId: null, targetIds: [input.site.id, ...input.devices.map((d) => d.id)] };
    return audited(ctx, 'commissionSite', record, async (r) => {
      const body = validateCommission(input, ctx.now);
      let result: CommissionResultRecord;
      try {
        result = await ctx.deps.clients.cloud.commission(body, { requestId: ctx.requestId });
      } catch (error) {
        // Flip's paths are its body's: `site.zip_code`, `devices[0].attributes.battery_capacity_wh`;
        // its enrollment form (`enrollment.program_specific_attributes.x`) has no input field here.
        throw asInputError(error, 'input', { flatten: ['attributes'], isInputPath: isCommissionInputPath });
      }
      if (result.enrollmentId !== null) {
        r.detail = { enrollmentId: result.enrollmentId };
        // A new enrollment in a program we do not know from the answer: every program may have changed.
        for (const p of ctx.deps.programs) ctx.loaders.invalidateProgram(p.id);
        await invalidateShared(ctx, [null], ['enrollments']);
      }
      return result;
    });
  }
}

function isCommissionInputPath(path: string): boolean {
  return path.startsWith('site.') || path.startsWith('devices[') || path === 'site' || path === 'devices';
}
