import { describe, expect, it } from 'vitest';
import { buildClients, startClientHarness } from '../support/client.js';
import { startStubFlip } from '../support/stub-flip.js';

describe('upstream call reports', () => {
  it('report route template, status, attempts, bytes and request id once per call', async () => {
    const h = await startClientHarness();
    const [wire] = h.sim.state.enrollments(h.programId) as { id: string }[];
    h.sim.faults.add({ route: '/v1/enrollments/{id}', kind: 'status', status: 503, times: 1 });

    await h.clients.utility.getEnrollment(wire!.id, { requestId: 'req-42' });
    await h.clients.utility
      .getEnrollment('00000000-0000-4000-8000-000000000000', { requestId: 'req-43' })
      .catch(() => {});

    expect(h.reports).toEqual([
      {
        upstream: 'utility',
        method: 'GET',
        endpoint: '/v1/enrollments/{id}',
        status: 200,
        durationMs: expect.any(Number),
        attempts: 2,
        bytes: expect.any(Number),
        requestId: 'req-42',
      },
      {
        upstream: 'utility',
        method: 'GET',
        endpoint: '/v1/enrollments/{id}',
        status: 404,
        durationMs: expect.any(Number),
        attempts: 1,
        bytes: expect.any(Number),
        requestId: 'req-43',
        errorCode: 'NOT_FOUND',
      },
    ]);
    expect(h.reports[0]!.bytes).toBeGreaterThan(100);
  });

  it('reports status 0 when no answer arrived', async () => {
    const h = await startClientHarness({ http: { retryMaxAttempts: 1 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'reset' });

    await h.clients.utility.listEvents().catch(() => {});

    expect(h.reports).toMatchObject([{ status: 0, attempts: 1, errorCode: 'UPSTREAM_UNAVAILABLE' }]);
  });
});

describe('request headers', () => {
  it('send the caller’s x-request-id on every attempt', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 502, times: 1 });

    await h.clients.utility.listEvents({ requestId: 'req-7' });

    expect(h.sim.journal.entries().map((e) => e.headers['x-request-id'])).toEqual(['req-7', 'req-7']);
  });

  it('generate an x-request-id when the caller has none', async () => {
    const h = await startClientHarness();

    await h.clients.utility.listEvents();

    const [entry] = h.sim.journal.entries();
    expect(entry!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.reports[0]!.requestId).toBe(entry!.headers['x-request-id']);
  });

  it('replace a request id that cannot go into a header', async () => {
    const h = await startClientHarness();

    await h.clients.utility.listEvents({ requestId: 'two\nlines' });

    expect(h.sim.journal.entries()[0]!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('identify the service in user-agent and authenticate with a Bearer key', async () => {
    const seen: Record<string, string | undefined>[] = [];
    const stub = await startStubFlip((req, res) => {
      seen.push({
        ua: req.headers['user-agent'],
        auth: req.headers.authorization,
        accept: req.headers.accept,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    const h = buildClients(stub);

    await h.clients.utility.listEvents();
    await h.clients.cloud.listSites({});

    expect(seen).toEqual([
      {
        ua: expect.stringMatching(/^flip-graphql\/\d+\.\d+\.\d+/),
        auth: `Bearer ${stub.utilityApiKey}`,
        accept: 'application/json',
      },
      {
        ua: expect.stringMatching(/^flip-graphql\//),
        auth: `Bearer ${stub.cloudApiKey}`,
        accept: 'application/json',
      },
    ]);
    expect(stub.requests).toEqual(['GET /utility/v1/events', 'GET /cloud/v1/sites']);
  });
});
