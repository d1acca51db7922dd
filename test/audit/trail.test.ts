import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { postgresBinary, startPostgres, type TestPostgres } from '../support/postgres.js';
import { startService, type StartedService } from '../support/start.js';
import { PERSONAL_COMMISSION_INPUT, PERSONAL_VALUES } from '../support/personal-commission.js';
import { errorsOf, firstProgram, inMinutes, writeCalls } from '../graphql/mutations/helpers.js';

/**
 * The durable audit trail (issue 19), through GraphQL over HTTP: the same cases on an in-memory
 * PGlite (the default) and on a real PostgreSQL (DATABASE_URL, a throwaway server per file).
 */

const KEYS = {
  viewer: 'viewer-key-0123456789abcdef',
  operator: 'operator-key-0123456789abcdef',
  dispatcher: 'dispatcher-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdef',
};
const AUTH_ENV = {
  GRAPHQL_API_KEYS: Object.entries(KEYS)
    .map(([role, key]) => `${key}:${role}`)
    .join(','),
};
const as = (role: keyof typeof KEYS) => ({ authorization: `Bearer ${KEYS[role]}` });

const ENTRY = /* GraphQL */ `id at callerId callerRole requestId operation programId targetIds idempotencyKey
  input outcome eventId durationMs completedAt`;
