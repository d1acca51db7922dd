import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { DispatchEventDocument, type DispatchEventMutation } from '../../schema/client/graphql.js';
import type { WireEnrollment } from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/types.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { startService, type StartedService } from '../support/start.js';
import { requireBinary } from '../support/system-binary.js';
import { FIRST_ENROLLMENT as READ, UPDATE_ENROLLMENT as UPDATE } from '../support/operations.js';

// Every suite here needs a real redis-server: skipped with the reason when it is absent (and no
// hook runs then); with CI=true its absence fails the file instead.
const redisServer = requireBinary('redis-server', 'apt-get install redis-server');

// Two instances of the service on one Redis and one Flip (A's embedded simulator): they share
// the cache, its invalidations (pub/sub) and dispatchEvent's idempotency keys.

let redis: TestRedis;
let a: StartedService;
let b: StartedService;
let programId: string;
beforeAll(async () => {
  redis = await startRedis({ autoClose: false });
  const env = { REDIS_URL: redis.url, CACHE_TTL_S: '30' };
  a = await startService({ env, autoClose: false });
  b = await startService({ env, upstream: a.sim, autoClose: false });
  programId = a.sim.programs[0]!.id;
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await redis?.close();
});
beforeEach(() => a.sim.journal.clear());

type Read = { program: { enrollments: { nodes: { id: string; statusReason: string | null }[] } } };

async function firstEnrollmentVia(svc: StartedService) {
  const res = await svc.gql<Read>(READ, { id: programId });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.program.enrollments.nodes[0]!;
}

/** A dispatch Flip accepts: one site of the program with an active battery, an hour from now. */
function validDispatch(sim: Simulator, program: string) {
  const enrollment = (sim.state.enrollments(program) as WireEnrollment[]).find(
    (e) => e.status === 'ACTIVE' && e.devices?.some((d) => d.type === 'BATTERY'),
  )!;
  return {
    programId: program,
    targetType: 'SITE',
    targetIds: [enrollment.site.id],
    actions: [
      {
        mode: 'DISCHARGE',
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        durationS: 1800,
        powerMode: 'SETPOINT',
        setpointW: 2000,
      },
    ],
  };
}

const BY_ID = /* GraphQL */ `
  query ($id: ID!) {
    enrollment(id: $id) {
      statusReason
    }
  }
`;

/** Waits until an instance has written the program to Redis (in the background, after its answer). */
async function sharedInRedis(key: string) {
  const client = new Redis(redis.url);
  onTestFinished(() => void client.disconnect());
  await vi.waitFor(async () => expect(await client.exists(`flip-graphql:cache:data:${key}`)).toBe(1));
}

describe('two instances on one Redis', redisServer.suite, () => {
  it('A reads from Redis a program B fetched: no upstream call', async () => {
    const fromB = await firstEnrollmentVia(b);
    await sharedInRedis(`enrollments:${programId}`);
    a.sim.journal.clear();
    expect(await firstEnrollmentVia(a)).toEqual(fromB);
    expect(a.sim.journal.calls()).toEqual([]);
  });

  it("a write on A is seen by B's next read without a list reload: B patches its copy", async () => {
    const before = await firstEnrollmentVia(b);
    await firstEnrollmentVia(a);
    const reason = `written on A ${randomUUID()}`;
    const write = await a.gql(
      /* GraphQL */ `
        mutation ($input: UpdateEnrollmentInput!) {
          updateEnrollment(input: $input) {
            id
          }
        }
      `,
      { input: { id: before.id, statusReason: reason } },
    );
    expect(write.body.errors).toBeUndefined();
    a.sim.journal.clear();
    // The change reaches B over pub/sub and patches B's copy; until then B answers from its copy.
    await vi.waitFor(async () => expect((await firstEnrollmentVia(b)).statusReason).toBe(reason));
    expect(a.sim.journal.calls()).toEqual([]);
    // The shared entry was dropped, not left stale: a cold instance loads the program anew.
    const client = new Redis(redis.url);
    onTestFinished(() => void client.disconnect());
    expect(await client.exists(`flip-graphql:cache:data:enrollments:${programId}`)).toBe(0);
  });

  it('two writes to one enrollment in quick succession on A then B: both end with the later one', async () => {
    const [first, second] = a.sim.state.enrollments(programId) as WireEnrollment[];
    await firstEnrollmentVia(a);
    await firstEnrollmentVia(b);
    const update = (svc: StartedService, id: string, statusReason: string) =>
      svc.gql(UPDATE, { input: { id, statusReason } }).then((res) => expect(res.body.errors).toBeUndefined());
    const reasonOf = async (svc: StartedService, id: string) => {
      const res = await svc.gql<{ enrollment: { statusReason: string } }>(BY_ID, { id });
      return res.body.data?.enrollment.statusReason;
    };
    const tag = randomUUID();
    await update(a, first!.id, `earlier ${tag}`);
    await update(b, first!.id, `later ${tag}`);
    // A marker written after each write by the same instance: once the other instance shows it,
    // it has applied everything that instance sent before (one publisher's messages keep order).
    await update(a, second!.id, `marker A ${tag}`);
    await update(b, second!.id, `marker B ${tag}`);
    await vi.waitFor(async () => expect(await reasonOf(a, second!.id)).toBe(`marker B ${tag}`));
    await vi.waitFor(async () => expect(await reasonOf(b, second!.id)).toBe(`marker B ${tag}`));
    expect(await reasonOf(a, first!.id)).toBe(`later ${tag}`);
    expect(await reasonOf(b, first!.id)).toBe(`later ${tag}`);
  });

  it('B honours an idempotency key used on A: the same event, no second POST', async () => {
    const input = validDispatch(a.sim, programId);
    const idempotencyKey = randomUUID();
    const onA = await a.gql<DispatchEventMutation>(DispatchEventDocument, { input, idempotencyKey });
    expect(onA.body.errors).toBeUndefined();
    const onB = await b.gql<DispatchEventMutation>(DispatchEventDocument, { input, idempotencyKey });
    expect(onB.body.errors).toBeUndefined();
    expect(onB.body.data?.dispatchEvent.id).toBe(onA.body.data?.dispatchEvent.id);
    expect(a.sim.journal.counts()['POST /v1/events']).toBe(1);
  });
});

