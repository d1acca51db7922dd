import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../connection.js';
import { EnrollmentStatusEnum } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';

@ObjectType({
  description:
    'How an entry left with its outcome unknown (the process stopped between the upstream call and the completion) was looked at again: what showed its outcome, or why none could be shown.',
})
export class AuditRecovery {
  @Field(() => String, {
    description:
      'restart: the recovery at start-up or in the background; retry: the same idempotencyKey again.',
  })
  by!: string;

  @Field(() => DateTimeScalar, { description: 'When the entry was looked at.' })
  at!: Date;

  @Field(() => String, { description: 'What showed the outcome, or why it stays unknown.' })
  note!: string;
}

@ObjectType({
  description:
    'One write made through this service, from the durable audit trail: who made it, what it sent upstream and how it ended. Ids, statuses and actions only: never a name, email, address or secret.',
})
export class AuditEntry {
  @Field(() => ID, { description: 'The entry id (ascending in time of writing on one database).' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the write started (its request instant).' })
  at!: Date;

  @Field(() => String, { nullable: true, description: "The caller's id; null when auth is off." })
  callerId!: string | null;

  @Field(() => String, { nullable: true, description: "The caller's role then; null when auth is off." })
  callerRole!: string | null;

  @Field(() => String, { description: 'The request id (x-request-id), also sent upstream.' })
  requestId!: string;

  @Field(() => String, { description: 'The mutation, e.g. dispatchEvent or pauseEnrollment.' })
  operation!: string;

  @Field(() => ID, { nullable: true, description: 'The program written to, when known.' })
  programId!: string | null;

  @Field(() => [ID], {
    description: 'Ids the write names: enrollments, groups, event targets, the event, the site.',
  })
  targetIds!: string[];

  @Field(() => String, { nullable: true, description: "dispatchEvent's idempotency key." })
  idempotencyKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The input as sent upstream, as JSON text (ids, statuses, actions, reasons).',
  })
  input!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'OK, or the error code the write ended with. null: the write never completed (the process stopped between its upstream call and its completion), so its outcome is unknown; see recovery.',
  })
  outcome!: string | null;

  @Field(() => ID, { nullable: true, description: 'The event the write created or cancelled.' })
  eventId!: string | null;

  @Field(() => Int, { nullable: true, description: 'How long the write took, in ms; null while unknown.' })
  durationMs!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the outcome was stored.' })
  completedAt!: Date | null;

  @Field(() => AuditRecovery, {
    nullable: true,
    description:
      'Set when the outcome was unknown and recovery looked at it: with an outcome, what showed it; still null outcome, why none could be shown. null for entries completed by their own write.',
  })
  recovery!: AuditRecovery | null;
}

@ObjectType({ description: 'An audit entry and its cursor.' })
export class AuditEntryEdge {
  @Field(() => String, { description: 'Opaque; valid as `after` with the same filter.' })
  cursor!: string;

  @Field(() => AuditEntry, { description: 'The entry.' })
  node!: AuditEntry;
}

@ObjectType({ description: 'A page of audit entries, newest first (cursor pagination, forward only).' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The entries with their cursors.' })
  edges!: AuditEntryEdge[];

  @Field(() => [AuditEntry], { description: 'The nodes of edges, for clients that need no cursors.' })
  nodes!: AuditEntry[];

  @Field(() => PageInfo, { description: 'Where this page is in the list.' })
  pageInfo!: PageInfo;
}

@ObjectType({
  description: "One change of an enrollment's status or groups made through this service.",
})
export class EnrollmentChange {
  @Field(() => DateTimeScalar, { description: 'When the write was made.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Who made it; null when auth is off.' })
  callerId!: string | null;

  @Field(() => String, { description: 'The mutation, e.g. pauseEnrollment or addEnrollmentsToGroup.' })
  operation!: string;

  @Field(() => EnrollmentStatusEnum, { nullable: true, description: 'The status before; null: unchanged.' })
  fromStatus!: string | null;

  @Field(() => EnrollmentStatusEnum, { nullable: true, description: 'The status after; null: unchanged.' })
  toStatus!: string | null;

  @Field(() => [ID], { nullable: true, description: "The site's group ids before; null: unchanged." })
  fromGroupIds!: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The site's group ids after; null: unchanged." })
  toGroupIds!: string[] | null;

  @Field(() => String, { nullable: true, description: 'The status reason given with the change.' })
  reason!: string | null;

  @Field(() => AuditEntry, { description: 'The whole audit entry of the write.' })
  entry!: AuditEntry;
}

@ObjectType({ description: 'An enrollment change and its cursor.' })
export class EnrollmentChangeEdge {
  @Field(() => String, { description: "Opaque; valid as `after` on this enrollment's history." })
  cursor!: string;

  @Field(() => EnrollmentChange, { description: 'The change.' })
  node!: EnrollmentChange;
}

@ObjectType({ description: "A page of an enrollment's changes, newest first (forward only)." })
export class EnrollmentChangeConnection {
  @Field(() => [EnrollmentChangeEdge], { description: 'The changes with their cursors.' })
  edges!: EnrollmentChangeEdge[];

  @Field(() => [EnrollmentChange], { description: 'The nodes of edges, for clients that need no cursors.' })
  nodes!: EnrollmentChange[];

  @Field(() => PageInfo, { description: 'Where this page is in the list.' })
  pageInfo!: PageInfo;
}
