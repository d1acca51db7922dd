import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../connection.js';
import { Event, EventSiteParticipation } from './event.type.js';

@ObjectType({ description: 'An event and its cursor in an EventConnection.' })
export class EventEdge {
  @Field(() => String, { description: 'Opaque; valid as `after` for the same list and arguments.' })
  cursor!: string;

  @Field(() => Event, { description: 'The event.' })
  node!: Event;
}

@ObjectType({
  description:
    'A page of events, newest first (startsAt descending, then id); cursor pagination, forward only.',
})
export class EventConnection {
  @Field(() => [EventEdge], { description: 'The events of this page with their cursors.' })
  edges!: EventEdge[];

  @Field(() => [Event], { description: 'The nodes of edges, for clients that need no cursors.' })
  nodes!: Event[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching events over all pages (after filtering).' })
  totalCount!: number;
}

@ObjectType({ description: "A site's participation row and its cursor." })
export class EventSiteParticipationEdge {
  @Field(() => String, { description: 'Opaque; valid as `after` for the same event and arguments.' })
  cursor!: string;

  @Field(() => EventSiteParticipation, { description: "The site's participation and performance." })
  node!: EventSiteParticipation;
}

@ObjectType({
  description: "A page of an event's per-site participation rows, in Flip's order; forward only.",
})
export class EventSiteParticipationConnection {
  @Field(() => [EventSiteParticipationEdge], { description: 'The rows of this page with their cursors.' })
  edges!: EventSiteParticipationEdge[];

  @Field(() => [EventSiteParticipation], { description: 'The nodes of edges.' })
  nodes!: EventSiteParticipation[];

  @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching rows over all pages (after the participating filter).' })
  totalCount!: number;
}
