import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { openPglite } from '../../src/audit/backend.js';
import { terminatePgliteThreads } from '../../src/audit/pglite-thread.js';
import { startService } from '../support/start.js';
import { errorsOf, firstProgram, writeCalls } from '../graphql/mutations/helpers.js';

/**
 * PGlite on its own thread (issue 19): creating its data directory takes seconds, and the service
 * answers meanwhile; a thread that dies makes the trail unavailable, and writes are refused.
 */

const PAUSE = /* GraphQL */ `
  mutation Pause($id: ID!) {
    pauseEnrollment(id: $id) {
      id
      status
    }
  }
`;
const PROGRAM = /* GraphQL */ `
  query Program($id: ID!) {
    program(id: $id) {
      id
    }
  }
`;

describe('PGlite on its own thread', () => {
  it('answers a read while the audit store is still creating its data directory', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'audit-open-'));
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    // Production opens the audit store right after start-up, in the background, and logs when it is open.
    const svc = await startService({ env: { NODE_ENV: 'production', AUDIT_DATA_DIR: dataDir } });
    const open = () => svc.logs.some((l) => l.msg === 'audit trail open');
    const { programId } = firstProgram(svc.sim);

    const read = await svc.gql(PROGRAM, { id: programId });
    expect(read.body).toEqual({ data: { program: { id: programId } } });
    expect(open()).toBe(false);
    // The open does finish (a fresh data directory: initdb, then the migrations).
    await vi.waitFor(() => expect(open()).toBe(true), { timeout: 80_000, interval: 50 });
    expect(svc.logs.filter((l) => l.msg === 'audit trail failed')).toEqual([]);
  }, 100_000);

  it('answers a read while a PGlite query runs (on the main thread, pg_sleep would hold every answer)', async () => {
    const svc = await startService();
    const db = await openPglite('memory://');
    onTestFinished(() => db.close());
    const { programId } = firstProgram(svc.sim);

    let slept = false;
    const sleeping = db.query('SELECT pg_sleep(3)').then(() => {
      slept = true;
    });
    const read = await svc.gql(PROGRAM, { id: programId });
    expect(read.body).toEqual({ data: { program: { id: programId } } });
    expect(slept).toBe(false);
    await sleeping;
  });

  it('a thread that dies: writes are refused with UPSTREAM_UNAVAILABLE, nothing reaches Flip, reads keep working', async () => {
    const svc = await startService();
    const { programId, enrollments } = firstProgram(svc.sim);
    const [first, second] = enrollments.filter((e) => e.status === 'ACTIVE');
    // The first write opens the store (on its thread) and is stored.
    expect((await svc.gql(PAUSE, { id: first!.id })).body.errors).toBeUndefined();

    expect(await terminatePgliteThreads()).toBe(1);
    const before = writeCalls(svc.sim).length;
    const paused = await svc.gql(PAUSE, { id: second!.id });
    expect(errorsOf(paused)).toEqual([{ code: 'UPSTREAM_UNAVAILABLE' }]);
    expect(paused.body.errors?.[0]?.message).toMatch(/audit trail is unavailable/);
    expect(paused.body.errors?.[0]?.message).not.toMatch(/thread|exited/);
    expect(writeCalls(svc.sim).length).toBe(before);
    const read = await svc.gql(PROGRAM, { id: programId });
    expect(read.body).toEqual({ data: { program: { id: programId } } });

    // The next write opens the trail again (a new thread): it is stored and sent.
    const again = await svc.gql(PAUSE, { id: second!.id });
    expect(again.body.errors).toBeUndefined();
    expect(writeCalls(svc.sim).length).toBe(before + 1);
  });
});