const AUDIT_LOG = /* GraphQL */ `
  query Log($programId: ID, $operation: String, $targetId: ID, $first: Int, $after: String) {
    auditLog(programId: $programId, operation: $operation, targetId: $targetId, first: $first, after: $after) {
      edges { cursor node { ${ENTRY} } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;
const PAUSE = /* GraphQL */ `
  mutation Pause($id: ID!, $reason: String) {
    pauseEnrollment(id: $id, reason: $reason) {
      id
      status
    }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation Approve($id: ID!) {
    approveEnrollment(id: $id) {
      id
      status
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
const CANCEL = /* GraphQL */ `
  mutation Cancel($id: ID!) {
    cancelEvent(id: $id)
  }
`;
const EVENT_AUTHORS = /* GraphQL */ `query Authors($id: ID!) {
  event(id: $id) { id dispatchedBy { ${ENTRY} } canceledBy { ${ENTRY} } } }`;

interface Entry {
  id: string;
  callerId: string | null;
  callerRole: string | null;
  operation: string;
  programId: string | null;
  targetIds: string[];
  idempotencyKey: string | null;
  input: string | null;
  outcome: string | null;
  eventId: string | null;
  durationMs: number | null;
  completedAt: string | null;
}
type LogData = {
  auditLog: {
    edges: { cursor: string; node: Entry }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
};

async function auditLog(
  svc: StartedService,
  variables: Record<string, unknown> = {},
  role?: keyof typeof KEYS,
) {
  const res = await svc.gql<LogData>(AUDIT_LOG, variables, role ? as(role) : undefined);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.auditLog;
}

function dispatchInput(programId: string) {
  return {
    programId,
    targetType: 'PROGRAM',
    targetIds: [programId],
    actions: [{ mode: 'DISCHARGE', startsAt: inMinutes(90), durationS: 600 }],
  };
}

/** Defines the trail's cases; `env()` gives each service its own empty trail on the backend. */
function trailSuite(env: () => Promise<Record<string, string>>) {
  it('every mutation leaves exactly one entry with its outcome: success, refusal, upstream error', async () => {
    const svc = await startService({ env: { ...(await env()), ...AUTH_ENV } });
    const { programId, enrollments } = firstProgram(svc.sim);
    const active = enrollments.find((e) => e.status === 'ACTIVE')!;
    const key = randomUUID();

    const paused = await svc.gql(PAUSE, { id: active.id, reason: 'storm watch' }, as('operator'));
    expect(paused.body.errors).toBeUndefined();
    const unknownId = '00000000-0000-4000-8000-0000000000ff';
    expect(errorsOf(await svc.gql(PAUSE, { id: unknownId }, as('operator')))).toEqual([
      { code: 'NOT_FOUND' },
    ]);
    const dispatched = await svc.gql<{ dispatchEvent: { id: string } }>(
      DISPATCH,
      { input: dispatchInput(programId), key },
      as('dispatcher'),
    );
    const eventId = dispatched.body.data!.dispatchEvent.id;
    svc.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'status', status: 503, times: 10 });
    const failed = await svc.gql(
      DISPATCH,
      { input: dispatchInput(programId), key: randomUUID() },
      as('dispatcher'),
    );
    const failedCode = errorsOf(failed)[0]?.code;
    expect(failedCode).toMatch(/^UPSTREAM_/);
    svc.sim.faults.clear();
    expect((await svc.gql(CANCEL, { id: eventId }, as('dispatcher'))).body.errors).toBeUndefined();

    const log = await auditLog(svc, {}, 'admin');
    const entries = log.edges.map((e) => e.node);
    const operatorId = entries.find((e) => e.operation === 'pauseEnrollment')?.callerId;
    expect(operatorId).toMatch(/^key:/);
    expect(
      entries.map((e) => ({
        operation: e.operation,
        outcome: e.outcome,
        callerRole: e.callerRole,
        programId: e.programId,
        targetIds: e.targetIds,
        eventId: e.eventId,
        idempotencyKey: e.idempotencyKey,
        completed: e.completedAt !== null && typeof e.durationMs === 'number',
      })),
    ).toEqual([
      // Newest first.
      {
        operation: 'cancelEvent',
        outcome: 'OK',
        callerRole: 'dispatcher',
        programId,
        targetIds: [eventId],
        eventId,
        idempotencyKey: null,
        completed: true,
      },
      {
        operation: 'dispatchEvent',
        outcome: failedCode,
        callerRole: 'dispatcher',
        programId,
        targetIds: [programId],
        eventId: null,
        idempotencyKey: expect.any(String),
        completed: true,
      },
      {
        operation: 'dispatchEvent',
        outcome: 'OK',
        callerRole: 'dispatcher',
        programId,
        targetIds: [programId],
        eventId,
        idempotencyKey: key,
        completed: true,
      },
      {
        operation: 'pauseEnrollment',
        outcome: 'NOT_FOUND',
        callerRole: 'operator',
        programId: null,
        targetIds: [unknownId],
        eventId: null,
        idempotencyKey: null,
        completed: true,
      },
      {
        operation: 'pauseEnrollment',
        outcome: 'OK',
        callerRole: 'operator',
        programId,
        targetIds: [active.id],
        eventId: null,
        idempotencyKey: null,
        completed: true,
      },
    ]);
    // The input as sent upstream.
    expect(JSON.parse(entries[4]!.input!)).toEqual({ status: 'PAUSED', statusReason: 'storm watch' });
    expect(JSON.parse(entries[2]!.input!)).toEqual({
      ...dispatchInput(programId),
      actions: [expect.objectContaining({ mode: 'DISCHARGE', durationS: 600 })],
    });

    // The event's authors.
    const authors = await svc.gql<{
      event: { dispatchedBy: Entry | null; canceledBy: Entry | null };
    }>(EVENT_AUTHORS, { id: eventId }, as('viewer'));
    expect(authors.body.data?.event.dispatchedBy).toMatchObject({
      id: entries[2]!.id,
      operation: 'dispatchEvent',
    });
    expect(authors.body.data?.event.canceledBy).toMatchObject({
      id: entries[0]!.id,
      operation: 'cancelEvent',
    });
    // An event created outside this service has no author here.
    const seeded = (svc.sim.state.events() as { id: string; program_id?: string }[]).find(
      (e) => e.id !== eventId,
    );
    if (!seeded) throw new Error('the simulator seeds events');
    const other = await svc.gql<{ event: { dispatchedBy: Entry | null } | null }>(
      EVENT_AUTHORS,
      { id: seeded.id },
      as('viewer'),
    );
    expect(other.body.errors).toBeUndefined();
    if (other.body.data?.event) expect(other.body.data.event.dispatchedBy).toBeNull();
  });

  it('Enrollment.history: who, when, from, to and reason, newest first, paged; one SQL batch for a page', async () => {
    const svc = await startService({ env: await env() });
    const { programId, enrollments } = firstProgram(svc.sim);
    const active = enrollments.filter((e) => e.status === 'ACTIVE').slice(0, 3);
    const [a, b] = active;
    await svc.gql(PAUSE, { id: a!.id, reason: 'maintenance' });
    await svc.gql(APPROVE, { id: a!.id });
    await svc.gql(PAUSE, { id: b!.id });

    const PAGE = /* GraphQL */ `
      query Page($programId: ID!, $first: Int, $after: String) {
        program(id: $programId) {
          enrollments(first: 500) {
            nodes {
              id
              history(first: $first, after: $after) {
                edges {
                  cursor
                  node {
                    operation
                    fromStatus
                    toStatus
                    reason
                    callerId
                    entry {
                      id
                      outcome
                    }
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          }
        }
      }
    `;
    type Page = {
      program: {
        enrollments: {
          nodes: {
            id: string;
            history: {
              edges: { cursor: string; node: Record<string, unknown> }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          }[];
        };
      };
    };
    const res = await svc.gql<Page>(PAGE, { programId, first: 1 });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.program.enrollments.nodes;
    const historyOf = (id: string) => nodes.find((n) => n.id === id)?.history;
    expect(historyOf(a!.id)?.edges.map((e) => e.node)).toEqual([
      {
        operation: 'approveEnrollment',
        fromStatus: 'PAUSED',
        toStatus: 'ACTIVE',
        reason: null,
        callerId: null,
        entry: { id: expect.any(String), outcome: 'OK' },
      },
    ]);
    expect(historyOf(a!.id)?.pageInfo.hasNextPage).toBe(true);
    expect(historyOf(b!.id)?.edges.map((e) => e.node.toStatus)).toEqual(['PAUSED']);
    expect(historyOf(active[2]!.id)?.edges).toEqual([]);
    // Every enrollment of the page in one batch (one SQL query).
    const metrics = await fetch(`${svc.url}/metrics`).then((r) => r.text());
    expect(metrics).toContain('flip_graphql_dataloader_batch_size_count{loader="enrollmentHistory"} 1');
    expect(metrics).toContain(
      `flip_graphql_dataloader_batch_size_sum{loader="enrollmentHistory"} ${nodes.length}`,
    );

    // The next page of a's history, through its own cursor.
    const SINGLE = /* GraphQL */ `
      query One($id: ID!, $after: String) {
        enrollment(id: $id) {
          history(first: 5, after: $after) {
            edges {
              node {
                operation
                fromStatus
                toStatus
                reason
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      }
    `;
    const next = await svc.gql<{ enrollment: { history: { edges: { node: unknown }[] } } }>(SINGLE, {
      id: a!.id,
      after: historyOf(a!.id)!.pageInfo.endCursor,
    });
    expect(next.body.data?.enrollment.history.edges.map((e) => e.node)).toEqual([
      { operation: 'pauseEnrollment', fromStatus: 'ACTIVE', toStatus: 'PAUSED', reason: 'maintenance' },
    ]);
    // A cursor of a's history is not one of b's.
    const foreign = await svc.gql(SINGLE, { id: b!.id, after: historyOf(a!.id)!.pageInfo.endCursor });
    expect(errorsOf(foreign)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['after'] }]);
  });

  it('auditLog pages newest first with cursors bound to their filter', async () => {
    const svc = await startService({ env: await env() });
    const { programId, enrollments } = firstProgram(svc.sim);
    const ids = enrollments
      .filter((e) => e.status === 'ACTIVE')
      .slice(0, 3)
      .map((e) => e.id);
    for (const id of ids) await svc.gql(PAUSE, { id });

    const first = await auditLog(svc, { programId, first: 2 });
    expect(first.edges.map((e) => e.node.targetIds[0])).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await auditLog(svc, { programId, first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.targetIds[0])).toEqual([ids[0]]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect((await auditLog(svc, { targetId: ids[1] })).edges.map((e) => e.node.targetIds)).toEqual([
      [ids[1]],
    ]);
    expect((await auditLog(svc, { operation: 'dispatchEvent' })).edges).toEqual([]);

    const other = await svc.gql(AUDIT_LOG, { operation: 'pauseEnrollment', after: first.pageInfo.endCursor });
    expect(errorsOf(other)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['after'] }]);
    expect(errorsOf(await svc.gql(AUDIT_LOG, { after: 'bm90LWEtY3Vyc29y' }))).toEqual([
      { code: 'BAD_USER_INPUT', fieldPaths: ['after'] },
    ]);
  });

  it('stores no name, email, address or key of the input', async () => {
    const svc = await startService({ env: { ...(await env()), ...AUTH_ENV } });
    const res = await svc.gql(
      /* GraphQL */ `
        mutation C($input: CommissionSiteInput!) {
          commissionSite(input: $input) {
            enrollmentId
          }
        }
      `,
      {
        input: PERSONAL_COMMISSION_INPUT,
      },
      as('operator'),
    );
    expect(res.body.errors).toBeUndefined();
    const text = JSON.stringify(await auditLog(svc, {}, 'admin'));
    expect(text).toContain('oem-audit');
    for (const secret of [...PERSONAL_VALUES, ...Object.values(KEYS)]) {
      expect(text).not.toContain(secret);
    }
    // Roles: the audit log is for dispatchers and admins.
    for (const role of ['viewer', 'operator'] as const) {
      const refused = await svc.gql(AUDIT_LOG, {}, as(role));
      expect(refused.status).toBe(403);
      expect(errorsOf(refused)).toEqual([{ code: 'FORBIDDEN' }]);
    }
    expect((await auditLog(svc, {}, 'dispatcher')).edges).toHaveLength(1);
  });
}

