import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../support/start.js';

const COUNT = /* GraphQL */ `
  query Count {
    programs {
      enrollments(first: 1) {
        totalCount
      }
    }
  }
`;

/** Resolves once the service is processing a /graphql request (read from /metrics). */
async function untilInFlight(service: StartedService): Promise<void> {
  for (;;) {
    const res = await request(`${service.url}/metrics`);
    if (/flip_graphql_requests_in_flight [1-9]/.test(await res.body.text())) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('close() (SIGTERM/SIGINT in main.ts)', () => {
  it('lets an in-flight operation finish, then stops accepting', async () => {
    const service = await startService({ autoClose: false });
    service.sim.faults.add({ route: '/v1/enrollments', kind: 'latency', latencyMs: 300 });
    const operation = service.gql(COUNT);
    await untilInFlight(service);
    const closing = service.close();
    const res = await operation;
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    await closing;
    await expect(request(service.graphqlUrl, { method: 'POST' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('cuts what is still running after SHUTDOWN_GRACE_MS instead of waiting on Flip', async () => {
    const service = await startService({
      autoClose: false,
      env: { SHUTDOWN_GRACE_MS: '200', FLIP_HEADERS_TIMEOUT_MS: '30000', FLIP_RETRY_MAX_ATTEMPTS: '1' },
    });
    service.sim.faults.add({ route: '/v1/enrollments', kind: 'hang' });
    const settled: string[] = [];
    const operation = service.gql(COUNT).then(
      () => settled.push('answered'),
      () => settled.push('cut'),
    );
    await untilInFlight(service);
    // No wall-clock bound: were close() to wait on Flip, it would wait out the 30 s headers
    // timeout, and this test's own timeout (20 s) fails it first.
    await service.close();
    settled.push('closed');
    await operation;
    // In this order: the drain cut the operation, close() stopped waiting for the call still
    // running upstream (saying so), and returned.
    expect(settled).toEqual(['cut', 'closed']);
    expect(
      service.logs.some((l) => l.msg === 'upstream calls still running after the drain; not waiting'),
    ).toBe(true);
  });
});
