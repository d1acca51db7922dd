import { describe, expect, it, vi } from 'vitest';
import { startRedis } from '../support/redis.js';
import { startService, type StartedService } from '../support/start.js';
import { requireBinary } from '../support/system-binary.js';
import { UPDATE_ENROLLMENT_REASON as UPDATE_REASON } from '../support/operations.js';

// The response cache (issue 20), over HTTP against a started service and its simulator: upstream
// calls from the journal, executions from the operation log (one line per executed operation).

const redisServer = requireBinary('redis-server', 'apt-get install redis-server');

const READ = /* GraphQL */ `
  query ($id: ID!, $first: Int) {
    program(id: $id) {
      enrollments(first: $first) {
        nodes {
          id
          statusReason
        }
      }
    }
  }
`;
type Answer = {
  data?: { program: { enrollments: { nodes: { id: string; statusReason: string | null }[] } } };
  errors?: unknown[];
  extensions?: { responseCache?: { hit: boolean } };
};

const VIEWER_KEY = 'viewer-key-0123456789';
const OPERATOR_KEY = 'operator-key-0123456789';

function testClock() {
  let ms = Date.parse('2025-06-01T12:00:00Z');
  return { now: () => ms, advanceS: (s: number) => (ms += s * 1000) };
}

async function startCached(env: Record<string, string> = {}, clock = testClock()) {
  const svc = await startService({
    env: { CACHE_TTL_S: '30', RESPONSE_CACHE_TTL_S: '2', RESPONSE_CACHE_DEBUG: 'true', ...env },
    cacheClock: clock.now,
  });
  return { svc, clock, programId: svc.sim.programs[0]!.id };
}

async function read(
  svc: StartedService,
  variables: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const res = await svc.gql(READ, variables, headers);
  const body = res.body as Answer;
  expect(body.errors).toBeUndefined();
  return { ...body, headers: res.headers, first: body.data!.program.enrollments.nodes[0]! };
}

const executions = (svc: StartedService) => svc.logs.filter((l) => l.msg === 'graphql operation').length;

/**
 * A read that calls Flip is not kept; a read that only uses the cross-request cache is: after two
 * reads the answer is kept, whether the first one loaded the program or found it cached.
 */
async function warm(
  svc: StartedService,
  variables: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  await read(svc, variables, headers);
  return read(svc, variables, headers);
}

