import { ServiceError } from '../errors.js';
import { openPglite, openPostgres, type SqlBackend } from './backend.js';
import { migrate } from './migrations.js';
import type {
  AuditCompletion,
  AuditFilter,
  AuditIntent,
  AuditPosition,
  AuditRow,
  AuditSettlement,
  EnrollmentHistoryRow,
} from './types.js';

export interface AuditStoreOptions {
  /** A PostgreSQL URL: several instances share one trail. Unset: PGlite on `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data directory, or `memory://` (tests). */
  dataDir: string;
  retentionDays: number;
  /** Told when opening or pruning fails (the log); never throws. */
  onError?: (what: string, error: unknown) => void;
  /**
   * An already migrated database to use instead of opening one (a cluster worker's link to the
   * primary's PGlite: see src/cluster/). Absent: openAuditBackend(databaseUrl, dataDir).
   */
  backend?: () => Promise<SqlBackend>;
}

/**
 * The durable audit trail. Opened on first use (or by `open()` in the background at start-up):
 * reads of the service never wait for it. Every method rejects with UPSTREAM_UNAVAILABLE when
 * the database cannot be reached; the next call tries to open it again.
 */
export interface AuditStore {
  readonly kind: 'pglite' | 'postgres';
  /** Opens and migrates (idempotent); rejects like the other methods. */
  open(): Promise<void>;
  /** Stores a write's intent; resolves to the entry's id. */
  begin(intent: AuditIntent): Promise<string>;
  /** Sets the outcome of an entry begun earlier (once: an entry already completed stays). */
  complete(id: string, completion: AuditCompletion): Promise<void>;
  /**
   * Entries whose outcome is unknown (intent stored, never completed) begun before `before`,
   * oldest first, at most `limit`; those recovery already looked at (a note) are left out.
   */
  unknown(before: Date, limit: number): Promise<AuditRow[]>;
  /**
   * Recovery's verdict on an entry still unknown: its outcome (and event id, enrollment changes)
   * when one could be shown, and in every case the recovery note. False when the entry was no
   * longer unknown (completed meanwhile, or settled by another instance).
   */
  settle(id: string, settlement: AuditSettlement): Promise<boolean>;
  /**
   * The oldest dispatchEvent entry of this caller and idempotency key whose outcome is unknown,
   * begun before entry `beforeId`, or null: a retry must not send again what it may have sent.
   */
  unknownDispatch(
    caller: { id: string | null; kind: string | null },
    idempotencyKey: string,
    beforeId: string,
  ): Promise<AuditRow | null>;
  /** Newest first, `first` + 1 rows (the extra one says there is a next page). */
  list(filter: AuditFilter, first: number, after?: AuditPosition): Promise<AuditRow[]>;
  /** For each enrollment id, its changes newest first, at most `first` + 1: one SQL query. */
  history(
    enrollmentIds: readonly string[],
    first: number,
    after?: AuditPosition,
  ): Promise<EnrollmentHistoryRow[]>;
  /** The succeeded dispatchEvent and cancelEvent entries of these events: one SQL query. */
  eventEntries(eventIds: readonly string[]): Promise<AuditRow[]>;
  /** Deletes entries older than the retention; resolves to how many. */
  prune(now?: Date): Promise<number>;
  close(): Promise<void>;
}

/** How often the retention runs, once the store is open. */
const PRUNE_EVERY_MS = 6 * 3_600_000;

const COLUMN_NAMES = [
  'at',
  'caller_id',
  'caller_role',
  'caller_kind',
  'request_id',
  'operation',
  'program_id',
  'target_ids',
  'idempotency_key',
  'input',
  'outcome',
  'event_id',
  'detail',
  'duration_ms',
  'completed_at',
];
/** The selected columns, of table alias `alias` when given. */
const columns = (alias = '') =>
  [`${alias}id::text AS id`, ...COLUMN_NAMES.map((c) => `${alias}${c}`)].join(', ');
const COLUMNS = columns();

const MEMORY = 'memory://';
let template: Promise<Blob> | undefined;

/**
 * One migrated empty database per process, dumped: each `memory://` store (tests start many) loads
 * it instead of running initdb again.
 */
function memoryTemplate(): Promise<Blob> {
  template ??= (async () => {
    const fresh = await openPglite(MEMORY);
    try {
      await migrate(fresh);
      return await fresh.dump();
    } finally {
      await fresh.close();
    }
  })();
  template.catch(() => {
    template = undefined;
  });
  return template;
}

