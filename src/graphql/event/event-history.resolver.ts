import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ServiceError } from '../../errors.js';
import type { DeviceEntry, EnrollmentEntry, EventEntry, SiteEntry } from '../../loaders/index.js';
import type { Connection } from '../connection.js';
import type { GraphQLContext } from '../context.js';
import { Device } from '../device/device.type.js';
import { Enrollment } from '../enrollment/enrollment.type.js';
import { enrollmentOf } from '../scope.js';
import { enrollmentsOfSite } from '../site/site-enrollments.js';
import { Site } from '../site/site.type.js';
import { EventConnection } from './event-connection.type.js';
import { eventsOfSubjects, type EventSubject } from './event-history.js';
import { pageOfEvents, parsePage } from './event-page.js';
import { eventsOf } from './event-status.js';
import { EventConnectionArgs, EventHistoryArgs } from './event.inputs.js';

const HISTORY_DESCRIPTION =
  "Events whose targets include it (by program, group, site or device targeting), newest first, cancelled ones included; costs the events list and the configured programs' enrollments the request shares.";

@Resolver()
export class EventConnectionResolver {
  @Query(() => EventConnection, {
    description:
      'Events of the configured programs, newest first (startsAt descending, then id), narrowed by the arguments (all must hold) and paged; one GET /v1/events per request.',
  })
  async eventConnection(
    @Args(() => EventConnectionArgs) args: EventConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<EventEntry>> {
    const { first, after, ...filter } = args;
    const { startsAfter, startsBefore, targetType } = filter;
    if (startsAfter && startsBefore && startsBefore.getTime() <= startsAfter.getTime()) {
      throw new ServiceError('BAD_USER_INPUT', '`startsBefore` must be after `startsAfter`', {
        fieldPaths: ['startsBefore'],
      });
    }
    const page = parsePage({ first, after }, ctx.deps.config, 'events', { ...filter });
    const events = eventsOf(await ctx.loaders.events(), { ...filter, now: ctx.now }).filter(
      (e) =>
        (!startsAfter || e.startsAt.getTime() > startsAfter.getTime()) &&
        (!startsBefore || e.startsAt.getTime() < startsBefore.getTime()) &&
        (!targetType || e.targetType === targetType),
    );
    return pageOfEvents(events, page);
  }
}

@Resolver(() => Site)
export class SiteEventsResolver {
  @FieldResolver(() => EventConnection, { nullable: true, description: HISTORY_DESCRIPTION })
  async events(
    @Root() site: SiteEntry,
    @Args(() => EventHistoryArgs) args: EventHistoryArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<EventEntry>> {
    return historyOf(ctx, args, `site:${site.id}`, async () =>
      (await enrollmentsOfSite(ctx, site.id)).map((enrollment) => ({ enrollment })),
    );
  }
}

@Resolver(() => Device)
export class DeviceEventsResolver {
  @FieldResolver(() => EventConnection, { nullable: true, description: HISTORY_DESCRIPTION })
  async events(
    @Root() device: DeviceEntry,
    @Args(() => EventHistoryArgs) args: EventHistoryArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<EventEntry>> {
    return historyOf(ctx, args, `device:${device.id}`, async () => {
      const siteId = (await enrollmentOf(ctx, device))?.site.id ?? device.siteId;
      return (await enrollmentsOfSite(ctx, siteId))
        .filter((enrollment) => enrollment.devices.some((d) => d.id === device.id))
        .map((enrollment) => ({ enrollment, deviceIds: [device.id] }));
    });
  }
}

@Resolver(() => Enrollment)
export class EnrollmentEventsResolver {
  @FieldResolver(() => EventConnection, {
    nullable: true,
    description: `${HISTORY_DESCRIPTION} Only its program's events.`,
  })
  async events(
    @Root() enrollment: EnrollmentEntry,
    @Args(() => EventHistoryArgs) args: EventHistoryArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<EventEntry>> {
    return historyOf(ctx, args, `enrollment:${enrollment.id}`, async () => {
      const programId = enrollment.programId ?? (await ctx.loaders.programIdOfEnrollment(enrollment.id));
      return programId === null ? [] : [{ enrollment: { ...enrollment, programId } }];
    });
  }
}

async function historyOf(
  ctx: GraphQLContext,
  { first, after, status }: EventHistoryArgs,
  list: string,
  subjectsOf: () => Promise<EventSubject[]>,
): Promise<Connection<EventEntry>> {
  const page = parsePage({ first, after }, ctx.deps.config, list, { status });
  const [events, subjects] = await Promise.all([ctx.loaders.events(), subjectsOf()]);
  return pageOfEvents(eventsOfSubjects(eventsOf(events, { status, now: ctx.now }), subjects), page);
}
