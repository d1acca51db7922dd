import { Field, ID, ObjectType } from 'type-graphql';
import { EventPerformance } from '../event/event-performance.type.js';
import { EventStatusEnum, type EventStatus } from '../event/event.type.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({ description: "An event's status and results at one instant (the eventProgress subscription)." })
export class EventProgress {
  @Field(() => ID, { description: 'The event.' })
  eventId!: string;

  @Field(() => EventStatusEnum, { description: 'As Event.status, at `at`.' })
  status!: EventStatus;

  @Field(() => EventPerformance, {
    nullable: true,
    description:
      'As Event.performance; null when Flip could not be asked this time (the next message retries).',
  })
  performance!: EventPerformance | null;

  @Field(() => DateTimeScalar, { description: 'When this state was read.' })
  at!: Date;
}
