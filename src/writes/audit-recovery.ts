import { z } from 'zod';
import type { AuditRow, AuditSettlement, EnrollmentChangeFacts } from '../audit/index.js';
import { errorCodeOf } from '../errors.js';
import type { CreateEventInput, EnrollmentRecord } from '../flip/index.js';
import { ACTION_MODES, ENROLLMENT_STATUSES, POWER_MODES, TARGET_TYPES } from '../flip/wire.js';
import { dispatchKeyOf, fingerprintOf } from './dispatch/idempotency.js';
import { findOwnEvent } from './dispatch/recovery.js';
import { maxAttemptMs } from './dispatch/send.js';
import type { WriteCall, WriteDeps } from './types.js';

/**
 * Recovery of audit entries left unknown (issue 19): the intent was stored, then the process
 * stopped before the completion (killed between the upstream call and its answer). Each such
 * entry is looked at once, and gets either the outcome Flip shows or a note saying why none can
 * be shown; it never gets an outcome that was not shown:
 * - dispatchEvent: the key's idempotency record (memory or Redis) names the entry that claimed it;
 *   its event when Flip's answer was saved, else the event dispatch recovery proves to be this
 *   attempt's (recovery.ts: same input, created in the window, absent just before, no other
 *   attempt could own it). A record that is gone (kept in memory by the stopped process, or
 *   expired) proves nothing.
 * - status and group changes: the enrollment as Flip has it now (GET /v1/enrollments/{id}). Every
 *   field the patch set is as intended: completed, with the changes for Enrollment.history (the
 *   status before is unknown). Otherwise the change did not apply or was undone since: unknown.
 * - every other write: not determined here; a note says so.
 * A failure to reach Flip or a store leaves the entry for the next run.
 */

/** The writes whose PATCH /v1/enrollments/{id} recovery compares with the enrollment now. */
const ENROLLMENT_CHANGES = new Set([
  'approveEnrollment',
  'pauseEnrollment',
  'rejectEnrollment',
  'unenrollEnrollment',
  'updateEnrollment',
  'updateEnrollments',
]);

/** Entries looked at per run (the next run takes the next ones). */
const BATCH = 100;

export interface AuditRecoveryOptions {
  /** A call for recovery's reads and idempotency records: fresh loaders, the entry's caller. */
  callFor(caller: WriteCall['caller'], requestId: string): WriteCall;
  /**
   * true for PGlite, whose data directory one process owns: every entry still unknown that began
   * before this process started was left by a stopped one. false (a shared PostgreSQL): another
   * instance may still be running it, so only entries older than any write can take are looked at.
   */
  exclusive: boolean;
  /** When this process started (its own writes are never looked at before they can be over). */
  startedAt: Date;
  /** Told what each entry became; must not throw. */
  onSettled?: (entry: AuditRow, settlement: AuditSettlement) => void;
  /** Told when a run failed (it is tried again at the next); must not throw. */
  onError?: (error: unknown) => void;
}

