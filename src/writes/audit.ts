import type { EnrollmentChangeFacts } from '../audit/index.js';
import { errorCodeOf } from '../errors.js';
import type { ProgramChange } from '../loaders/index.js';
import type { AuditEntry, InvalidationScope, WriteHooks } from './hooks.js';
import type { WriteCall } from './types.js';

/** What a write knows about itself before and while it runs; filled in as it goes. */
export interface WriteRecord {
  programId: string | null;
  targetIds: string[];
  idempotencyKey?: string;
  /**
   * The input as sent upstream, for the durable trail: ids, statuses, actions and reasons, never
   * a name, email, address or secret. Set before the write runs (it is stored with the intent).
   */
  input?: Record<string, unknown>;
  detail?: AuditEntry['detail'];
  /** The event the write produced or cancelled. */
  eventId?: string;
  /** Per enrollment id written: its status and groups before and after (Enrollment.history). */
  changes?: Record<string, EnrollmentChangeFacts>;
  /** The durable entry's id once its intent is stored (a dispatch keeps it in its idempotency record). */
  auditEntryId?: string;
}

/**
 * Runs one write with its audit: the intent is stored in the durable trail (when wired) before
 * `run` starts, so before any upstream call; a trail that cannot store it refuses the write
 * (UPSTREAM_UNAVAILABLE) unless auditRequired is false. Once the write settled, the log line is
 * emitted and the entry completed with the outcome code and duration; the write is answered only
 * after that. A completion that fails leaves the entry's outcome unknown and the write stands (it
 * may have applied: failing it would invite a retry). `record` may be amended by `run`.
 */
export async function audited<T>(
  hooks: WriteHooks,
  call: WriteCall,
  operation: string,
  record: WriteRecord,
  run: (record: WriteRecord) => Promise<T>,
): Promise<T> {
  const startedAt = performance.now();
  const entryId = await begin(hooks, call, operation, record, startedAt);
  if (entryId !== undefined) record.auditEntryId = entryId;
  let outcome: AuditEntry['outcome'] = 'OK';
  try {
    return await run(record);
  } catch (error) {
    outcome = errorCodeOf(error);
    throw error;
  } finally {
    const durationMs = Math.round(performance.now() - startedAt);
    log(hooks, call, operation, record, outcome, durationMs);
    if (entryId !== undefined) await complete(hooks, entryId, record, outcome, durationMs);
  }
}

async function begin(
  hooks: WriteHooks,
  call: WriteCall,
  operation: string,
  record: WriteRecord,
  startedAt: number,
): Promise<string | undefined> {
  const store = hooks.auditStore;
  if (!store) return undefined;
  try {
    return await store.begin({
      at: call.now,
      callerId: call.caller?.id ?? null,
      callerRole: call.caller?.role ?? null,
      callerKind: call.caller?.kind ?? null,
      requestId: call.requestId,
      operation,
      programId: record.programId,
      targetIds: record.targetIds,
      ...(record.idempotencyKey === undefined ? {} : { idempotencyKey: record.idempotencyKey }),
      ...(record.input === undefined ? {} : { input: record.input }),
    });
  } catch (error) {
    hooks.onAuditStoreError?.('begin', error);
    if (hooks.auditRequired === false) return undefined;
    log(hooks, call, operation, record, errorCodeOf(error), Math.round(performance.now() - startedAt));
    throw error;
  }
}

async function complete(
  hooks: WriteHooks,
  entryId: string,
  record: WriteRecord,
  outcome: AuditEntry['outcome'],
  durationMs: number,
): Promise<void> {
  const eventId =
    record.eventId ?? (typeof record.detail?.eventId === 'string' ? record.detail.eventId : undefined);
  try {
    await hooks.auditStore!.complete(entryId, {
      outcome,
      programId: record.programId,
      ...(eventId === undefined ? {} : { eventId }),
      ...(record.detail ? { detail: record.detail } : {}),
      ...(record.changes && outcome === 'OK' ? { changes: record.changes } : {}),
      durationMs,
    });
  } catch (error) {
    hooks.onAuditStoreError?.('complete', error);
  }
}

function log(
  hooks: WriteHooks,
  call: WriteCall,
  operation: string,
  record: WriteRecord,
  outcome: AuditEntry['outcome'],
  durationMs: number,
): void {
  hooks.audit?.({
    operation,
    callerId: call.caller?.id ?? null,
    requestId: call.requestId,
    programId: record.programId,
    targetIds: record.targetIds,
    ...(record.idempotencyKey === undefined ? {} : { idempotencyKey: record.idempotencyKey }),
    outcome,
    ...(record.detail ? { detail: record.detail } : {}),
    durationMs,
  });
}

/**
 * Tells the cross-request cache (when wired) that a scope changed. Its failure is swallowed: the
 * write stands, and the cache's own TTL bounds the staleness (issue 9 decides how it reports it).
 */
export async function invalidateShared(
  hooks: WriteHooks,
  programIds: readonly (string | null)[],
  scopes: readonly InvalidationScope[],
): Promise<void> {
  const invalidate = hooks.invalidate;
  if (!invalidate) return;
  const distinct = programIds.includes(null) ? [null] : [...new Set(programIds)];
  await Promise.all(
    distinct.flatMap((programId) =>
      scopes.map(async (scope) => {
        try {
          await invalidate(programId, scope);
        } catch {
          // Deliberately ignored, see above.
        }
      }),
    ),
  );
}

/**
 * Tells the cross-request cache (when wired) what a write Flip answered changed in a program: its
 * copies are patched (hooks.patch), or dropped when only invalidation is wired. Failures are
 * swallowed as for invalidateShared.
 */
export async function patchShared(
  hooks: WriteHooks,
  programId: string,
  scopes: readonly ('enrollments' | 'groups')[],
  change: ProgramChange,
): Promise<void> {
  const patch = hooks.patch;
  if (!patch) return invalidateShared(hooks, [programId], scopes);
  await Promise.all(
    scopes.map(async (scope) => {
      try {
        await patch(programId, scope, change);
      } catch {
        // Deliberately ignored, see invalidateShared.
      }
    }),
  );
}
