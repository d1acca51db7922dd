import { openPgliteThread } from './pglite-thread.js';

/**
 * The two SQL backends behind one interface: PGlite (embedded Postgres in WASM, in-process) when
 * DATABASE_URL is unset, a real PostgreSQL through `pg` when it is set. The queries are the same.
 */
export interface SqlBackend {
  readonly kind: 'pglite' | 'postgres';
  query<R extends object>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs `fn` in one transaction on one connection (migrations take an advisory lock in it). */
  transaction<T>(fn: (q: SqlBackend['query']) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** True once the backend can never answer again (PGlite's thread died): open a new one. */
  isGone?(): boolean;
}

/**
 * PGlite on a data directory (created when missing), or `memory://` for a throwaway database.
 * `template`: a dump (dumpDataDir) to start a `memory://` database from: loading one takes about
 * a second where initdb takes several. PGlite runs on its own thread (pglite-thread.ts): opening
 * it and its queries never block the service's event loop.
 */
export async function openPglite(
  dataDir: string,
  template?: Blob,
): Promise<SqlBackend & { dump(): Promise<Blob> }> {
  return openPgliteThread(dataDir, template);
}

/** A pool on a PostgreSQL server; connections are made on first use (a server down fails a query). */
export async function openPostgres(url: string): Promise<SqlBackend> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000 });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as R[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(async <R extends object>(sql: string, params: unknown[] = []) => {
          return (await client.query(sql, params)).rows as R[];
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
