import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type {
  AuditFilter,
  AuditPosition,
  AuditRow,
  EnrollmentEntry,
  EnrollmentHistoryRow,
  EventEntry,
} from '../../loaders/index.js';
import { decodeCursor, encodeCursor, malformedCursor, pageSizeOf } from '../connection.js';
import type { GraphQLContext } from '../context.js';
import { Enrollment } from '../enrollment/enrollment.type.js';
import { Event } from '../event/event.type.js';
import { DateTimeScalar } from '../scalars.js';
import {
  AuditEntry,
  AuditEntryConnection,
  type EnrollmentChange,
  EnrollmentChangeConnection,
} from './audit.type.js';

/**
 * The durable audit trail in GraphQL: Query.auditLog (dispatcher and admin, server/roles.ts),
 * Enrollment.history and Event.dispatchedBy/canceledBy, all read through the request's loaders.
 * Cursors carry the entry's position and what they page (the filter, or the enrollment), and
 * are refused with another.
 */
@Resolver()
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'Writes made through this service, newest first, from the durable audit trail (every instance sharing its database). For the dispatcher and admin roles.',
  })
  async auditLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('programId', () => ID, { nullable: true, description: 'Only writes to this program.' })
    programId?: string | null,
    @Arg('callerId', () => String, { nullable: true, description: 'Only writes of this caller.' })
    callerId?: string | null,
    @Arg('operation', () => String, {
      nullable: true,
      description: 'Only this mutation, e.g. dispatchEvent.',
    })
    operation?: string | null,
    @Arg('targetId', () => ID, { nullable: true, description: 'Only writes naming this id.' })
    targetId?: string | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default and cap as for lists).' })
    first?: number | null,
    @Arg('since', () => DateTimeScalar, {
      nullable: true,
      description: 'Only writes at or after this instant.',
    })
    since?: Date | null,
    @Arg('until', () => DateTimeScalar, { nullable: true, description: 'Only writes before this instant.' })
    until?: Date | null,
  ) {
    const size = pageSizeOf(first, ctx.deps.config);
    const filter: AuditFilter = {
      ...(programId == null ? {} : { programId }),
      ...(callerId == null ? {} : { callerId }),
      ...(operation == null ? {} : { operation }),
      ...(targetId == null ? {} : { targetId }),
      ...(since == null ? {} : { since }),
      ...(until == null ? {} : { until }),
    };
    const scope = JSON.stringify([programId, callerId, operation, targetId, since, until]);
    const position = after == null ? undefined : positionOf(after, scope);
    const rows = size === 0 ? [] : await ctx.loaders.auditLog(filter, size, position);
    return pageOf(rows, size, position !== undefined, (r) => cursorOf(scope, r), entryOf);
  }
}

@Resolver(() => Enrollment)
export class EnrollmentHistoryResolver {
  @FieldResolver(() => EnrollmentChangeConnection, {
    description:
      "Status and group changes made through this service, newest first, each with who, when, from, to and reason (changes made elsewhere are not known). Batched: one SQL query for a page's enrollments.",
  })
  async history(
    @Root() enrollment: EnrollmentEntry,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default and cap as for lists).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after?: string | null,
  ) {
    const size = pageSizeOf(first, ctx.deps.config);
    const scope = `enrollment:${enrollment.id}`;
    const position = after == null ? undefined : positionOf(after, scope);
    const rows = size === 0 ? [] : await ctx.loaders.enrollmentHistory(enrollment.id, size, position);
    return pageOf(rows, size, position !== undefined, (r) => cursorOf(scope, r), changeOf);
  }
}

@Resolver(() => Event)
export class EventAuditResolver {
  @FieldResolver(() => AuditEntry, {
    nullable: true,
    description:
      'The audit entry of the dispatchEvent that created it; null for events created outside this service.',
  })
  async dispatchedBy(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext) {
    const row = (await ctx.loaders.eventAudit(event.id)).dispatched;
    return row ? entryOf(row) : null;
  }

  @FieldResolver(() => AuditEntry, {
    nullable: true,
    description:
      'The audit entry of the cancelEvent that cancelled it; null when not cancelled through this service.',
  })
  async canceledBy(@Root() event: EventEntry, @Ctx() ctx: GraphQLContext) {
    const row = (await ctx.loaders.eventAudit(event.id)).canceled;
    return row ? entryOf(row) : null;
  }
}

function entryOf(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    callerId: row.callerId,
    callerRole: row.callerRole,
    requestId: row.requestId,
    operation: row.operation,
    programId: row.programId,
    targetIds: row.targetIds,
    idempotencyKey: row.idempotencyKey,
    input: row.input === null ? null : JSON.stringify(row.input),
    outcome: row.outcome,
    eventId: row.eventId,
    durationMs: row.durationMs,
    completedAt: row.completedAt,
    recovery: recoveryOf(row.detail?.recovery),
  };
}

/** The recovery note recovery stored in the entry's detail, or null. */
function recoveryOf(value: unknown): AuditEntry['recovery'] {
  if (typeof value !== 'object' || value === null) return null;
  const { by, at, note } = value as Record<string, unknown>;
  if (typeof by !== 'string' || typeof at !== 'string' || typeof note !== 'string') return null;
  return { by, at: new Date(at), note };
}

function changeOf(row: EnrollmentHistoryRow): EnrollmentChange {
  const c = row.change;
  return {
    at: row.at,
    callerId: row.callerId,
    operation: row.operation,
    fromStatus: c.fromStatus ?? null,
    toStatus: c.toStatus ?? null,
    fromGroupIds: c.fromGroupIds ?? null,
    toGroupIds: c.toGroupIds ?? null,
    reason: c.reason ?? null,
    entry: entryOf(row),
  };
}

function cursorOf(scope: string, row: AuditRow): string {
  return encodeCursor({ s: scope, at: row.at.toISOString(), id: row.id });
}

/** The position a cursor carries; BAD_USER_INPUT when it is not one of this list (same scope). */
function positionOf(cursor: string, scope: string): AuditPosition {
  const payload = decodeCursor(cursor) as { s?: unknown; at?: unknown; id?: unknown } | null;
  if (typeof payload !== 'object' || payload === null) throw malformedCursor();
  if (payload.s !== scope) throw malformedCursor('belongs to another list or filter');
  const at = typeof payload.at === 'string' ? new Date(payload.at) : null;
  if (!at || Number.isNaN(at.getTime()) || typeof payload.id !== 'string' || !/^\d{1,19}$/.test(payload.id)) {
    throw malformedCursor();
  }
  return { at, id: payload.id };
}

/** A page from `size` + 1 rows (the extra one says there is more). */
function pageOf<R extends AuditRow, N>(
  rows: readonly R[],
  size: number,
  hasPrevious: boolean,
  cursor: (row: R) => string,
  node: (row: R) => N,
) {
  const page = rows.slice(0, size);
  const edges = page.map((r) => ({ cursor: cursor(r), node: node(r) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
