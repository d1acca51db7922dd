import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { TargetType } from '../../flip/index.js';
import { EventTargetTypeEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { EventStatusEnum, type EventStatus } from './event.type.js';

/** first/after of a forward-only connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page size; absent: DEFAULT_PAGE_SIZE; at most MAX_PAGE_SIZE, never negative.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The endCursor of the previous page; absent: from the start. Only this list's cursors.",
  })
  after?: string | null;
}

/** Site.events, Device.events, Enrollment.events. */
@ArgsType()
export class EventHistoryArgs extends PageArgs {
  @Field(() => [EventStatusEnum], {
    nullable: true,
    description: 'Only events of any of these statuses; absent or [] does not restrict.',
  })
  status?: EventStatus[] | null;
}

/** Query.eventConnection. */
@ArgsType()
export class EventConnectionArgs extends EventHistoryArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only this program's events; absent: every configured program's.",
  })
  programId?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only events starting strictly after this instant; absent: no lower bound.',
  })
  startsAfter?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only events starting strictly before this instant; absent: no upper bound.',
  })
  startsBefore?: Date | null;

  @Field(() => EventTargetTypeEnum, {
    nullable: true,
    description: 'Only events whose targetIds name this kind of target; absent: any.',
  })
  targetType?: TargetType | null;
}

/** Event.siteParticipations. */
@ArgsType()
export class SiteParticipationArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only participating sites; false: only the others; absent: every row.',
  })
  participating?: boolean | null;
}
