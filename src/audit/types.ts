/** What the audit trail stores and answers; no name, email, address or secret ever goes in. */

/** An enrollment's change made by one write: what it was before and after, and the reason given. */
export interface EnrollmentChangeFacts {
  fromStatus?: string;
  toStatus?: string;
  fromGroupIds?: string[];
  toGroupIds?: string[];
  reason?: string;
}

/** Stored before the write runs (before any upstream call): its outcome is unknown until completed. */
export interface AuditIntent {
  at: Date;
  callerId: string | null;
  callerRole: string | null;
  /** `api-key` or `jwt`: with the id, whose idempotency records a dispatch used. */
  callerKind?: 'api-key' | 'jwt' | null;
  requestId: string;
  operation: string;
  programId: string | null;
  targetIds: string[];
  idempotencyKey?: string;
  /** The input as sent upstream, ids, statuses and actions only. */
  input?: Record<string, unknown>;
}

/** Stored once the write settled. */
export interface AuditCompletion {
  outcome: string;
  programId: string | null;
  /** The event the write produced or cancelled. */
  eventId?: string;
  detail?: Record<string, unknown>;
  /** Per enrollment id, for Enrollment.history. */
  changes?: Record<string, EnrollmentChangeFacts>;
  durationMs: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  callerId: string | null;
  callerRole: string | null;
  callerKind: 'api-key' | 'jwt' | null;
  requestId: string;
  operation: string;
  programId: string | null;
  targetIds: string[];
  idempotencyKey: string | null;
  input: Record<string, unknown> | null;
  /** `OK`, an error code, or null: never completed (the process stopped while it ran). */
  outcome: string | null;
  eventId: string | null;
  detail: Record<string, unknown> | null;
  durationMs: number | null;
  completedAt: Date | null;
}

/**
 * How recovery settled an entry left unknown (the process stopped between the upstream call and
 * the completion), or why it could not: kept in the entry's detail as `recovery`.
 */
export interface AuditRecovery {
  /** `restart`: the recovery run at start-up or in the background; `retry`: the same key again. */
  by: 'restart' | 'retry';
  at: string;
  /** What showed the outcome, or why it stays unknown. */
  note: string;
}

/** Recovery's verdict on an entry left unknown: an outcome it can show, or none (note only). */
export interface AuditSettlement {
  /** Absent: the outcome stays unknown and only the recovery note is stored. */
  outcome?: 'OK';
  eventId?: string;
  changes?: Record<string, EnrollmentChangeFacts>;
  recovery: AuditRecovery;
}

/** One enrollment's change with the entry that made it. */
export interface EnrollmentHistoryRow extends AuditRow {
  enrollmentId: string;
  change: EnrollmentChangeFacts;
}

export interface AuditFilter {
  programId?: string;
  callerId?: string;
  operation?: string;
  targetId?: string;
  since?: Date;
  until?: Date;
}

/** Keyset position in the newest-first order (an entry's time and id). */
export interface AuditPosition {
  at: Date;
  id: string;
}
