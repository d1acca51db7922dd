import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ServiceError } from '../../errors.js';
import type { EventRecord } from '../../flip/index.js';
import type { GraphQLContext } from '../context.js';
import { isCalendarDate } from '../scalars.js';
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
    @Arg('input', () => DispatchEventInput, { description: 'The program, targets and actions.' })
    input: DispatchEventInput,
    @Arg('idempotencyKey', () => String, {
      description:
        'Chosen by the caller (e.g. a UUID), at most 200 characters; remembered for IDEMPOTENCY_TTL_S.',
    })
    idempotencyKey: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventRecord> {
    refuseCalendarDates(input);
    return ctx.deps.writes.dispatch.dispatch(ctx, input, idempotencyKey);
  }

  @Query(() => EventPreview, {
    description: 'What dispatchEvent would do with this input: validated, targets resolved, nothing written.',
  })
  previewEvent(
    @Arg('input', () => DispatchEventInput, { description: 'The program, targets and actions.' })
    input: DispatchEventInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventPreview> {
    refuseCalendarDates(input);
    return ctx.deps.writes.dispatch.preview(ctx, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Cancels an event that has not completed (DELETE /v1/events/{id}); NOT_FOUND for an unknown id.',
  })
  cancelEvent(
    @Arg('id', () => ID, { description: "Flip's event id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return ctx.deps.writes.dispatch.cancel(ctx, id);
  }
}

/**
 * DateTime also reads a date alone (for install dates, see scalars.ts); an action's start is an
 * instant: a date alone would start the devices at midnight UTC, so the operator must say when.
 */
function refuseCalendarDates(input: DispatchEventInput): void {
  const paths = input.actions.flatMap((a, i) =>
    isCalendarDate(a.startsAt) ? [`input.actions[${i}].startsAt`] : [],
  );
  if (paths.length > 0) {
    throw new ServiceError(
      'BAD_USER_INPUT',
      `${paths.join(', ')} must be a date-time with an offset, not a date alone.`,
      {
        fieldPaths: paths,
      },
    );
  }
}
