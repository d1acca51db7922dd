import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { EventRecord } from '../../flip/index.js';
import type { GraphQLContext } from '../context.js';
import { DispatchEventInput } from './dispatch.inputs.js';
import { EventPreview } from './event-preview.type.js';
import { Event } from './event.type.js';

/** dispatchEvent, previewEvent, cancelEvent; the logic is in writes/dispatch/. */
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
    return ctx.deps.writes.dispatch.dispatch(ctx, input, idempotencyKey);
  }

  @Query(() => EventPreview, {
    description: 'What dispatchEvent would do with this input: validated, targets resolved, nothing written.',
  })
  previewEvent(
    @Arg('input', () => DispatchEventInput) input: DispatchEventInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventPreview> {
    return ctx.deps.writes.dispatch.preview(ctx, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Cancels an event that has not completed (DELETE /v1/events/{id}); NOT_FOUND for an unknown id.',
  })
  cancelEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.deps.writes.dispatch.cancel(ctx, id);
  }
}
