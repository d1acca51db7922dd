import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/types.js';
import { firstProgram, inMinutes } from '../graphql/mutations/helpers.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { requireBinary } from '../support/system-binary.js';
import {
  buildService,
  removeBuild,
  startServiceProcess,
  type ServiceProcess,
} from '../support/service-process.js';
import { startTestSim } from '../support/sim.js';

/**
 * Issue 19: a process killed between a write's upstream call and its completion leaves an audit
 * entry with outcome unknown, which recovery completes. The service runs as a real process
 * (SIGKILL, no shutdown) on a file-backed PGlite trail and Redis idempotency records; the
 * simulator holds the upstream write (a latency fault) until the process is dead, then applies it.
 */

const redisServer = requireBinary('redis-server', 'apt-get install redis-server');
const KEY = 'recovery-admin-key-0123456789abcdef';
const AUDIT_LOG = /* GraphQL */ `
  query Log($operation: String) {
    auditLog(operation: $operation, first: 50) {
      nodes {
        id
        operation
        idempotencyKey
        targetIds
        outcome
        eventId
        completedAt
        recovery {
          by
          note
        }
      }
    }
  }
`;
const DISPATCH = /* GraphQL */ `
  mutation Dispatch($input: DispatchEventInput!, $key: String!) {
    dispatchEvent(input: $input, idempotencyKey: $key) {
      id
    }
  }
`;
const PAUSE = /* GraphQL */ `
  mutation Pause($id: ID!) {
    pauseEnrollment(id: $id) {
      id
      status
    }
  }
`;

interface Entry {
  id: string;
  operation: string;
  idempotencyKey: string | null;
  targetIds: string[];
  outcome: string | null;
  eventId: string | null;
  completedAt: string | null;
  recovery: { by: string; note: string } | null;
}

let sim: Simulator;
let redis: TestRedis;
let dataDir: string;

/**
 * The service on the simulator and the shared trail, its idempotency records in Redis (or, with
 * `redis: false`, in its own memory); `recoveryIntervalS`: AUDIT_RECOVERY_INTERVAL_S.
 */
function start(recoveryIntervalS: number, { redis: withRedis = true } = {}): Promise<ServiceProcess> {
  return startServiceProcess({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    GRAPHQL_API_KEYS: `${KEY}:admin`,
    FLIP_UTILITY_API_URL: sim.utilityUrl,
    FLIP_UTILITY_API_KEY: sim.utilityApiKey,
    FLIP_CLOUD_API_URL: sim.cloudUrl,
    FLIP_CLOUD_API_KEY: sim.cloudApiKey,
    FLIP_PROGRAMS: sim.programs.map((p) => `${p.id}=${p.name}`).join(','),
    ...(withRedis ? { REDIS_URL: redis.url } : {}),
    CACHE_TTL_S: '0',
    AUDIT_DATA_DIR: dataDir,
    AUDIT_RECOVERY_INTERVAL_S: String(recoveryIntervalS),
    // A dispatch left `pending` counts as in flight for 2 x (these timeouts) = 8 s, not 160 s.
    FLIP_CONNECT_TIMEOUT_MS: '500',
    FLIP_HEADERS_TIMEOUT_MS: '2500',
    FLIP_BODY_TIMEOUT_MS: '1000',
  });
}

