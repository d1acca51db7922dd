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