/** Opens the configured database (PostgreSQL, or PGlite on a directory) and migrates it. */
export async function openAuditBackend(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<SqlBackend> {
  const backend = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : options.dataDir === MEMORY
      ? await openPglite(MEMORY, await memoryTemplate())
      : await openPglite(options.dataDir);
  try {
    await migrate(backend);
  } catch (error) {
    await backend.close().catch(() => undefined);
    throw error;
  }
  return backend;
}

export function createAuditStore(options: AuditStoreOptions): AuditStore {
  const kind = options.databaseUrl ? 'postgres' : 'pglite';
  let opening: Promise<SqlBackend> | undefined;
  let closed = false;
  let pruneTimer: NodeJS.Timeout | undefined;

  const db = async (): Promise<SqlBackend> => {
    if (closed) throw unavailable('the service is stopping');
    opening ??= options.backend ? options.backend() : openAuditBackend(options);
    try {
      const backend = await opening;
      if (!pruneTimer) {
        pruneTimer = setInterval(() => void store.prune().catch(() => undefined), PRUNE_EVERY_MS);
        pruneTimer.unref();
        void store.prune().catch(() => undefined);
      }
      return backend;
    } catch (error) {
      opening = undefined;
      options.onError?.('open', error);
      throw unavailable(kind === 'postgres' ? 'its database cannot be reached' : 'it cannot be opened');
    }
  };

  /** Runs a query; a database error becomes UPSTREAM_UNAVAILABLE (its text stays in the log). */
  const run = async <R extends object>(sql: string, params: unknown[]): Promise<R[]> => {
    const backend = await db();
    try {
      return await backend.query<R>(sql, params);
    } catch (error) {
      options.onError?.('query', error);
      // pg: a dropped server is retried by the pool's next connection. PGlite whose thread died:
      // this write is refused, the next one opens the data directory again.
      if (backend.isGone?.()) opening = undefined;
      throw unavailable('its database refused the query');
    }
  };

  const store: AuditStore = {
    kind,
    async open() {
      await db();
    },
    async begin(intent) {
      const rows = await run<{ id: string }>(
        `INSERT INTO audit_entries (at, caller_id, caller_role, request_id, operation, program_id, target_ids,
           idempotency_key, input, caller_kind)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9::jsonb, $10) RETURNING id::text AS id`,
        [
          intent.at,
          intent.callerId,
          intent.callerRole,
          intent.requestId,
          intent.operation,
          intent.programId,
          intent.targetIds,
          intent.idempotencyKey ?? null,
          intent.input === undefined ? null : JSON.stringify(intent.input),
          intent.callerKind ?? null,
        ],
      );
      return rows[0]!.id;
    },
    async complete(id, c) {
      const detail =
        c.detail || c.changes
          ? JSON.stringify({ ...c.detail, ...(c.changes ? { changes: c.changes } : {}) })
          : null;
      await run(
        `UPDATE audit_entries SET outcome = $2, program_id = coalesce($3, program_id), event_id = $4,
           detail = $5::jsonb, duration_ms = $6, completed_at = now()
         WHERE id = $1::bigint AND outcome IS NULL`,
        [id, c.outcome, c.programId, c.eventId ?? null, detail, c.durationMs],
      );
    },
    async unknown(before, limit) {
      // Looked at once: later, Flip's state may owe to other writes (a status changed since).
      const rows = await run<RawRow>(
        `SELECT ${COLUMNS} FROM audit_entries
         WHERE outcome IS NULL AND at < $1 AND (detail IS NULL OR NOT detail ? 'recovery')
         ORDER BY at, id LIMIT $2`,
        [before, limit],
      );
      return rows.map(rowOf);
    },
    async unknownDispatch(caller, idempotencyKey, beforeId) {
      // Only earlier entries: of two concurrent attempts, the later one defers to the earlier.
      const rows = await run<RawRow>(
        `SELECT ${COLUMNS} FROM audit_entries
         WHERE outcome IS NULL AND operation = 'dispatchEvent' AND idempotency_key = $1
           AND caller_id IS NOT DISTINCT FROM $2 AND (caller_kind IS NULL OR caller_kind = $3)
           AND id < $4::bigint
         ORDER BY id LIMIT 1`,
        [idempotencyKey, caller.id, caller.kind, beforeId],
      );
      return rows[0] ? rowOf(rows[0]) : null;
    },
    async settle(id, s) {
      const extra = JSON.stringify({ recovery: s.recovery, ...(s.changes ? { changes: s.changes } : {}) });
      const rows = await run<{ id: string }>(
        s.outcome === undefined
          ? `UPDATE audit_entries SET detail = coalesce(detail, '{}'::jsonb) || $2::jsonb
             WHERE id = $1::bigint AND outcome IS NULL RETURNING id::text AS id`
          : `UPDATE audit_entries SET outcome = $3, event_id = coalesce($4, event_id),
               detail = coalesce(detail, '{}'::jsonb) || $2::jsonb, completed_at = now()
             WHERE id = $1::bigint AND outcome IS NULL RETURNING id::text AS id`,
        s.outcome === undefined ? [id, extra] : [id, extra, s.outcome, s.eventId ?? null],
      );
      return rows.length > 0;
    },
    async list(filter, first, after) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: (p: string) => string, value: unknown) => {
        params.push(value);
        where.push(clause(`$${params.length}`));
      };
      if (filter.programId !== undefined) add((p) => `program_id = ${p}`, filter.programId);
      if (filter.callerId !== undefined) add((p) => `caller_id = ${p}`, filter.callerId);
      if (filter.operation !== undefined) add((p) => `operation = ${p}`, filter.operation);
      if (filter.targetId !== undefined) add((p) => `target_ids @> ARRAY[${p}::text]`, filter.targetId);
      if (filter.since !== undefined) add((p) => `at >= ${p}`, filter.since);
      if (filter.until !== undefined) add((p) => `at < ${p}`, filter.until);
      if (after) {
        params.push(after.at, after.id);
        where.push(`(at, id) < ($${params.length - 1}, $${params.length}::bigint)`);
      }
      params.push(first + 1);
      const rows = await run<RawRow>(
        `SELECT ${COLUMNS} FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY at DESC, id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(rowOf);
    },
    async history(enrollmentIds, first, after) {
      if (enrollmentIds.length === 0) return [];
      const params: unknown[] = [[...enrollmentIds], first + 1];
      let position = '';
      if (after) {
        params.push(after.at, after.id);
        position = 'AND (e.at, e.id) < ($3, $4::bigint)';
      }
      const rows = await run<RawRow & { enrollment_id: string }>(
        `SELECT * FROM (
           SELECT t.eid AS enrollment_id, ${columns('e.')},
             row_number() OVER (PARTITION BY t.eid ORDER BY e.at DESC, e.id DESC) AS rn
           FROM audit_entries e CROSS JOIN LATERAL unnest(e.target_ids) AS t(eid)
           WHERE e.target_ids && $1::text[] AND t.eid = ANY($1::text[]) AND e.outcome = 'OK'
             AND e.detail -> 'changes' ? t.eid ${position}
         ) x WHERE rn <= $2 ORDER BY enrollment_id, at DESC, id DESC`,
        params,
      );
      return rows.map((r) => {
        const row = rowOf(r);
        const changes = (row.detail?.changes ?? {}) as Record<string, EnrollmentHistoryRow['change']>;
        return { ...row, enrollmentId: r.enrollment_id, change: changes[r.enrollment_id] ?? {} };
      });
    },
    async eventEntries(eventIds) {
      if (eventIds.length === 0) return [];
      const rows = await run<RawRow>(
        `SELECT ${COLUMNS} FROM audit_entries
         WHERE event_id = ANY($1::text[]) AND outcome = 'OK' AND operation IN ('dispatchEvent', 'cancelEvent')
         ORDER BY at, id`,
        [[...eventIds]],
      );
      return rows.map(rowOf);
    },
    async prune(now = new Date()) {
      const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
      try {
        const rows = await run<{ id: string }>(
          'DELETE FROM audit_entries WHERE at < $1 RETURNING id::text AS id',
          [cutoff],
        );
        return rows.length;
      } catch (error) {
        options.onError?.('prune', error);
        throw error;
      }
    },
    async close() {
      closed = true;
      clearInterval(pruneTimer);
      const backend = await opening?.catch(() => undefined);
      await backend?.close();
    },
  };
  return store;
}

function unavailable(why: string): ServiceError {
  return new ServiceError(
    'UPSTREAM_UNAVAILABLE',
    `The audit trail is unavailable (${why}): writes are refused until it is back, and nothing was sent to Flip. Reads keep working.`,
  );
}

interface RawRow {
  id: string;
  at: Date;
  caller_id: string | null;
  caller_role: string | null;
  caller_kind: string | null;
  request_id: string;
  operation: string;
  program_id: string | null;
  target_ids: string[];
  idempotency_key: string | null;
  input: Record<string, unknown> | null;
  outcome: string | null;
  event_id: string | null;
  detail: Record<string, unknown> | null;
  duration_ms: number | null;
  completed_at: Date | null;
}

function rowOf(r: RawRow): AuditRow {
  return {
    id: r.id,
    at: new Date(r.at),
    callerId: r.caller_id,
    callerRole: r.caller_role,
    callerKind: r.caller_kind === 'api-key' || r.caller_kind === 'jwt' ? r.caller_kind : null,
    requestId: r.request_id,
    operation: r.operation,
    programId: r.program_id,
    targetIds: r.target_ids,
    idempotencyKey: r.idempotency_key,
    input: r.input,
    outcome: r.outcome,
    eventId: r.event_id,
    detail: r.detail,
    durationMs: r.duration_ms,
    completedAt: r.completed_at === null ? null : new Date(r.completed_at),
  };
}
