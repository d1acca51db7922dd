import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { request } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { startService } from '../support/start.js';

const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.map((e) => e.extensions?.code);

describe('suggestions in production', () => {
  it('#18: no "Did you mean" of fields, arguments, types, input fields or enum values reaches a caller', async () => {
    const service = await startService({ env: { NODE_ENV: 'production', MAX_DEPTH: '20' } });
    const programId = service.sim.programs[0]!.id;
    const probes: [string, Record<string, unknown>?][] = [
      ['{ programz { id } }'],
      [`{ program(id: "${programId}") { enrollments(frist: 1) { totalCount } } }`],
      ['query ($f: EnrolmentFilter) { programs { id } }'],
      [`{ program(id: "${programId}") { enrollments(filter: { statsu: [ACTIVE] }) { totalCount } } }`],
      [`{ program(id: "${programId}") { enrollments(filter: { status: [ACTIV] }) { totalCount } } }`],
      [
        'query ($f: EnrollmentFilter) { program(id: "x") { enrollments(filter: $f) { totalCount } } }',
        { f: { status: ['ACTIV'] } },
      ],
    ];
    for (const [query, variables] of probes) {
      const res = await service.gql(query, variables);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body), query).not.toMatch(/did you mean|ACTIVE"|programs"|first"|status"/i);
    }
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('keeps suggestions outside production, where they help', async () => {
    const service = await startService();
    const res = await service.gql('{ programz { id } }');
    expect(res.body.errors?.[0]?.message).toContain('Did you mean');
  });
});

describe('aliases', () => {
  it('#18: counts __typename aliases against MAX_ALIASES', async () => {
    const service = await startService({ env: { MAX_ALIASES: '3' } });
    const aliases = Array.from({ length: 4 }, (_, i) => `t${i}: __typename`).join(' ');
    const res = await service.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/aliases/i);
    expect((await service.gql('{ t0: __typename t1: __typename }')).status).toBe(200);
  });
});

describe('persisted queries', () => {
  const QUERY = '{ programs { id } }';
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  async function post(url: string, body: unknown) {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.statusCode,
      body: (await res.body.json()) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      },
    };
  }

  it('#18: answers an unknown hash, a mismatch and another version with 400 and a PERSISTED_QUERY_* code, no stack logged', async () => {
    const service = await startService();
    const cases: [unknown, string][] = [
      [
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ unknown }') } } },
        'PERSISTED_QUERY_NOT_FOUND',
      ],
      [
        { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ other }') } } },
        'PERSISTED_QUERY_HASH_MISMATCH',
      ],
      [
        { query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha(QUERY) } } },
        'PERSISTED_QUERY_NOT_SUPPORTED',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await post(service.graphqlUrl, body);
      expect([res.status, codes(res.body)]).toEqual([400, [code]]);
    }
    const errorLines = service.logs.filter((l) => Number(l.level) >= 50);
    expect(errorLines).toEqual([]);
    expect(service.logText()).not.toMatch(/"stack"/);
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('registers a query with its hash and runs it by hash alone', async () => {
    const service = await startService();
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha(QUERY) } };
    expect((await post(service.graphqlUrl, { query: QUERY, extensions })).status).toBe(200);
    const byHash = await post(service.graphqlUrl, { extensions });
    expect(byHash).toMatchObject({ status: 200, body: { data: { programs: expect.any(Array) } } });
  });
});

describe('an aborted request body', () => {
  it('#18: is one debug line, not an error with a stack', async () => {
    const service = await startService({ env: { LOG_LEVEL: 'debug' } });
    const { hostname, port } = new URL(service.graphqlUrl);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
    );
    // The service is reading the body (the request counts as in flight) before the socket goes.
    await vi.waitFor(async () => {
      const metrics = await (await request(`${service.url}/metrics`)).body.text();
      expect(metrics).toMatch(/^flip_graphql_requests_in_flight 1$/m);
    });
    socket.destroy();
    await vi.waitFor(() =>
      expect(service.logs.filter((l) => l.msg === 'request body aborted')).toHaveLength(1),
    );
    expect(service.logs.filter((l) => Number(l.level) >= 40)).toEqual([]);
    expect(service.logText()).not.toMatch(/"stack"/);
  });
});