describe('the audit trail on PGlite (in memory)', () => {
  trailSuite(async () => ({ AUDIT_DATA_DIR: 'memory://' }));
});

describe('the audit trail on PostgreSQL (DATABASE_URL)', postgresBinary.suite, () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.close());

  trailSuite(async () => ({ DATABASE_URL: await server.createDatabase() }));

  it('two instances writing to one database see one trail', async () => {
    const url = await server.createDatabase();
    const [one, two] = await Promise.all([
      startService({ env: { DATABASE_URL: url } }),
      startService({ env: { DATABASE_URL: url } }),
    ]);
    const active = firstProgram(one.sim).enrollments.filter((e) => e.status === 'ACTIVE');
    const [a, b] = [active[0]!.id, active[1]!.id];
    // Both open (and migrate) the database at once.
    await Promise.all([one.gql(PAUSE, { id: a }), two.gql(PAUSE, { id: b })]);
    for (const svc of [one, two]) {
      const targets = (await auditLog(svc)).edges.map((e) => e.node.targetIds[0]).sort();
      expect(targets).toEqual([a, b].sort());
    }
  });
});

describe('an audit store that is down', () => {
  it('refuses writes with UPSTREAM_UNAVAILABLE and sends nothing upstream; reads keep working', async () => {
    const closedPort = await freePort();
    const svc = await startService({
      env: { DATABASE_URL: `postgres://audit:pw@127.0.0.1:${closedPort}/audit` },
    });
    const { programId, enrollments } = firstProgram(svc.sim);
    const before = writeCalls(svc.sim).length;
    const paused = await svc.gql(PAUSE, { id: enrollments[0]!.id });
    expect(errorsOf(paused)).toEqual([{ code: 'UPSTREAM_UNAVAILABLE' }]);
    expect(paused.body.errors?.[0]?.message).toMatch(/audit trail is unavailable/);
    expect(paused.body.errors?.[0]?.message).not.toContain(String(closedPort));
    const dispatched = await svc.gql(DISPATCH, { input: dispatchInput(programId), key: randomUUID() });
    expect(errorsOf(dispatched)).toEqual([{ code: 'UPSTREAM_UNAVAILABLE' }]);
    expect(writeCalls(svc.sim).length).toBe(before);
    const read = await svc.gql<{ program: { id: string } }>(`query { program(id: "${programId}") { id } }`);
    expect(read.body).toEqual({ data: { program: { id: programId } } });
  });

  it('with AUDIT_REQUIRED=false (unsafe), writes go on with the log line only', async () => {
    const closedPort = await freePort();
    const svc = await startService({
      env: { DATABASE_URL: `postgres://audit@127.0.0.1:${closedPort}/audit`, AUDIT_REQUIRED: 'false' },
    });
    const target = firstProgram(svc.sim).enrollments.find((e) => e.status === 'ACTIVE')!;
    const paused = await svc.gql(PAUSE, { id: target.id });
    expect(paused.body.errors).toBeUndefined();
    expect(writeCalls(svc.sim).map((c) => `${c.method} ${c.route}`)).toEqual([
      `PATCH /v1/enrollments/${target.id}`,
    ]);
    expect(svc.logs.filter((l) => l.audit !== undefined)).toHaveLength(1);
  });
});