describe('response cache', () => {
  it('answers a repeated query from the cache: no upstream call, no execution, still no-store', async () => {
    const { svc, programId } = await startCached();
    const cold = await read(svc, { id: programId, first: 2 });
    expect(cold.extensions?.responseCache).toEqual({ hit: false });
    expect(svc.sim.journal.counts()).toEqual({ 'GET /v1/enrollments': 1 });
    // Its answer used Flip's data as it came: it is not kept (see response-cache.ts).
    const warmRead = await read(svc, { id: programId, first: 2 });
    expect(warmRead.extensions?.responseCache).toEqual({ hit: false });
    svc.sim.journal.clear();
    const ran = executions(svc);

    const hit = await read(svc, { id: programId, first: 2 });
    expect(hit.extensions?.responseCache).toEqual({ hit: true });
    expect(hit.data).toEqual(warmRead.data);
    expect(hit.headers['cache-control']).toBe('no-store');
    expect(hit.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
    expect(svc.sim.journal.calls()).toEqual([]);
    expect(executions(svc)).toBe(ran);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(/^flip_graphql_response_cache_hits_total 1$/m);
    expect(metrics).toMatch(/^flip_graphql_response_cache_misses_total 2$/m);
  });

  it('says nothing in the answer without RESPONSE_CACHE_DEBUG, and still answers from the cache', async () => {
    const { svc, programId } = await startCached({ RESPONSE_CACHE_DEBUG: 'false' });
    await read(svc, { id: programId });
    await read(svc, { id: programId });
    const ran = executions(svc);
    const hit = await read(svc, { id: programId });
    expect(executions(svc)).toBe(ran);
    expect(Object.keys(hit).filter((k) => k !== 'headers' && k !== 'first')).toEqual(['data']);
  });

  it('keeps one entry per role: a viewer never gets the answer kept for an operator', async () => {
    const { svc, programId } = await startCached({
      GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer,${OPERATOR_KEY}:operator`,
    });
    const operator = { authorization: `Bearer ${OPERATOR_KEY}` };
    const viewer = { authorization: `Bearer ${VIEWER_KEY}` };
    await warm(svc, { id: programId }, operator);
    expect((await read(svc, { id: programId }, operator)).extensions?.responseCache).toEqual({ hit: true });
    const ran = executions(svc);
    expect((await read(svc, { id: programId }, viewer)).extensions?.responseCache).toEqual({ hit: false });
    expect(executions(svc)).toBe(ran + 1);
    expect((await read(svc, { id: programId }, viewer)).extensions?.responseCache).toEqual({ hit: true });
    // Without a token nothing is answered, cached or not.
    const anonymous = await svc.gql(READ, { id: programId });
    expect(anonymous.status).toBe(401);
  });

  it('never answers a wrong API key from the cache, after the right key made the entry', async () => {
    const { svc, programId } = await startCached({ GRAPHQL_API_KEYS: `${OPERATOR_KEY}:operator` });
    const operator = { authorization: `Bearer ${OPERATOR_KEY}` };
    await warm(svc, { id: programId }, operator);
    expect((await read(svc, { id: programId }, operator)).extensions?.responseCache).toEqual({ hit: true });
    const ran = executions(svc);
    // Near misses of the right key (verified keys are remembered by their exact string).
    for (const wrong of [`${OPERATOR_KEY}x`, OPERATOR_KEY.slice(0, -1), OPERATOR_KEY.toUpperCase()]) {
      const res = await svc.gql(READ, { id: programId }, { authorization: `Bearer ${wrong}` });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        errors: [{ message: 'Invalid or expired token.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    expect(executions(svc)).toBe(ran);
    expect((await read(svc, { id: programId }, operator)).extensions?.responseCache).toEqual({ hit: true });
  });

  it('never answers a body with the answer kept for another one of the same length, start and end', async () => {
    const { svc, programId } = await startCached();
    // The alias sits in the middle, far from both ends of the body.
    const pad = `#${'x'.repeat(300)}\n`;
    const document = (alias: string) =>
      `query ($id: ID!) {\n${pad} program(id: $id) { enrollments(first: 1) { nodes { ${alias}: id } } }\n${pad}}`;
    type Aliased = { data?: { program: { enrollments: { nodes: Record<string, string>[] } } } } & Answer;
    const send = async (alias: string) => (await svc.gql(document(alias), { id: programId })).body as Aliased;
    await send('aaaa');
    await send('aaaa');
    expect((await send('aaaa')).extensions?.responseCache).toEqual({ hit: true });
    const ran = executions(svc);
    const other = await send('bbbb');
    expect(other.extensions?.responseCache).toEqual({ hit: false });
    expect(Object.keys(other.data!.program.enrollments.nodes[0]!)).toEqual(['bbbb']);
    expect(executions(svc)).toBe(ran + 1);
  });

  it('never keeps a mutation: the same write sent twice runs twice', async () => {
    const { svc, programId } = await startCached();
    const { first } = await read(svc, { id: programId });
    svc.sim.journal.clear();
    const input = { input: { id: first.id, statusReason: 'sent twice' } };
    for (let i = 0; i < 2; i += 1) {
      const res = await svc.gql(UPDATE_REASON, input);
      expect(res.body.errors).toBeUndefined();
      expect((res.body as Answer).extensions?.responseCache).toEqual({ hit: false });
    }
    expect(svc.sim.journal.counts()['PATCH /v1/enrollments/{id}']).toBe(2);
  });

  it('shows a write through the same instance in the very next read', async () => {
    const { svc, programId } = await startCached();
    const { first } = await warm(svc, { id: programId });
    expect((await read(svc, { id: programId })).extensions?.responseCache).toEqual({ hit: true });
    const write = await svc.gql(UPDATE_REASON, { input: { id: first.id, statusReason: 'written here' } });
    expect(write.body.errors).toBeUndefined();
    const after = await read(svc, { id: programId });
    expect(after.extensions?.responseCache).toEqual({ hit: false });
    expect(after.first.statusReason).toBe('written here');
  });

  it('keeps no answer built from a Flip call, even one another request started (coalesced)', async () => {
    const { svc, clock, programId } = await startCached();
    const id = (svc.sim.state.enrollments(programId)[0] as { id: string }).id;
    const byId = /* GraphQL */ `
      query ($id: ID!) {
        enrollment(id: $id) {
          id
          statusReason
        }
      }
    `;
    // The service learns the enrollment's program; once the program's lists expire (2 TTLs), two
    // identical reads at once share one by-id GET, reported for one of them only.
    expect((await svc.gql(byId, { id })).body.errors).toBeUndefined();
    clock.advanceS(61);
    svc.sim.journal.clear();
    svc.sim.faults.add({ route: '/v1/enrollments/{id}', kind: 'latency', latencyMs: 300, times: 1 });
    const both = await Promise.all([svc.gql(byId, { id }), svc.gql(byId, { id })]);
    for (const res of both) expect(res.body.errors).toBeUndefined();
    expect(svc.sim.journal.counts()).toEqual({ 'GET /v1/enrollments/{id}': 1 });
    const write = await svc.gql(UPDATE_REASON, { input: { id, statusReason: 'after two shared reads' } });
    expect(write.body.errors).toBeUndefined();
    const after = await svc.gql(byId, { id });
    expect((after.body.data as { enrollment: { statusReason: string } }).enrollment.statusReason).toBe(
      'after two shared reads',
    );
  });

  it('executes again once RESPONSE_CACHE_TTL_S has passed', async () => {
    const { svc, clock, programId } = await startCached();
    await warm(svc, { id: programId });
    clock.advanceS(1);
    expect((await read(svc, { id: programId })).extensions?.responseCache).toEqual({ hit: true });
    clock.advanceS(1.5);
    const ran = executions(svc);
    expect((await read(svc, { id: programId })).extensions?.responseCache).toEqual({ hit: false });
    expect(executions(svc)).toBe(ran + 1);
  });

  it('evicts the least recently used answer beyond RESPONSE_CACHE_MAX_BYTES', async () => {
    // About one answer of READ (its bytes, its key, the entry's overhead) fits; two do not.
    const { svc, programId } = await startCached({ RESPONSE_CACHE_MAX_BYTES: '1000' });
    await warm(svc, { id: programId, first: 1 });
    expect((await read(svc, { id: programId, first: 1 })).extensions?.responseCache).toEqual({ hit: true });
    await warm(svc, { id: programId, first: 2 });
    expect((await read(svc, { id: programId, first: 2 })).extensions?.responseCache).toEqual({ hit: true });
    expect((await read(svc, { id: programId, first: 1 })).extensions?.responseCache).toEqual({ hit: false });
  });

  it('is off when the cross-request cache is off (CACHE_TTL_S=0): every read executes', async () => {
    const { svc, programId } = await startCached({ CACHE_TTL_S: '0' });
    for (let i = 0; i < 3; i += 1) {
      expect((await read(svc, { id: programId })).extensions).toBeUndefined();
    }
    expect(svc.sim.journal.counts()).toEqual({ 'GET /v1/enrollments': 3 });
  });
});

describe('response cache on two instances sharing Redis', redisServer.suite, () => {
  it('a write through A is visible in the read through B once its invalidation arrived', async () => {
    const redis = await startRedis();
    const env = {
      REDIS_URL: redis.url,
      CACHE_TTL_S: '30',
      RESPONSE_CACHE_TTL_S: '60',
      RESPONSE_CACHE_DEBUG: 'true',
    };
    const a = await startService({ env });
    const b = await startService({ env, upstream: a.sim });
    const programId = a.sim.programs[0]!.id;
    const { first } = await warm(b, { id: programId });
    expect((await read(b, { id: programId })).extensions?.responseCache).toEqual({ hit: true });

    const write = await a.gql(UPDATE_REASON, { input: { id: first.id, statusReason: 'written through A' } });
    expect(write.body.errors).toBeUndefined();
    // B answers from its kept answer until A's invalidation (Redis pub/sub) reaches it; then it
    // executes again on fresh data, well before its 60 s TTL.
    const after = await vi.waitFor(async () => {
      const res = await read(b, { id: programId });
      expect(res.first.statusReason).toBe('written through A');
      return res;
    });
    expect(after.extensions?.responseCache).toEqual({ hit: false });
  });
});

describe('response cache and refusals', () => {
  it('refuses for a viewer a document it kept for an admin (TRUSTED_DOCUMENTS=only, ADMIN_ANY)', async () => {
    const adminKey = 'admin-key-0123456789';
    const { svc, programId } = await startCached({
      GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer,${adminKey}:admin`,
      TRUSTED_DOCUMENTS: 'only',
      TRUSTED_DOCUMENTS_ADMIN_ANY: 'true',
    });
    const admin = { authorization: `Bearer ${adminKey}` };
    await warm(svc, { id: programId }, admin);
    expect((await read(svc, { id: programId }, admin)).extensions?.responseCache).toEqual({ hit: true });
    const viewer = await svc.gql(READ, { id: programId }, { authorization: `Bearer ${VIEWER_KEY}` });
    expect(viewer.status).toBe(400);
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('never keeps what reads the audit trail, which no cache generation follows', async () => {
    const { svc } = await startCached();
    const log = /* GraphQL */ `
      query {
        auditLog(first: 1) {
          nodes {
            id
          }
        }
      }
    `;
    const history = /* GraphQL */ `
      query ($id: ID!) {
        program(id: $id) {
          enrollments(first: 1) {
            nodes {
              history(first: 1) {
                nodes {
                  at
                }
              }
            }
          }
        }
      }
    `;
    const reads: [string, Record<string, unknown>][] = [
      [log, {}],
      [history, { id: svc.sim.programs[0]!.id }],
    ];
    for (const [document, variables] of reads.flatMap((r) => [r, r, r])) {
      const res = await svc.gql(document, variables);
      expect(res.body.errors).toBeUndefined();
      expect((res.body as Answer).extensions?.responseCache).toEqual({ hit: false });
    }
  });
});
