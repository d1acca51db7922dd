import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ProgramConfig } from '../../config.js';
import { errorCodeOf } from '../../errors.js';
import type { EventEntry, SiteEntry } from '../../loaders/index.js';
import { configuredProgram, type GraphQLContext } from '../context.js';
import { Program } from '../program/program.type.js';
import { Site } from '../site/site.type.js';
import { eventPerformanceOf } from './event-performance.js';
import { EventPerformance } from './event-performance.type.js';
import { eventStatusOf, eventsOf } from './event-status.js';
import {
  Event,
  EventSiteParticipation,
  EventStatusEnum,
  type EventSiteEntry,
  type EventStatus,
} from './event.type.js';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => [Event], {
    description:
      "Events of the configured programs, newest first, cancelled ones included; optionally one program's, optionally by status.",
  })
  async events(
    @Arg('programId', () => ID, {
      nullable: true,
      description: "Only this program's events; all configured programs' when absent.",
    })
    programId: string | null | undefined,
    @Arg('status', () => [EventStatusEnum], {
      nullable: true,
      description: 'Any of these; [] does not restrict.',
    })
    status: EventStatus[] | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventEntry[]> {
    return eventsOf(await ctx.loaders.events(), { programId, status, now: ctx.now });
  }

  @Query(() => Event, {
    nullable: true,
    description:
      'null when no such event in the configured programs (GET /v1/events, and the cancellations recorded here).',
  })
  event(
    @Arg('id', () => ID, { description: "Flip's event id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventEntry | null> {
    return ctx.loaders.event(id);
  }

  @FieldResolver(() => Program, {
    nullable: true,
    description: 'null when the program is not configured here.',
  })
  program(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext): ProgramConfig | null {
    return configuredProgram(ctx, event.programId);
  }

  @FieldResolver(() => String, { nullable: true })
  canceledByCallerId(@Root() event: EventEntry): string | null {
    return event.canceledBy ?? null;
  }

  @FieldResolver(() => EventStatusEnum, {
    description:
      "CANCELED once cancelled through cancelEvent; otherwise derived from now against the event's start and end.",
  })
  status(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext): EventStatus {
    return eventStatusOf(event, ctx.now);
  }

  @FieldResolver(() => [EventSiteParticipation], {
    nullable: true,
    description:
      'Per-site participation and performance (GET /v1/events/{id}/sites); [] for a cancelled event Flip no longer knows.',
  })
  sites(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext): Promise<EventSiteEntry[]> {
    return eventSitesOf(ctx, event);
  }

  @FieldResolver(() => EventPerformance, {
    nullable: true,
    description:
      "The event's results summed over its sites (the same GET /v1/events/{id}/sites as sites, once per request); all zero for a cancelled event Flip no longer knows; null when Flip's answer failed.",
  })
  async performance(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext): Promise<EventPerformance> {
    return eventPerformanceOf(await eventSitesOf(ctx, event));
  }
}

/** The event's participation rows: one GET /v1/events/{id}/sites per event per request (loader). */
export async function eventSitesOf(ctx: GraphQLContext, event: EventEntry): Promise<EventSiteEntry[]> {
  let rows;
  try {
    rows = await ctx.loaders.eventSites(event.id);
  } catch (error) {
    // Flip forgets a cancelled event (404 for its sites): no participation to show, not an error.
    if (event.canceledAt && errorCodeOf(error) === 'NOT_FOUND') return [];
    throw error;
  }
  return rows.map((row) => ({ ...row, programId: event.programId }));
}

@Resolver(() => EventSiteParticipation)
export class EventSiteParticipationResolver {
  @FieldResolver(() => Site, {
    nullable: true,
    description: "The site in the event's program; null when the program does not list it.",
  })
  async site(@Root() row: EventSiteEntry, @Ctx() ctx: GraphQLContext): Promise<SiteEntry | null> {
    // An event of a program not configured here: look the site up across the configured ones.
    if (!configuredProgram(ctx, row.programId)) return ctx.loaders.site(row.siteId);
    return (await ctx.loaders.programIndex(row.programId)).siteById.get(row.siteId) ?? null;
  }
}
