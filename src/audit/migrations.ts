import type { SqlBackend } from './backend.js';

/**
 * The audit schema as numbered migrations, applied in order at open, each once: the versions
 * applied are kept in audit_migrations. Never edit a released migration; add the next number.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        caller_id text,
        caller_role text,
        request_id text NOT NULL,
        operation text NOT NULL,
        program_id text,
        target_ids text[] NOT NULL DEFAULT '{}',
        idempotency_key text,
        input jsonb,
        outcome text,
        event_id text,
        detail jsonb,
        duration_ms integer,
        completed_at timestamptz
      );
      CREATE INDEX audit_entries_at ON audit_entries (at DESC, id DESC);
      CREATE INDEX audit_entries_program ON audit_entries (program_id, at DESC, id DESC);
      CREATE INDEX audit_entries_caller ON audit_entries (caller_id, at DESC, id DESC);
      CREATE INDEX audit_entries_operation ON audit_entries (operation, at DESC, id DESC);
      CREATE INDEX audit_entries_targets ON audit_entries USING gin (target_ids);
      CREATE INDEX audit_entries_event ON audit_entries (event_id) WHERE event_id IS NOT NULL;
    `,
  },
  {
    // Recovery (issue 19): the caller's kind finds a dispatch's idempotency record again after a
    // restart; entries left unknown are found through a partial index (few rows).
    version: 2,
    sql: `
      ALTER TABLE audit_entries ADD COLUMN caller_kind text;
      CREATE INDEX audit_entries_unknown ON audit_entries (at, id) WHERE outcome IS NULL;
    `,
  },
];

/** Any fixed number: instances opening the same server at once apply each migration once. */
const MIGRATION_LOCK = 719_019;

export async function migrate(db: SqlBackend): Promise<void> {
  await db.transaction(async (q) => {
    await q('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await q(
      'CREATE TABLE IF NOT EXISTS audit_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await q<{ version: number }>('SELECT version FROM audit_migrations')).map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean))
        await q(statement);
      await q('INSERT INTO audit_migrations (version) VALUES ($1)', [m.version]);
    }
  });
}
