import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../errors.js';
import { createContext, type GraphQLContext } from '../context.js';
import { eventPerformanceOf } from '../event/event-performance.js';
import { eventStatusOf } from '../event/event-status.js';
import { eventSitesOf } from '../event/event.resolver.js';
import type { EventProgress } from './event-progress.type.js';

/**
 * The eventProgress stream: the current state first, then a new state each time live/ signals a
 * possible change (a write naming the event, telemetry of its program, the period timer) and the
 * state differs from the last one sent. Each read uses fresh loaders (a subscription outlives a
 * request's memo). Throws NOT_FOUND for an event outside the configured programs.
 */
export async function eventProgressStream(
  ctx: GraphQLContext,
  id: string,
): Promise<AsyncIterable<EventProgress>> {
  const event = await ctx.loaders.event(id);
  if (event === null) {
    throw new ServiceError('NOT_FOUND', `Event ${id} was not found in the configured programs.`);
  }
  const first = await progressOf(ctx, id);
  const signals = ctx.deps.live.eventSignals(event.programId, id);
  return (async function* stream() {
    let last = JSON.stringify({ ...first, at: null });
    try {
      yield first;
      for await (const _ of signals) {
        const next = await progressOf(ctx, id).catch(() => null);
        if (next === null) continue;
        const key = JSON.stringify({ ...next, at: null });
        if (key === last) continue;
        last = key;
        yield next;
      }
    } finally {
      await signals.return?.();
    }
  })();
}

async function progressOf(ctx: GraphQLContext, id: string): Promise<EventProgress> {
  const fresh = createContext(ctx.deps, { requestId: randomUUID(), caller: ctx.caller });
  const event = await fresh.loaders.event(id);
  if (event === null) {
    throw new ServiceError('NOT_FOUND', `Event ${id} was not found in the configured programs.`);
  }
  let performance = null;
  try {
    performance = eventPerformanceOf(await eventSitesOf(fresh, event));
  } catch {
    // Flip is away for now: status still goes out; the next signal reads the sites again.
  }
  return { eventId: id, status: eventStatusOf(event, fresh.now), performance, at: fresh.now };
}