async function gql<T>(svc: ServiceProcess, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(svc.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
}

async function entries(svc: ServiceProcess, operation: string): Promise<Entry[]> {
  const res = await gql<{ auditLog: { nodes: Entry[] } }>(svc, AUDIT_LOG, { operation });
  expect(res.errors).toBeUndefined();
  return res.data!.auditLog.nodes;
}

/** Polls until `check` holds (bounded); the failure names what was waited for. */
async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const upstreamCalls = (method: string, route: string) =>
  sim.journal.entries().filter((e) => e.method === method && e.route === route).length;

/**
 * Sends a write whose upstream call the simulator holds, SIGKILLs the service once that call is
 * in the journal, then waits until the simulator applied it (`applied`).
 */
async function killDuringUpstreamCall(
  svc: ServiceProcess,
  upstream: { method: string; route: string },
  send: () => Promise<unknown>,
  applied: () => boolean,
): Promise<void> {
  const seen = upstreamCalls(upstream.method, upstream.route);
  sim.faults.add({ ...upstream, kind: 'latency', latencyMs: 1_500, times: 1 });
  const answer = send().catch(() => undefined);
  await until(
    `${upstream.method} ${upstream.route} in the journal`,
    () => upstreamCalls(upstream.method, upstream.route) > seen,
  );
  await svc.kill();
  await answer;
  await until('the simulator to apply the held write', applied);
}

function dispatchInput(programId: string, minutes: number) {
  return {
    programId,
    targetType: 'PROGRAM',
    targetIds: [programId],
    actions: [{ mode: 'DISCHARGE', startsAt: inMinutes(minutes), durationS: 600 }],
  };
}

const eventCount = () => sim.state.events().length;
const eventIds = () => new Set(sim.state.events().map((e) => (e as { id: string }).id));

describe('audit entries left unknown by a killed process', redisServer.suite, () => {
  beforeAll(async () => {
    [, sim, redis, dataDir] = await Promise.all([
      buildService(),
      startTestSim({ sites: 200 }),
      startRedis({ autoClose: false }),
      mkdtemp(join(tmpdir(), 'flip-graphql-audit-recovery-')),
    ]);
  }, 120_000);

  afterAll(async () => {
    removeBuild();
    await Promise.all([sim?.close(), redis?.close()]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a dispatch killed mid-POST stays unknown without recovery, and a retry with its key completes it with the event', async () => {
    const { programId } = firstProgram(sim);
    const key = randomUUID();
    const input = dispatchInput(programId, 120);
    const before = eventIds();
    const first = await start(0);
    const count = eventCount();
    await killDuringUpstreamCall(
      first,
      { method: 'POST', route: '/v1/events' },
      () => gql(first, DISPATCH, { input, key }),
      () => eventCount() > count,
    );
    const created = [...eventIds()].filter((id) => !before.has(id));
    expect(created).toHaveLength(1);

    const second = await start(0);
    try {
      const [unknown] = (await entries(second, 'dispatchEvent')).filter((e) => e.idempotencyKey === key);
      expect(unknown).toMatchObject({ outcome: null, eventId: null, completedAt: null, recovery: null });

      const posts = upstreamCalls('POST', '/v1/events');
      // As the CONFLICT says: while the killed attempt could still be in flight, wait and retry.
      type Dispatched = Awaited<ReturnType<typeof gql<{ dispatchEvent: { id: string } }>>>;
      let retried: Dispatched = {};
      await until('the killed attempt to be past any POST it could still make', async () => {
        retried = await gql<{ dispatchEvent: { id: string } }>(second, DISPATCH, { input, key });
        return retried.errors?.[0]?.extensions?.code !== 'CONFLICT';
      });
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.dispatchEvent.id).toBe(created[0]);
      expect(upstreamCalls('POST', '/v1/events')).toBe(posts);

      const withKey = (await entries(second, 'dispatchEvent')).filter((e) => e.idempotencyKey === key);
      // The killed attempt, now completed, and the retry that found its event; any other retry was
      // told CONFLICT while the killed attempt could still have been running.
      expect(withKey.filter((e) => e.outcome !== 'CONFLICT').map((e) => e.outcome)).toEqual(['OK', 'OK']);
      const linked = withKey.find((e) => e.id === unknown!.id)!;
      expect(linked).toMatchObject({ outcome: 'OK', eventId: created[0], recovery: { by: 'retry' } });
      expect(linked.completedAt).not.toBeNull();
    } finally {
      await second.close();
    }
  }, 120_000);

  it('at the next start, recovery completes a dispatch and a pause killed mid-request, and notes a pause that never applied', async () => {
    const { programId, enrollments } = firstProgram(sim);
    const [applied, refused] = enrollments.filter((e) => e.status === 'ACTIVE');
    const key = randomUUID();
    const before = eventIds();
    const svc = await start(0);
    const count = eventCount();
    await killDuringUpstreamCall(
      svc,
      { method: 'POST', route: '/v1/events' },
      () => gql(svc, DISPATCH, { input: dispatchInput(programId, 150), key }),
      () => eventCount() > count,
    );
    const [created] = [...eventIds()].filter((id) => !before.has(id));
    const statusOf = (id: string) =>
      (firstProgram(sim).enrollments.find((e) => e.id === id) as { status: string }).status;

    const again = await start(0);
    await killDuringUpstreamCall(
      again,
      { method: 'PATCH', route: '/v1/enrollments/{id}' },
      () => gql(again, PAUSE, { id: applied!.id }),
      () => statusOf(applied!.id) === 'PAUSED',
    );

    // This PATCH never reaches Flip's handler: the connection hangs until the process is gone.
    const third = await start(0);
    const patches = upstreamCalls('PATCH', '/v1/enrollments/{id}');
    sim.faults.add({ method: 'PATCH', route: '/v1/enrollments/{id}', kind: 'hang', times: 1 });
    const hung = gql(third, PAUSE, { id: refused!.id }).catch(() => undefined);
    await until(
      'the hung PATCH in the journal',
      () => upstreamCalls('PATCH', '/v1/enrollments/{id}') > patches,
    );
    await third.kill();
    await hung;
    expect(statusOf(refused!.id)).toBe('ACTIVE');

    const recovering = await start(60);
    try {
      const dispatchOf = async () =>
        (await entries(recovering, 'dispatchEvent')).find((e) => e.idempotencyKey === key)!;
      const pauseOf = async (id: string) =>
        (await entries(recovering, 'pauseEnrollment')).find((e) => e.targetIds[0] === id)!;
      await until('recovery to look at every entry', async () =>
        [await dispatchOf(), await pauseOf(applied!.id), await pauseOf(refused!.id)].every(
          (e) => e.recovery !== null,
        ),
      );
      expect(await dispatchOf()).toMatchObject({
        outcome: 'OK',
        eventId: created,
        recovery: { by: 'restart' },
      });
      expect(await pauseOf(applied!.id)).toMatchObject({ outcome: 'OK', recovery: { by: 'restart' } });
      const never = await pauseOf(refused!.id);
      expect(never).toMatchObject({ outcome: null, completedAt: null, recovery: { by: 'restart' } });
      expect(never.recovery!.note).toContain('is ACTIVE, not PAUSED');
    } finally {
      await recovering.close();
    }
  }, 180_000);

  it('with idempotency records in memory, a retry after the restart is refused, not sent again, and recovery notes why', async () => {
    const { programId } = firstProgram(sim);
    const key = randomUUID();
    const input = dispatchInput(programId, 180);
    const first = await start(0, { redis: false });
    const count = eventCount();
    await killDuringUpstreamCall(
      first,
      { method: 'POST', route: '/v1/events' },
      () => gql(first, DISPATCH, { input, key }),
      () => eventCount() > count,
    );

    const second = await start(60, { redis: false });
    try {
      const posts = upstreamCalls('POST', '/v1/events');
      type Dispatched = Awaited<ReturnType<typeof gql<{ dispatchEvent: { id: string } }>>>;
      let retried: Dispatched = {};
      await until('the killed attempt to be past any POST it could still make', async () => {
        retried = await gql<{ dispatchEvent: { id: string } }>(second, DISPATCH, { input, key });
        return retried.errors?.[0]?.extensions?.code !== 'CONFLICT';
      });
      expect(retried.data?.dispatchEvent ?? null).toBeNull();
      expect(retried.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
      expect(upstreamCalls('POST', '/v1/events')).toBe(posts);
      expect(eventCount()).toBe(count + 1);

      const killed = async () =>
        (await entries(second, 'dispatchEvent')).filter((e) => e.idempotencyKey === key).at(-1)!;
      await until('recovery to look at the killed attempt', async () => (await killed()).recovery !== null);
      const entry = await killed();
      expect(entry).toMatchObject({ outcome: null, eventId: null, recovery: { by: 'restart' } });
      expect(entry.recovery!.note).toContain('idempotency record is gone');
    } finally {
      await second.close();
    }
  }, 180_000);
});
