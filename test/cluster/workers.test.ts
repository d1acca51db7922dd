import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { liveClient, postWebhook, webhookSecret } from '../support/live.js';
import { startRedis } from '../support/redis.js';
import { removeBuild, startServiceProcess, type ServiceProcess } from '../support/service-process.js';
import { startTestSim } from '../support/sim.js';
import { upstreamEnv } from '../support/start.js';
import { requireBinary } from '../support/system-binary.js';
import {
  FIRST_ENROLLMENT,
  PROGRAM_CHANGE_KINDS as PROGRAM_CHANGES,
  PROGRAM_DEVICE_READINGS as DEVICE_TELEMETRY,
  UPDATE_ENROLLMENT_REASON as UPDATE_REASON,
} from '../support/operations.js';

const redisServer = requireBinary('redis-server', 'apt-get install redis-server');

/**
 * WORKERS=2 (node:cluster) as a real process tree on one port, on a simulator in this process
 * (its journal counts the upstream calls of both workers). Without REDIS_URL: the primary owns
 * the idempotency store, the bus between workers and PGlite (AUDIT_DATA_DIR=memory://).
 */

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  /** The worker that answered, from its log line of the operation. */
  worker: unknown;
}

let sim: Simulator;
let svc: ServiceProcess;
const secret = webhookSecret();

/** One request on a new connection (node:cluster hands connections to workers in turn). */
function postTo(
  service: ServiceProcess,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const requestId = randomUUID();
  const body = JSON.stringify({ query, variables });
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      service.graphqlUrl,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  }).then(async ({ status, text }) => {
    const line = await service.waitForLog((l) => l.requestId === requestId && l.msg === 'graphql operation');
    return { status, body: JSON.parse(text) as Answer['body'], worker: line.worker };
  });
}

const post = (query: string, variables?: Record<string, unknown>) => postTo(svc, query, variables);

/** Sends until a worker other than `not` answers (connections alternate, so it takes one or two). */
async function postElsewhere(not: unknown, send: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < 10; i++) {
    const answer = await send();
    answers.push(answer);
    if (answer.worker !== not) return answers;
  }
  throw new Error(`every answer came from worker ${String(not)}`);
}

const CREATE_GROUP = /* GraphQL */ `
  mutation ($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
    }
  }
`;

const DISPATCH = /* GraphQL */ `
  mutation ($input: DispatchEventInput!, $idempotencyKey: String!) {
    dispatchEvent(input: $input, idempotencyKey: $idempotencyKey) {
      id
    }
  }
`;

beforeAll(async () => {
  sim = await startTestSim();
  svc = await startServiceProcess(
    {
      ...upstreamEnv(sim),
      WORKERS: '2',
      FLIP_WEBHOOK_SECRET: secret,
      CACHE_TTL_S: '300',
      AUDIT_DATA_DIR: 'memory://',
      SHUTDOWN_GRACE_MS: '10000',
    },
    { autoKill: false },
  );
  await svc.waitForLog((l) => l.worker === 'primary' && l.workers === 2 && typeof l.port === 'number');
});

// After hooks run in reverse order (vitest's stack): this one last, once every service exited.
afterAll(removeBuild);

afterAll(async () => {
  await svc?.kill();
  await sim?.close();
});

