import { errorCodeOf } from '../errors.js';
import type { AuditEntry, InvalidationScope, WriteHooks } from './hooks.js';
import type { WriteCall } from './types.js';

/** What a write knows about itself before and while it runs; filled in as it goes. */
export interface WriteRecord {
  programId: string | null;
  targetIds: string[];
  idempotencyKey?: string;
  detail?: AuditEntry['detail'];
}

/**
 * Runs one write and emits its audit entry (hooks.audit) once it settled, with the outcome
 * code and duration. `record` may be amended by `run` (e.g. the program found, the event id).
 */
export async function audited<T>(
  hooks: WriteHooks,
  call: WriteCall,
  operation: string,
  record: WriteRecord,
  run: (record: WriteRecord) => Promise<T>,
): Promise<T> {
  const startedAt = performance.now();
  let outcome: AuditEntry['outcome'] = 'OK';
  try {
    return await run(record);
  } catch (error) {
    outcome = errorCodeOf(error);
    throw error;
  } finally {
    hooks.audit?.({
      operation,
      callerId: call.caller?.id ?? null,
      requestId: call.requestId,
      programId: record.programId,
      targetIds: record.targetIds,
      ...(record.idempotencyKey === undefined ? {} : { idempotencyKey: record.idempotencyKey }),
      outcome,
      ...(record.detail ? { detail: record.detail } : {}),
      durationMs: Math.round(performance.now() - startedAt),
    });
  }
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
