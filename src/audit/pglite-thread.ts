import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SqlBackend } from './backend.js';

/**
 * PGlite (Postgres in WASM) on its own thread: opening a data directory (seconds of initdb) and
 * every query run there, so the service's event loop keeps answering meanwhile. The thread's
 * code is the plain-JS string below, run as an eval worker: the same from dist/ and under vitest
 * (which cannot load a .ts file in a Worker). It imports PGlite by the absolute URL resolved here.
 *
 * Protocol (parent → thread): `{ id, op: 'query', sql, params, txId? }`, `{ id, op: 'begin', txId }`
 * (the thread enters `db.transaction` and serves that txId's queries until `end`),
 * `{ id, op: 'end', txId, commit }`, `{ id, op: 'dump' }`, `{ id, op: 'close' }`.
 * Thread → parent: `{ op: 'ready' }` or `{ op: 'failed', error }` once, then `{ id, ok, value | error }`.
 * Errors cross as `{ message, code }` (the Postgres SQLSTATE when there is one).
 */
const THREAD_CODE = `
const errorOf = (e) => ({ message: e && e.message ? String(e.message) : String(e), code: e && typeof e.code === 'string' ? e.code : undefined });
const ROLLBACK = Symbol('rollback');
(async () => {
  // import(), not require: an eval worker is a module when the process runs with --input-type=module.
  const { parentPort, workerData } = await import('node:worker_threads');
  let db;
  try {
    const { PGlite } = await import(workerData.pgliteUrl);
    const options = workerData.template ? { loadDataDir: new Blob([workerData.template]) } : {};
    options.startParams = [...PGlite.defaultStartParams, ...workerData.startParams];
    db = await PGlite.create(workerData.dataDir, options);
  } catch (e) {
    parentPort.postMessage({ op: 'failed', error: errorOf(e) });
    return;
  }
  const txs = new Map();
  const reply = (id, work) =>
    Promise.resolve().then(work).then(
      (value) => parentPort.postMessage({ id, ok: true, value }),
      (e) => parentPort.postMessage({ id, ok: false, error: errorOf(e) }),
    );
  // A transaction: the thread stays inside db.transaction, serving this txId's queries (other
  // queries wait on PGlite's own mutex), until 'end' commits or rolls back.
  const begin = (m) => {
    const entry = {};
    txs.set(m.txId, entry);
    let entered;
    const inside = new Promise((resolve) => { entered = resolve; });
    entry.done = db.transaction(async (tx) => {
      entry.tx = tx;
      const commit = await new Promise((resolve) => { entry.end = resolve; entered(); });
      if (!commit) throw ROLLBACK;
    }).catch((e) => { if (e !== ROLLBACK) throw e; });
    const failed = entry.done.then(() => { throw new Error('the transaction ended before it began'); });
    reply(m.id, () => Promise.race([inside, failed]).catch((e) => { txs.delete(m.txId); throw e; }));
  };
  parentPort.on('message', (m) => {
    switch (m.op) {
      case 'query':
        return reply(m.id, async () => {
          const target = m.txId === undefined ? db : txs.has(m.txId) ? txs.get(m.txId).tx : undefined;
          if (!target) throw new Error('transaction ' + m.txId + ' is not open');
          return (await target.query(m.sql, m.params)).rows;
        });
      case 'begin':
        return begin(m);
      case 'end':
        return reply(m.id, async () => {
          const entry = txs.get(m.txId);
          if (!entry || !entry.end) throw new Error('transaction ' + m.txId + ' is not open');
          entry.end(m.commit);
          try {
            await entry.done;
          } finally {
            txs.delete(m.txId);
          }
        });
      case 'dump':
        return db.dumpDataDir('none').then((blob) => blob.arrayBuffer()).then(
          (value) => parentPort.postMessage({ id: m.id, ok: true, value }, [value]),
          (e) => parentPort.postMessage({ id: m.id, ok: false, error: errorOf(e) }),
        );
      case 'close':
        return reply(m.id, () => db.close());
    }
  });
  parentPort.postMessage({ op: 'ready' });
})();
`;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };
type Ready = { op: 'ready' } | { op: 'failed'; error: WireError };
interface WireError {
  message: string;
  code?: string;
}

/** The threads open in this process (for `terminatePgliteThreads`). */
const threads = new Set<Worker>();

