import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startService } from '../support/start.js';

const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.map((e) => e.extensions?.code);

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.statusCode, text: await res.body.text() };
}

describe('query shape limits', () => {
  it('refuses a query deeper than MAX_DEPTH before any upstream call', async () => {
    const service = await startService({ env: { MAX_DEPTH: '5' } });
    const deep = '{ programs { enrollments { nodes { site { devices { site { id } } } } } } }';
    const res = await service.gql(deep);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        message: 'Query depth 7 exceeds the maximum 5.',
        extensions: { code: 'BAD_USER_INPUT', limit: 5, actual: 7, limitName: 'MAX_DEPTH' },
      },
    ]);
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('refuses more aliases than MAX_ALIASES', async () => {
    const service = await startService({ env: { MAX_ALIASES: '3' } });
    const aliases = Array.from({ length: 4 }, (_, i) => `p${i}: programs { id }`).join(' ');
    const res = await service.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/aliases/i);
    expect(res.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      limit: 3,
      actual: 4,
      limitName: 'MAX_ALIASES',
    });
    expect((await service.gql('{ a: programs { id } b: programs { id } }')).status).toBe(200);
  });

  it('refuses a document with more tokens than MAX_TOKENS', async () => {
    const service = await startService({ env: { MAX_TOKENS: '20' } });
    const fields = Array.from({ length: 20 }, () => 'id').join(' ');
    const res = await service.gql(`{ programs { ${fields} } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      limit: 20,
      // `{ programs {` 20 fields `} }`: the whole document, counted after the parser gave up.
      actual: 25,
      limitName: 'MAX_TOKENS',
    });
  });
});

describe('page size', () => {
  const PAGE = 'query Page($first: Int) { programs { enrollments(first: $first) { nodes { id } } } }';

  it('refuses `first` above MAX_PAGE_SIZE as `first`, however large, before the cost and any call', async () => {
    const service = await startService();
    const refusal = {
      code: 'BAD_USER_INPUT',
      fieldPaths: ['first'],
      limit: 500,
      limitName: 'MAX_PAGE_SIZE',
    };
    for (const first of [501, 1000, 100_000, 2_000_000_000]) {
      const res = await service.gql(PAGE, { first });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          message: `\`first\` ${first} exceeds the maximum 500.`,
          extensions: {
            ...refusal,
            actual: first,
            fields: [
              {
                path: 'first',
                code: 'BAD_USER_INPUT',
                message: `\`first\` ${first} exceeds the maximum 500.`,
              },
            ],
          },
        },
      ]);
    }
    const literal = await service.gql('{ programs { enrollments(first: 100000) { nodes { id } } } }');
    expect(literal.body.errors?.[0]?.extensions).toEqual({
      ...refusal,
      actual: 100_000,
      fields: [{ path: 'first', code: 'BAD_USER_INPUT', message: '`first` 100000 exceeds the maximum 500.' }],
    });
    expect(service.sim.journal.calls()).toEqual([]);
    expect((await service.gql(PAGE, { first: 500 })).body.errors).toBeUndefined();
  });
});

describe('extensions.cost', () => {
  const QUERY = '{ programs { id } }';

  it('reports the estimated cost and the maximum when x-debug-cost asks, also on a refusal', async () => {
    const service = await startService({ env: { MAX_COST: '50' } });
    const plain = await service.gql(QUERY);
    expect(plain.body).not.toHaveProperty('extensions');
    const asked = await service.gql(QUERY, {}, { 'x-debug-cost': 'true' });
    const body = asked.body as { extensions?: { cost?: { estimated: number; maximum: number } } };
    expect(body.extensions?.cost).toEqual({ estimated: expect.any(Number) as number, maximum: 50 });
    const big = '{ programs { enrollments(first: 100) { nodes { id } } } }';
    const refused = await service.gql(big, {}, { 'x-debug-cost': '1' });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 50,
      limitName: 'MAX_COST',
    });
    const actual = refused.body.errors?.[0]?.extensions?.actual;
    expect((refused.body as { extensions?: { cost?: unknown } }).extensions?.cost).toEqual({
      estimated: actual,
      maximum: 50,
    });
  });

  it('reports it on every answer in development', async () => {
    const service = await startService({ env: { NODE_ENV: 'development' } });
    const res = await service.gql(QUERY);
    expect((res.body as { extensions?: { cost?: unknown } }).extensions?.cost).toMatchObject({
      maximum: 100_000,
    });
  });
});