describe('WORKERS=2 without Redis', () => {
  it('serves one port from two worker processes', async () => {
    const workers = new Set<unknown>();
    for (let i = 0; i < 10 && workers.size < 2; i++) {
      const answer = await post('{ programs { id } }');
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      workers.add(answer.worker);
    }
    expect([...workers].sort()).toEqual([1, 2]);
  });

  it("adds up every worker's metrics on /metrics, whichever worker answers", async () => {
    let sent = 0;
    const workers = new Set<unknown>();
    for (; sent < 10 && workers.size < 2; sent++)
      workers.add((await post('query Counted { programs { id } }')).worker);
    expect(workers.size).toBe(2);
    for (let i = 0; i < 2; i++) {
      // A new connection each time: both workers answer /metrics in turn.
      const text = await new Promise<string>((resolve, reject) =>
        httpRequest(`${svc.url}/metrics`, { agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve(body));
        })
          .on('error', reject)
          .end(),
      );
      expect(text).toContain(
        `flip_graphql_operation_duration_seconds_count{operation="Counted",type="query"} ${sent}\n`,
      );
    }
  });

  it('recognises a dispatchEvent retried on the other worker with the same key: one POST to Flip', async () => {
    const programId = sim.programs[0]!.id;
    const startsAt = new Date(Date.now() + 90 * 60_000).toISOString();
    const variables = {
      idempotencyKey: randomUUID(),
      input: {
        programId,
        targetType: 'PROGRAM',
        targetIds: [programId],
        actions: [{ mode: 'DISCHARGE', startsAt, durationS: 600 }],
      },
    };
    sim.journal.clear();
    const first = await post(DISPATCH, variables);
    expect(first.body.errors).toBeUndefined();
    const retries = await postElsewhere(first.worker, () => post(DISPATCH, variables));
    expect(retries.at(-1)!.worker).not.toBe(first.worker);
    for (const retry of retries) expect(retry.body).toEqual(first.body);
    expect(sim.journal.counts()['POST /v1/events']).toBe(1);
    // The first write opens PGlite in the primary (initdb: seconds on a busy machine).
  }, 60_000);

  it('sees a write made on one worker in the next read on the other, though both had it cached', async () => {
    const programId = sim.programs[1]!.id;
    const read = () => post(FIRST_ENROLLMENT, { id: programId });
    type Nodes = { program: { enrollments: { nodes: { id: string; statusReason: string | null }[] } } };
    const warm = await read();
    await postElsewhere(warm.worker, read);
    const before = (warm.body.data as Nodes).program.enrollments.nodes[0]!;
    sim.journal.clear();
    // Both workers answer from their cache now.
    await postElsewhere(warm.worker, read);
    expect(sim.journal.counts()['GET /v1/enrollments']).toBeUndefined();

    const reason = `written on one worker ${randomUUID()}`;
    const write = await post(UPDATE_REASON, { input: { id: before.id, statusReason: reason } });
    expect(write.body.errors).toBeUndefined();
    const reads = await postElsewhere(write.worker, read);
    const other = reads.at(-1)!;
    expect(other.worker).not.toBe(write.worker);
    expect((other.body.data as Nodes).program.enrollments.nodes[0]).toEqual({
      id: before.id,
      statusReason: reason,
    });
  });

  it("reaches every worker's subscribers: a write on either worker is one programChanges event", async () => {
    const programId = sim.programs[0]!.id;
    const sub = liveClient(svc.graphqlUrl).subscribe<{ programChanges: { targetIds: string[] } }>(
      PROGRAM_CHANGES,
      { programId },
    );
    let groups = 0;
    const createGroup = async () => {
      const id = `cluster-${groups++}`;
      const res = await post(CREATE_GROUP, { input: { programId, id, name: 'Fan-out' } });
      expect(res.body.errors).toBeUndefined();
      return { id, worker: res.worker };
    };
    // Once the subscription is running (its first event arrived)...
    while (sub.results.length === 0) {
      await createGroup();
      await new Promise((r) => setTimeout(r, 50));
    }
    const seen = sub.results.length;
    // ...writes on both workers, so one of them is not the subscriber's worker: each is one event.
    const writes = [await createGroup()];
    while (writes.length < 10 && new Set(writes.map((w) => w.worker)).size < 2)
      writes.push(await createGroup());
    expect(new Set(writes.map((w) => w.worker)).size).toBe(2);
    await expect.poll(() => sub.results.length).toBe(seen + writes.length);
    expect(sub.results.slice(seen).map((r) => r.data!.programChanges.targetIds)).toEqual(
      writes.map((w) => [w.id]),
    );
    sub.unsubscribe();
  });

  it('drops a webhook redelivered to the other worker: the primary remembers its id', async () => {
    const body = JSON.stringify({
      type: 'telemetry.published',
      timestamp: new Date().toISOString(),
      data: {
        program_id: sim.programs[0]!.id,
        telemetry: [{ device_id: 'once', start_time: '2026-12-01T12:00:00Z', duration_s: 300 }],
      },
    });
    const id = `msg_${randomUUID()}`;
    const duplicates = () => svc.logs().filter((l) => l.msg === 'webhook duplicate');
    const before = duplicates().length;
    // A new connection each time, so deliveries alternate between the workers.
    const deliver = () => postWebhook(svc.url, body, { secret, id, headers: { connection: 'close' } });
    const workersThatDropped = () =>
      new Set(
        duplicates()
          .slice(before)
          .map((l) => l.worker),
      );
    // Every delivery after the first, on either worker, is a duplicate: one is accepted.
    for (let sent = 1; sent <= 10 && workersThatDropped().size < 2; sent++) {
      expect(await deliver()).toBe(204);
      await expect.poll(() => duplicates().length - before).toBe(sent - 1);
    }
    expect(workersThatDropped()).toEqual(new Set([1, 2]));
  });

  // Last: it stops the service.
  it('drains both workers on SIGTERM: an operation in flight completes, then the primary exits 0', async () => {
    // A program no test read before: neither worker has it cached, Flip is asked (slowly).
    sim.faults.add({ route: '/v1/enrollments', kind: 'latency', latencyMs: 1_500, times: 1 });
    sim.journal.clear();
    const inFlight = post(FIRST_ENROLLMENT, { id: sim.programs[2]!.id });
    await expect
      .poll(() => sim.journal.counts()['GET /v1/enrollments'] ?? 0, { interval: 20, timeout: 10_000 })
      .toBe(1);
    svc.child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(await svc.exited).toEqual({ code: 0, signal: null });
    const stopped = svc
      .logs()
      .filter((l) => l.msg === 'stopped')
      .map((l) => l.worker);
    expect(stopped.sort((a, b) => String(a).localeCompare(String(b)))).toEqual([1, 2, 'primary']);
    // A worker stopping during shutdown is not restarted.
    expect(svc.logs().filter((l) => l.msg === 'worker died: restarting it')).toEqual([]);
  });
});