/**
 * Stops every PGlite thread of this process at once, as a crash of one would: their pending and
 * later calls reject (the audit store then refuses writes with UPSTREAM_UNAVAILABLE). For tests
 * of that path and for an operator's last resort; a normal stop is `close()`.
 */
export async function terminatePgliteThreads(): Promise<number> {
  const all = [...threads];
  await Promise.all(all.map((t) => t.terminate()));
  return all.length;
}

const require = createRequire(import.meta.url);

/**
 * Added to PGlite's own start parameters. Postgres's default buffer pool (128 MB) is allocated in
 * the WASM memory: an append-only trail with small writes needs far less, and the pool was most
 * of the process's memory after start (measured on a reopened data directory: 292 MB of RSS with
 * the default, 165 MB with 16 MB).
 */
const START_PARAMS = ['-c', 'shared_buffers=16MB'];

/** A PGlite database on its own thread, behind SqlBackend; see openPglite in backend.ts. */
export async function openPgliteThread(
  dataDir: string,
  template?: Blob,
): Promise<SqlBackend & { dump(): Promise<Blob> }> {
  // The template's bytes move to the thread (transferred, not copied: tests start many stores).
  const bytes = template ? await template.arrayBuffer() : undefined;
  const worker = new Worker(THREAD_CODE, {
    eval: true,
    workerData: {
      pgliteUrl: pathToFileURL(require.resolve('@electric-sql/pglite')).href,
      dataDir,
      template: bytes,
      startParams: START_PARAMS,
    },
    transferList: bytes ? [bytes] : [],
  });
  threads.add(worker);
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let nextTx = 0;
  let openTxs = 0;
  let gone: Error | undefined;
  let closing = false;

  // The thread holds the process open only while something waits on it; idle, it never does.
  const holdIfBusy = () => {
    if (pending.size > 0 || openTxs > 0) worker.ref();
    else worker.unref();
  };
  const die = (error: Error) => {
    threads.delete(worker);
    gone ??= error;
    for (const p of pending.values()) p.reject(gone);
    pending.clear();
  };

  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: Ready) => {
      if (m.op === 'ready') resolve();
      else reject(errorFrom(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the PGlite thread exited (code ${code}) while opening`)));
  });
  try {
    await ready;
  } catch (error) {
    threads.delete(worker);
    await worker.terminate();
    throw error;
  }
  worker.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    holdIfBusy();
    if (m.ok) p.resolve(m.value);
    else p.reject(errorFrom(m.error));
  });
  worker.on('error', (error) => die(new Error(`the PGlite thread failed: ${error.message}`)));
  worker.on('exit', (code) =>
    die(new Error(closing ? 'PGlite is closed' : `the PGlite thread exited (code ${code})`)),
  );
  holdIfBusy();

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        worker.postMessage({ ...message, id });
      } catch (error) {
        // A parameter that cannot be cloned (DataCloneError): nothing was sent, nothing to wait for.
        pending.delete(id);
        reject(error as Error);
      }
      holdIfBusy();
    });
  };

  return {
    kind: 'pglite',
    isGone: () => gone !== undefined && !closing,
    async dump() {
      return new Blob([await call<ArrayBuffer>({ op: 'dump' })]);
    },
    query<R extends object>(sql: string, params: unknown[] = []) {
      return call<R[]>({ op: 'query', sql, params });
    },
    async transaction(fn) {
      const txId = nextTx++;
      openTxs++;
      try {
        await call({ op: 'begin', txId });
        let result;
        try {
          result = await fn(<R extends object>(sql: string, params: unknown[] = []) =>
            call<R[]>({ op: 'query', sql, params, txId }),
          );
        } catch (error) {
          await call({ op: 'end', txId, commit: false }).catch(() => undefined);
          throw error;
        }
        await call({ op: 'end', txId, commit: true });
        return result;
      } finally {
        openTxs--;
        holdIfBusy();
      }
    },
    async close() {
      if (gone) return;
      try {
        await call({ op: 'close' });
      } finally {
        closing = true;
        await worker.terminate();
      }
    },
  };
}

function errorFrom(wire: WireError): Error {
  const error = new Error(wire.message) as Error & { code?: string };
  if (wire.code !== undefined) error.code = wire.code;
  return error;
}
