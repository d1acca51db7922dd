import type { AuditStore } from '../audit/index.js';
import type { ErrorCode } from '../errors.js';
import type { ProgramChange } from '../loaders/index.js';

/**
 * What a write tells the world outside its request, as optional WriteDeps hooks wired by app.ts:
 * one audit line, and cross-request cache invalidation (the cache comes with issue 9).
 */

/**
 * One audit record per write (mutation), whatever its outcome. Ids only: never a name, email,
 * address or any other field of the input.
 */
export interface AuditEntry {
  /** The mutation, e.g. `dispatchEvent`. */
  operation: string;
  /** The authenticated caller's id; null when auth is off. */
  callerId: string | null;
  requestId: string;
  /** The program written to, when known. */
  programId: string | null;
  /** Ids the write names: enrollments, groups, event targets, the event, the commissioned site. */
  targetIds: string[];
  idempotencyKey?: string;
  /** `OK`, or the error code the write ended with (an upstream failure's code included). */
  outcome: 'OK' | ErrorCode;
  /** Extra facts of some writes: the created event id, bulk counts, whether a dispatch was replayed. */
  detail?: Record<string, string | number | boolean | string[]>;
  durationMs: number;
}

/** What changed, for a cross-request cache: a program's enrollments or groups, or the event list. */
export type InvalidationScope = 'enrollments' | 'groups' | 'events';

export interface WriteHooks {
  /** Receives one entry per write; app.ts logs it as one structured line. Must not throw. */
  audit?: (entry: AuditEntry) => void;
  /**
   * Called after a write that succeeded (or may have): cached reads of that scope are stale.
   * `programId` null means the program is not known (e.g. a status-only enrollment update):
   * drop that scope for every program. Rejections are ignored by the caller (the write stands).
   */
  invalidate?: (programId: string | null, scope: InvalidationScope) => void | Promise<void>;
  /**
   * Called after a write Flip answered, with what it answered: cached copies of that scope are
   * patched with it instead of dropped (loaders/program-patch.ts says when a change cannot be
   * applied: the copy is then dropped). Absent: `invalidate` is called instead. Rejections are
   * ignored by the caller (the write stands).
   */
  patch?: (programId: string, scope: 'enrollments' | 'groups', change: ProgramChange) => void | Promise<void>;
  /**
   * The durable trail (audit/): each write's intent is stored before it runs (before any upstream
   * call) and completed once it settled. Absent: log-only audit.
   */
  auditStore?: AuditStore;
  /**
   * true (default): a write whose intent cannot be stored is refused (UPSTREAM_UNAVAILABLE).
   * false (AUDIT_REQUIRED=false, unsafe): it goes on with the log line only.
   */
  auditRequired?: boolean;
  /** Told when the trail failed to store an entry (the log); must not throw. */
  onAuditStoreError?: (stage: 'begin' | 'complete', error: unknown) => void;
}