describe('WORKERS=2 on the embedded simulator', () => {
  let service: ServiceProcess;
  beforeAll(async () => {
    service = await startServiceProcess(
      // No webhooks: telemetry is polled, once an hour after a program's first subscriber.
      { WORKERS: '2', CACHE_TTL_S: '0', SIM_WEBHOOK_INTERVAL_S: '0', TELEMETRY_POLL_S: '3600' },
      { autoKill: false },
    );
  });
  afterAll(() => service?.kill());

  it('runs one simulator, in the primary: a write on one worker is read back on the other', async () => {
    const onSimulator = (worker: number) =>
      service.waitForLog((l) => l.worker === worker && typeof l.simulator === 'string');
    const [one, two] = await Promise.all([onSimulator(1), onSimulator(2)]);
    expect(one.simulator).toBe(two.simulator);

    const programs = await postTo(service, '{ programs { id } }');
    const programId = (programs.body.data as { programs: { id: string }[] }).programs[0]!.id;
    const read = () => postTo(service, FIRST_ENROLLMENT, { id: programId });
    type Nodes = { program: { enrollments: { nodes: { id: string; statusReason: string | null }[] } } };
    const before = (await read()).body.data as Nodes;
    const id = before.program.enrollments.nodes[0]!.id;
    const reason = `written on one worker ${randomUUID()}`;
    const write = await postTo(service, UPDATE_REASON, { input: { id, statusReason: reason } });
    expect(write.body.errors).toBeUndefined();
    const reads = await postElsewhere(write.worker, read);
    expect(reads.at(-1)!.worker).not.toBe(write.worker);
    expect((reads.at(-1)!.body.data as Nodes).program.enrollments.nodes[0]).toEqual({
      id,
      statusReason: reason,
    });
  }, 60_000);

  it('polls telemetry once for the subscribers of both workers (the primary holds the lease)', async () => {
    const { simulator } = await service.waitForLog((l) => typeof l.simulator === 'string');
    const programs = await postTo(service, '{ programs { id } }');
    const programId = (programs.body.data as { programs: { id: string }[] }).programs[0]!.id;
    // Four connections, handed to the workers in turn: two subscribers on each.
    const subs = [1, 2, 3, 4].map(() =>
      liveClient(service.graphqlUrl).subscribe(DEVICE_TELEMETRY, { programId }),
    );
    await Promise.all(subs.map((sub) => sub.nth(1)));
    const journal = (await (await fetch(`${String(simulator)}/__sim/journal`)).json()) as {
      counts: Record<string, number>;
    };
    expect(journal.counts['POST /v1/telemetry/latest']).toBe(1);
    for (const sub of subs) sub.unsubscribe();
  });

  it('restarts a worker that dies, and logs it', async () => {
    const first = await service.waitForLog((l) => l.msg === 'worker started' && l.started === 1);
    process.kill(first.pid as number, 'SIGKILL');
    const died = await service.waitForLog((l) => l.msg === 'worker died: restarting it');
    expect(died).toMatchObject({ worker: 'primary', exited: 1, signal: 'SIGKILL' });
    await service.waitForLog((l) => l.msg === 'worker started' && l.started === 3);
    // Both processes serve again: worker 2 and its replacement, worker 3.
    await service.waitForLog((l) => l.worker === 3 && typeof l.simulator === 'string');
    const workers = new Set<unknown>();
    for (let i = 0; i < 10 && workers.size < 2; i++)
      workers.add((await postTo(service, '{ programs { id } }')).worker);
    expect([...workers].sort()).toEqual([2, 3]);
  }, 60_000);
});