describe('an instance whose Redis is gone', redisServer.suite, () => {
  it('still answers reads from Flip, and refuses dispatchEvent without sending it', async () => {
    const own = await startRedis();
    const svc = await startService({ env: { REDIS_URL: own.url, CACHE_TTL_S: '30' } });
    const p = svc.sim.programs[0]!.id;
    await svc.gql(READ, { id: p });
    await own.close();
    svc.sim.journal.clear();

    const read = await svc.gql<Read>(`{ programs { stats { enrollmentCount } } }`);
    expect(read.body.errors).toBeUndefined();
    // A dispatch Flip would accept (the same input is sent once with Redis up, above): only the
    // missing idempotency store can stop it.
    const dispatched = await svc.gql(DispatchEventDocument, {
      input: validDispatch(svc.sim, p),
      idempotencyKey: randomUUID(),
    });
    expect(dispatched.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(svc.sim.journal.counts()['POST /v1/events']).toBeUndefined();
    await vi.waitFor(() => expect(svc.logText()).toMatch(/Redis is unreachable/));
  });
});

describe('cancelEvent across instances', () => {
  it('#13: an event cancelled through A reads as CANCELED through B, with when and by whom', async () => {
    const own = await startRedis();
    const key = 'dispatcher-key-0123456789abcdef';
    const env = { REDIS_URL: own.url, GRAPHQL_API_KEYS: `${key}:dispatcher` };
    const first = await startService({ env });
    const second = await startService({ env, upstream: first.sim });
    const auth = { authorization: `Bearer ${key}` };
    const dispatched = await first.gql<DispatchEventMutation>(
      DispatchEventDocument,
      {
        input: {
          programId: first.sim.programs[0]!.id,
          targetType: 'PROGRAM',
          targetIds: [first.sim.programs[0]!.id],
          actions: [
            { mode: 'DISCHARGE', startsAt: new Date(Date.now() + 3_600_000).toISOString(), durationS: 600 },
          ],
        },
        idempotencyKey: randomUUID(),
      },
      auth,
    );
    const id = dispatched.body.data!.dispatchEvent.id;
    const cancelled = await first.gql(`mutation ($id: ID!) { cancelEvent(id: $id) }`, { id }, auth);
    expect(cancelled.body).toEqual({ data: { cancelEvent: true } });
    const read = await second.gql<{
      event: { status: string; canceledAt: string; canceledByCallerId: string };
    }>(`query ($id: ID!) { event(id: $id) { status canceledAt canceledByCallerId } }`, { id }, auth);
    const callerId = (first.logs.find((l) => l.audit !== undefined)?.audit as { callerId: string }).callerId;
    expect(read.body.data?.event).toMatchObject({ status: 'CANCELED', canceledByCallerId: callerId });
    expect(callerId).toMatch(/^key:/);
    expect(Number.isNaN(Date.parse(read.body.data!.event.canceledAt))).toBe(false);
  });
});
