import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { errorCodeOf } from '../../errors.js';
import type { EventRecord } from '../../flip/index.js';
import { audited, invalidateShared } from '../audit.js';
import type { GraphQLContext } from '../context.js';
import { MAX_IDEMPOTENCY_KEY_CHARS } from './dispatch-validation.js';
import { dispatch } from './dispatch.js';
import { DispatchEventInput } from './dispatch.inputs.js';
import { previewEvent } from './event-preview.js';
import { EventPreview } from './event-preview.type.js';
import { Event } from './event.type.js';

@Resolver()
export class DispatchResolver {
  @Mutation(() => Event, {
    description:
      'Dispatches once per idempotencyKey: a repeat with the same key and input returns the same event.',
  })
  dispatchEvent(
    @Arg('input', () => DispatchEventInput) input: DispatchEventInput,
    @Arg('idempotencyKey', () => String, {
      description:
        'Chosen by the caller (e.g. a UUID), at most 200 characters; remembered for IDEMPOTENCY_TTL_S.',
    })
    idempotencyKey: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventRecord> {
    // The key is the caller's free text: bounded in the log line like in validation.
    const loggedKey = idempotencyKey.slice(0, MAX_IDEMPOTENCY_KEY_CHARS);
    const record = { programId: input.programId, targetIds: input.targetIds, idempotencyKey: loggedKey };
    return audited(ctx, 'dispatchEvent', record, (r) => dispatch(ctx, input, idempotencyKey, r));
  }

  @Query(() => EventPreview, {
    description: 'What dispatchEvent would do with this input: validated, targets resolved, nothing written.',
  })
  previewEvent(
    @Arg('input', () => DispatchEventInput) input: DispatchEventInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventPreview> {
    return previewEvent(ctx, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Cancels an event that has not completed (DELETE /v1/events/{id}); NOT_FOUND for an unknown id.',
  })
  cancelEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return audited(ctx, 'cancelEvent', { programId: null, targetIds: [id] }, async () => {
      try {
        await ctx.deps.clients.utility.cancelEvent(id, { requestId: ctx.requestId });
      } catch (error) {
        // A DELETE whose answer never came may have applied: the event list is stale either way.
        if (errorCodeOf(error) === 'UPSTREAM_OUTCOME_UNKNOWN') await forgetEvents(ctx);
        throw error;
      }
      await forgetEvents(ctx);
      return true;
    });
  }
}

async function forgetEvents(ctx: GraphQLContext): Promise<void> {
  ctx.loaders.invalidateEvents();
  // Flip's DELETE does not say whose event it was; the event list is one list anyway.
  await invalidateShared(ctx, [null], ['events']);
}