describe('WORKERS=2 that cannot serve', () => {
  it('gives up with exit 1 when workers keep dying and none serves (here: the port is taken)', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => holder.close(() => resolve())));
    const port = (holder.address() as { port: number }).port;
    const service = await startServiceProcess(
      { WORKERS: '2', SIM_WEBHOOK_INTERVAL_S: '0' },
      { port, waitForHealth: false },
    );
    expect(await service.exited).toEqual({ code: 1, signal: null });
    const restarts = service.logs().filter((l) => l.msg === 'worker died: restarting it');
    // Backoff: each restart waits twice as long as the one before.
    expect(restarts.map((l) => l.restartInMs)).toEqual([250, 500, 1000, 2000]);
    expect(
      service
        .logs()
        .filter((l) => l.level === 60)
        .map((l) => l.msg),
    ).toEqual(['workers keep dying and none serves: exiting']);
  }, 60_000);
});

describe('WORKERS=2 with REDIS_URL', redisServer.suite, () => {
  it('uses Redis for idempotency keys and the cache in every worker, as separate instances do', async () => {
    const redis = await startRedis();
    const service = await startServiceProcess({
      ...upstreamEnv(sim),
      WORKERS: '2',
      REDIS_URL: redis.url,
      CACHE_TTL_S: '300',
    });
    await service.waitForLog((l) => l.worker === 'primary' && l.workers === 2 && typeof l.port === 'number');
    expect(
      service
        .logs()
        .filter((l) => l.msg === 'cross-request cache on')
        .map((l) => l.shared),
    ).toEqual(['redis', 'redis']);
    const programId = sim.programs[1]!.id;
    const variables = {
      idempotencyKey: randomUUID(),
      input: {
        programId,
        targetType: 'PROGRAM',
        targetIds: [programId],
        actions: [
          { mode: 'DISCHARGE', startsAt: new Date(Date.now() + 120 * 60_000).toISOString(), durationS: 600 },
        ],
      },
    };
    sim.journal.clear();
    const first = await postTo(service, DISPATCH, variables);
    expect(first.body.errors).toBeUndefined();
    const retries = await postElsewhere(first.worker, () => postTo(service, DISPATCH, variables));
    for (const retry of retries) expect(retry.body).toEqual(first.body);
    expect(sim.journal.counts()['POST /v1/events']).toBe(1);
  }, 60_000);
});