export interface AuditRecovery {
  /** One run: the entries settled or noted in it. */
  run(): Promise<number>;
  /** Runs now and then every `intervalMs` in the background (unref'd); stop() ends it. */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function createAuditRecovery(deps: WriteDeps, options: AuditRecoveryOptions): AuditRecovery {
  const clock = deps.clock ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const runOnce = async (): Promise<number> => {
    const store = deps.auditStore;
    if (!store) return 0;
    const oldEnough = clock() - maxAttemptMs(deps);
    const before = new Date(options.exclusive ? Math.max(options.startedAt.getTime(), oldEnough) : oldEnough);
    let settled = 0;
    for (const entry of await store.unknown(before, BATCH)) {
      const settlement = await settlementOf(deps, options, entry);
      if (!settlement) continue;
      if (await store.settle(entry.id, settlement)) {
        settled += 1;
        options.onSettled?.(entry, settlement);
      }
    }
    return settled;
  };

  const recovery: AuditRecovery = {
    run() {
      // One run at a time: an interval firing during a long run waits for it.
      running ??= runOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(intervalMs) {
      const tick = () =>
        void recovery.run().catch((error: unknown) => {
          options.onError?.(error);
        });
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
  return recovery;
}

/** The verdict on one entry, or undefined when Flip or a store could not be asked (next run). */
async function settlementOf(
  deps: WriteDeps,
  options: AuditRecoveryOptions,
  entry: AuditRow,
): Promise<AuditSettlement | undefined> {
  const at = new Date((deps.clock ?? Date.now)()).toISOString();
  const verdict = (v: Omit<AuditSettlement, 'recovery'>, note: string): AuditSettlement => ({
    ...v,
    recovery: { by: 'restart', at, note },
  });
  try {
    if (entry.operation === 'dispatchEvent') return await dispatchVerdict(deps, options, entry, verdict);
    if (ENROLLMENT_CHANGES.has(entry.operation)) return await enrollmentVerdict(deps, entry, verdict);
    return verdict(
      {},
      `Recovery does not determine the outcome of ${entry.operation}: check it in Flip (the write may or may not have applied).`,
    );
  } catch (error) {
    options.onError?.(error);
    return undefined;
  }
}

type Verdict = (v: Omit<AuditSettlement, 'recovery'>, note: string) => AuditSettlement;

async function dispatchVerdict(
  deps: WriteDeps,
  options: AuditRecoveryOptions,
  entry: AuditRow,
  verdict: Verdict,
): Promise<AuditSettlement> {
  const input = createEventInputOf(entry.input);
  if (entry.idempotencyKey === null || input === null) {
    return verdict({}, 'The entry has no idempotency key or input to look for its event with.');
  }
  const call = options.callFor(callerOf(entry), `audit-recovery-${entry.id}`);
  const key = dispatchKeyOf(deps, call, entry.idempotencyKey);
  const record = await key.read();
  if (!record) {
    return verdict(
      {},
      "The key's idempotency record is gone (kept in memory by the process that stopped, or expired): no event can be shown to be this write's. Look for it in the events query.",
    );
  }
  if (record.auditEntryId !== entry.id) {
    return verdict(
      {},
      record.auditEntryId === undefined
        ? "The key's idempotency record does not name the attempt that claimed it: no event can be shown to be this write's."
        : `The key's idempotency record belongs to audit entry ${record.auditEntryId}, not this one: this attempt never held the key, so it sent no POST.`,
    );
  }
  if (record.state === 'done' && record.event) {
    return verdict(
      { outcome: 'OK', eventId: record.event.id },
      `Flip's answer (event ${record.event.id}) was saved in the idempotency record before the process stopped.`,
    );
  }
  if (record.fingerprint !== fingerprintOf(input)) {
    return verdict(
      {},
      "The key's idempotency record is for another input: no event can be shown to be this write's.",
    );
  }
  const found = await findOwnEvent(call, key, record, input, maxAttemptMs(deps));
  if (!found) {
    return verdict(
      {},
      "No event could be shown to be this attempt's (none created in its window that was absent just before, or another attempt could own it). Look for it in the events query.",
    );
  }
  // The key answers a retry with the event from now on (a failing save leaves it for recovery).
  await key.save({ ...record, state: 'done', event: found }).catch(() => undefined);
  return verdict(
    { outcome: 'OK', eventId: found.id },
    `Event ${found.id} is the only one Flip lists with this input, created in this attempt's window and absent just before its POST.`,
  );
}

async function enrollmentVerdict(
  deps: WriteDeps,
  entry: AuditRow,
  verdict: Verdict,
): Promise<AuditSettlement> {
  const patch = Patch.safeParse(entry.input ?? {});
  if (!patch.success || (patch.data.status === undefined && patch.data.groupIds === undefined)) {
    return verdict(
      {},
      'The change sets neither a status nor groups: nothing in Flip shows whether it applied.',
    );
  }
  // updateEnrollment names the enrollment first, then its groups; the others name enrollments only.
  const ids =
    entry.operation === 'updateEnrollment' ? entry.targetIds.slice(0, 1) : [...new Set(entry.targetIds)];
  const changes: Record<string, EnrollmentChangeFacts> = {};
  const differing: string[] = [];
  for (const id of ids) {
    let now: EnrollmentRecord;
    try {
      now = await deps.clients.utility.getEnrollment(id, { requestId: `audit-recovery-${entry.id}` });
    } catch (error) {
      if (errorCodeOf(error) !== 'NOT_FOUND') throw error;
      differing.push(`${id} is not found`);
      continue;
    }
    const mismatch = mismatchOf(now, patch.data);
    if (mismatch) differing.push(`${id} ${mismatch}`);
    else changes[id] = factsOf(now, patch.data);
  }
  if (differing.length > 0) {
    return verdict(
      {},
      `Flip does not show the change on every enrollment (${differing.join('; ')}): it did not apply, or was undone since.`,
    );
  }
  return verdict(
    { outcome: 'OK', changes },
    `Flip shows every enrollment as the change intended (${describe(patch.data)}); the status before it is not known.`,
  );
}

const Patch = z.object({
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  statusReason: z.string().optional(),
  groupIds: z.array(z.string()).optional(),
});
type Patch = z.infer<typeof Patch>;

/** What differs from the patch, or null when every field it set is as intended. */
function mismatchOf(now: EnrollmentRecord, patch: Patch): string | null {
  if (patch.status !== undefined && now.status !== patch.status)
    return `is ${now.status}, not ${patch.status}`;
  if (patch.statusReason !== undefined && now.statusReason !== patch.statusReason)
    return 'has another status reason';
  if (patch.groupIds !== undefined) {
    const groups = new Set(now.site.groups.map((g) => g.id));
    const wanted = new Set(patch.groupIds);
    if (groups.size !== wanted.size || [...wanted].some((g) => !groups.has(g))) return 'is in other groups';
  }
  return null;
}

function factsOf(now: EnrollmentRecord, patch: Patch): EnrollmentChangeFacts {
  return {
    ...(patch.status === undefined ? {} : { toStatus: now.status }),
    ...(patch.groupIds === undefined ? {} : { toGroupIds: now.site.groups.map((g) => g.id) }),
    ...(patch.statusReason === undefined ? {} : { reason: patch.statusReason }),
  };
}

function describe(patch: Patch): string {
  return [
    ...(patch.status === undefined ? [] : [`status ${patch.status}`]),
    ...(patch.groupIds === undefined ? [] : [`groups [${patch.groupIds.join(', ')}]`]),
    ...(patch.statusReason === undefined ? [] : ['the status reason']),
  ].join(', ');
}

function callerOf(entry: AuditRow): WriteCall['caller'] {
  if (entry.callerId === null) return null;
  // Entries stored before the caller's kind was: an API key's id is `key:<id>`.
  const kind = entry.callerKind ?? (entry.callerId.startsWith('key:') ? 'api-key' : 'jwt');
  return { id: entry.callerId, kind };
}

const StoredAction = z.object({
  mode: z.enum(ACTION_MODES),
  startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  durationS: z.number(),
  powerMode: z.enum(POWER_MODES).optional(),
  setpointW: z.number().optional(),
  backupReservePercentage: z.number().optional(),
  enableGridImport: z.boolean().optional(),
});
const StoredDispatch = z.object({
  programId: z.string(),
  targetType: z.enum(TARGET_TYPES),
  targetIds: z.array(z.string()),
  actions: z.array(StoredAction),
});

/** The dispatch as the entry stored it (dispatch/index.ts dispatchInputOf), or null. */
function createEventInputOf(input: Record<string, unknown> | null): CreateEventInput | null {
  const parsed = StoredDispatch.safeParse(input);
  if (!parsed.success) return null;
  return {
    ...parsed.data,
    actions: parsed.data.actions.map((a) => ({
      mode: a.mode,
      startsAt: a.startsAt,
      durationS: a.durationS,
      ...(a.powerMode === undefined ? {} : { powerMode: a.powerMode }),
      ...(a.setpointW === undefined ? {} : { setpointW: a.setpointW }),
      ...(a.backupReservePercentage === undefined
        ? {}
        : { backupReservePercentage: a.backupReservePercentage }),
      ...(a.enableGridImport === undefined ? {} : { enableGridImport: a.enableGridImport }),
    })),
  };
}
