import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startService } from '../support/start.js';

const DASHBOARD = /* GraphQL */ `
  query Dashboard($search: String) {
    programs {
      id
      enrollments(first: 5, filter: { search: $search }) {
        totalCount
      }
    }
  }
`;

async function get(url: string) {
  const res = await request(url);
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

describe('operation logs', () => {
  it('writes one line per operation with its upstream call count, never the variables', async () => {
    const service = await startService();
    const res = await service.gql(
      DASHBOARD,
      { search: 'needle-in-the-variables' },
      { 'x-request-id': 'req-dash-1' },
    );
    expect(res.status).toBe(200);
    const lines = service.logs.filter((l) => l.msg === 'graphql operation');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      requestId: 'req-dash-1',
      operationName: 'Dashboard',
      operationType: 'query',
      upstreamCalls: service.sim.journal.entries().length,
      status: 200,
      errorCodes: [],
    });
    expect(lines[0]?.durationMs).toEqual(expect.any(Number));
    expect(service.logText()).not.toContain('needle-in-the-variables');
  });

  it('logs each upstream call at debug level and sends the request id to Flip', async () => {
    const service = await startService({ env: { LOG_LEVEL: 'debug' } });
    await service.gql(DASHBOARD, {}, { 'x-request-id': 'req-dash-2' });
    const entries = service.sim.journal.entries();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.headers['x-request-id'] === 'req-dash-2')).toBe(true);
    const calls = service.logs.filter((l) => l.msg === 'upstream call');
    expect(calls).toHaveLength(entries.length);
    expect(calls[0]).toMatchObject({
      level: 20,
      requestId: 'req-dash-2',
      upstream: 'utility',
      method: 'GET',
      endpoint: '/v1/enrollments',
      status: 200,
    });
    expect(service.logText()).not.toContain(service.sim.utilityApiKey);
  });
});

describe('GET /metrics', () => {
  it('exposes operation, upstream, in-flight and process metrics in Prometheus text', async () => {
    const service = await startService();
    await service.gql(DASHBOARD);
    await service.gql('{ programs { id } }');
    await service.gql('query Lookups { a: site(id: "no-such-site") { id } b: site(id: "nor-this") { id } }');
    const res = await get(`${service.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const program = service.sim.programs[0]!;
    expect(res.text).toContain(
      'flip_graphql_operation_duration_seconds_count{operation="Dashboard",type="query"} 1',
    );
    expect(res.text).toContain(
      'flip_graphql_operation_duration_seconds_count{operation="anonymous",type="query"} 1',
    );
    expect(res.text).toContain(
      'flip_graphql_upstream_requests_total{upstream="utility",method="GET",endpoint="/v1/enrollments",status="200"}',
    );
    expect(res.text).toContain('flip_graphql_requests_in_flight 0');
    expect(res.text).toContain('flip_graphql_dataloader_batch_size_sum{loader="site"} 2');
    expect(res.text).toMatch(/flip_graphql_process_resident_memory_bytes \d+/);
    for (const name of [
      'upstream_retries_total',
      'dataloader_batch_size',
      'cache_hits_total',
      'cache_misses_total',
    ]) {
      expect(res.text).toContain(`# TYPE flip_graphql_${name}`);
    }
    expect(res.text).not.toContain(program.id);
  });

  it('counts retried attempts', async () => {
    const service = await startService({ env: { FLIP_RETRY_BASE_DELAY_MS: '1' } });
    service.sim.faults.add({ route: '/v1/enrollments', kind: 'status', status: 503, times: 1 });
    await service.gql(DASHBOARD);
    const res = await get(`${service.url}/metrics`);
    expect(res.text).toMatch(
      /flip_graphql_upstream_retries_total\{upstream="utility",method="GET",endpoint="\/v1\/enrollments"\} 1/,
    );
  });
});

describe('GET /healthz and /readyz', () => {
  it('answers 200 while up, and ready when Flip answers with our credentials', async () => {
    const service = await startService();
    expect(await get(`${service.url}/healthz`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
    expect(await get(`${service.url}/readyz`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
    await get(`${service.url}/readyz`);
    // The second probe within 5 s reuses the first check.
    expect(service.sim.journal.counts()).toEqual({ 'GET /v1/programs/{programId}/groups': 1 });
  });

  it('answers 503 UPSTREAM_AUTH_FAILED when Flip refuses our key', async () => {
    const service = await startService();
    service.sim.faults.add({ route: '/v1/programs/{programId}/groups', kind: 'status', status: 401 });
    const res = await get(`${service.url}/readyz`);
    expect(res).toMatchObject({
      status: 503,
      text: '{"status":"unavailable","code":"UPSTREAM_AUTH_FAILED"}',
    });
    expect((await get(`${service.url}/healthz`)).status).toBe(200);
  });

  it('answers 503 UPSTREAM_UNAVAILABLE when Flip keeps failing', async () => {
    const service = await startService({ env: { FLIP_RETRY_MAX_ATTEMPTS: '1' } });
    service.sim.faults.add({ route: '/v1/programs/{programId}/groups', kind: 'status', status: 503 });
    const res = await get(`${service.url}/readyz`);
    expect(res).toMatchObject({
      status: 503,
      text: '{"status":"unavailable","code":"UPSTREAM_UNAVAILABLE"}',
    });
  });
});
