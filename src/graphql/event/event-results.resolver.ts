import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EventEntry } from '../../loaders/index.js';
import type { Connection } from '../connection.js';
import type { GraphQLContext } from '../context.js';
import { EventSiteParticipationConnection } from './event-connection.type.js';
import { pageOfRows, parsePage } from './event-page.js';
import { eventSitesOf } from './event.resolver.js';
import { SiteParticipationArgs } from './event.inputs.js';
import { EventTarget, targetsOf, type EventTargetValue } from './event-targets.js';
import { Event, type EventSiteEntry } from './event.type.js';

/** An event's paged participation rows and its targets as objects. */
@Resolver(() => Event)
export class EventResultsResolver {
  @FieldResolver(() => EventSiteParticipationConnection, {
    nullable: true,
    description:
      "The per-site participation rows, paged in Flip's order (the same GET /v1/events/{id}/sites as sites and performance, once per request); null when Flip's answer failed.",
  })
  async siteParticipations(
    @Root() event: EventEntry,
    @Args(() => SiteParticipationArgs) args: SiteParticipationArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<EventSiteEntry>> {
    const { first, after, participating } = args;
    const page = parsePage({ first, after }, ctx.deps.config, `event-sites:${event.id}`, { participating });
    const rows = await eventSitesOf(ctx, event);
    const kept = participating == null ? rows : rows.filter((r) => r.isParticipating === participating);
    return pageOfRows(kept, page);
  }

  @FieldResolver(() => [EventTarget], {
    description:
      "The targets targetIds name, as objects, in targetIds order: the program, groups (one groups call per program), or sites and devices (the program's enrollments); one that no longer exists is left out (see missingTargetCount).",
  })
  targets(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext): Promise<EventTargetValue[]> {
    return targetsOf(ctx, event);
  }

  @FieldResolver(() => Int, {
    description: 'How many of targetIds no longer exist in the program (left out of targets); 0 when all do.',
  })
  async missingTargetCount(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext): Promise<number> {
    return event.targetIds.length - (await targetsOf(ctx, event)).length;
  }
}