describe('query cost', () => {
  const TELEMETRY_PAGE = /* GraphQL */ `
    query TelemetryPage($first: Int, $from: DateTime!, $to: DateTime!) {
      programs {
        enrollments(first: $first) {
          nodes {
            devices {
              latestTelemetry {
                gridPowerW
              }
              telemetry(from: $from, to: $to) {
                startTime
                gridPowerW
              }
            }
          }
        }
      }
    }
  `;
  const DAY = { from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:00Z' };

  it('refuses a page of 500 enrollments with a day of telemetry each, before any upstream call', async () => {
    const service = await startService();
    const res = await service.gql(TELEMETRY_PAGE, { first: 500, ...DAY });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the maximum 100000\.$/);
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('prices list fields per item: one enrollment with the same selection passes', async () => {
    const service = await startService({ env: { MAX_COST: '2000' } });
    const one = /* GraphQL */ `
      query One($from: DateTime!, $to: DateTime!) {
        programs {
          enrollments(first: 1) {
            nodes {
              devices {
                telemetry(from: $from, to: $to) {
                  gridPowerW
                }
              }
            }
          }
        }
      }
    `;
    const res = await service.gql(one, DAY);
    expect(codes(res.body) ?? []).not.toContain('BAD_USER_INPUT');
    const line = service.logs.find((l) => l.msg === 'graphql operation' && l.operationName === 'One');
    const cost = Number(line?.cost);
    expect(cost).toBeGreaterThan(0);
    const big = await service.gql(TELEMETRY_PAGE, { first: 500, ...DAY });
    expect(big.body.errors?.[0]?.message).toMatch(/exceeds the maximum 2000/);
  });
});

describe('cost of a repeated document', () => {
  // Costs are cached per document and per value of the variables that can change them (limits.ts).
  const PAGE = /* GraphQL */ `
    query Page($programId: ID!, $first: Int, $withTelemetry: Boolean!, $from: DateTime!, $to: DateTime!) {
      program(id: $programId) {
        enrollments(first: $first) {
          nodes {
            id
            devices @include(if: $withTelemetry) {
              telemetry(from: $from, to: $to) {
                gridPowerW
              }
            }
          }
        }
      }
    }
  `;
  const DAY = { from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:00Z' };

  it('prices each value of first, of an @include condition and of a window, whatever came before', async () => {
    const service = await startService({ env: { MAX_COST: '5000' } });
    const programId = service.sim.programs[0]!.id;
    const price = async (variables: Record<string, unknown>) => {
      const res = await service.gql(PAGE, { programId, ...DAY, ...variables });
      return res.body.errors?.[0]?.message ?? 'ok';
    };
    const small = { first: 2, withTelemetry: true };
    expect(await price(small)).toBe('ok');
    expect(await price({ first: 200, withTelemetry: true })).toMatch(/exceeds the maximum 5000/);
    expect(await price({ first: 200, withTelemetry: false })).toBe('ok');
    expect(await price({ ...small, to: '2024-06-01T00:00:00Z' })).toMatch(/exceeds the maximum 5000/);
    expect(await price(small)).toBe('ok');
    // Another program (a variable that cannot change the cost) is priced like the first.
    const other = await service.gql(PAGE, { programId: service.sim.programs[1]!.id, ...DAY, ...small });
    expect(other.body.errors).toBeUndefined();
  });

  it('prices a bulk write by the length of each request ids list', async () => {
    const service = await startService({ env: { MAX_COST: '100' } });
    const bulk = /* GraphQL */ `
      mutation Bulk($ids: [ID!]!) {
        updateEnrollments(ids: $ids, status: PAUSED) {
          failed {
            id
          }
        }
      }
    `;
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `enrollment-${i}`);
    const few = await service.gql(bulk, { ids: ids(2) });
    expect(few.body.errors?.[0]?.message ?? '').not.toMatch(/exceeds/);
    const many = await service.gql(bulk, { ids: ids(20) });
    expect(many.body.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the maximum 100\.$/);
  });
});

describe('write cost', () => {
  it('prices a bulk write per id and refuses one over MAX_COST, calling nothing', async () => {
    const service = await startService({ env: { MAX_COST: '100' } });
    const ids = Array.from({ length: 20 }, (_, i) => `enrollment-${i}`);
    const res = await service.gql(
      /* GraphQL */ `
        mutation Bulk($ids: [ID!]!) {
          updateEnrollments(ids: $ids, status: PAUSED) {
            failed {
              id
            }
          }
        }
      `,
      { ids },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the maximum 100\.$/);
    expect(service.sim.journal.calls()).toEqual([]);
  });
});

describe('production defaults', () => {
  it('turns introspection off and masks field suggestions under NODE_ENV=production', async () => {
    const service = await startService({ env: { NODE_ENV: 'production' } });
    const res = await service.gql('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await service.gql('{ program { id } programz }');
    expect(JSON.stringify(typo.body)).not.toContain('Did you mean');
  });

  it('keeps introspection when GRAPHQL_INTROSPECTION=true', async () => {
    const service = await startService({ env: { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' } });
    const res = await service.gql('{ __schema { queryType { name } } }');
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('HTTP guards', () => {
  it('answers 413 for a body over MAX_BODY_BYTES', async () => {
    const service = await startService({ env: { MAX_BODY_BYTES: '1024' } });
    const res = await post(
      service.graphqlUrl,
      JSON.stringify({ query: `{ programs { id } } #${'x'.repeat(2000)}` }),
    );
    expect(res.status).toBe(413);
    // Far over the bound, arriving in many chunks: still answered, and the connection closed.
    const huge = await post(service.graphqlUrl, JSON.stringify({ query: `#${'x'.repeat(4_000_000)}` }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text)).toEqual({
      errors: [{ message: 'Request body too large.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('refuses batched requests', async () => {
    const service = await startService();
    const res = await post(service.graphqlUrl, JSON.stringify([{ query: '{ programs { id } }' }]));
    expect(res.status).toBe(400);
  });

  it('blocks a CSRF-able simple GET request and allows it with a preflight header', async () => {
    const service = await startService();
    const url = `${service.graphqlUrl}?query=${encodeURIComponent('{ programs { id } }')}`;
    const simple = await request(url);
    expect(simple.statusCode).toBe(400);
    expect(await simple.body.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await request(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.statusCode).toBe(200);
    await preflighted.body.dump();
  });
});
