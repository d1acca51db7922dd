import { createClient } from 'graphql-sse';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startService } from '../support/start.js';
import { PROGRAM_CHANGE_KINDS as PROGRAM_CHANGES } from '../support/operations.js';

const VIEWER_KEY = 'viewer-key-0123456789abcdef';
const ADMIN_KEY = 'admin-key-0123456789abcdef';
describe('subscriptions over Server-Sent Events', () => {
  it('streams programChanges to a graphql-sse client (distinct connections)', async () => {
    const service = await startService({ env: { GRAPHQL_API_KEYS: `${ADMIN_KEY}:admin` } });
    const programId = service.sim.programs[0]!.id;
    const client = createClient({
      url: service.graphqlUrl,
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
      retryAttempts: 0,
    });
    const seen: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const stop = client.subscribe(
        { query: PROGRAM_CHANGES, variables: { programId } },
        {
          next: (result) => {
            seen.push(result);
            stop();
            resolve();
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    for (let i = 0; seen.length === 0; i++) {
      await service.gql(
        /* GraphQL */ `
          mutation ($input: CreateGroupInput!) {
            createGroup(input: $input) {
              id
            }
          }
        `,
        { input: { programId, id: `sse-${i}`, name: 'SSE' } },
        { authorization: `Bearer ${ADMIN_KEY}` },
      );
      await Promise.race([done, new Promise((r) => setTimeout(r, 50))]);
    }
    await done;
    client.dispose();
    expect(seen[0]).toMatchObject({ data: { programChanges: { kind: 'GROUP_CREATED' } } });
  });

  it('answers 401 without a token and NOT_FOUND for a program that is not configured', async () => {
    const service = await startService({ env: { GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer` } });
    const post = (headers: Record<string, string>, programId: string) =>
      request(service.graphqlUrl, {
        method: 'POST',
        headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: PROGRAM_CHANGES, variables: { programId } }),
      });
    const refused = await post({}, service.sim.programs[0]!.id);
    expect(refused.statusCode).toBe(401);
    expect(await refused.body.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });

    const unknown = await post({ authorization: `Bearer ${VIEWER_KEY}` }, 'not-a-program');
    expect(unknown.statusCode).toBe(200);
    const text = await unknown.body.text();
    expect(text).toContain('"code":"NOT_FOUND"');
    expect(text).toContain('event: complete');
  });

  it('applies the cost limit as over HTTP (MAX_COST), before anything is read', async () => {
    const service = await startService({
      env: { GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer`, MAX_COST: '1' },
    });
    const res = await request(service.graphqlUrl, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${VIEWER_KEY}`,
      },
      body: JSON.stringify({
        query: 'subscription { eventProgress(id: "e-1") { performance { targetedSiteCount } } }',
      }),
    });
    const text = await res.body.text();
    const data = /^data: (.+)$/m.exec(text)?.[1];
    expect(JSON.parse(data ?? '{}')).toEqual({
      data: null,
      errors: [
        {
          message: 'Query cost 2 exceeds the maximum 1.',
          extensions: { code: 'BAD_USER_INPUT', limitName: 'MAX_COST', limit: 1, actual: 2 },
        },
      ],
    });
    expect(text).toContain('event: complete');
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('on SIGTERM keeps streaming during SHUTDOWN_GRACE_MS, then ends the stream', async () => {
    const service = await startService({
      autoClose: false,
      env: { TELEMETRY_POLL_S: '1', SHUTDOWN_GRACE_MS: '4000' },
    });
    const programId = service.sim.programs[0]!.id;
    const deviceId = (service.sim.state.enrollments(programId) as { devices?: { id: string }[] }[])
      .flatMap((e) => (e.devices ?? []).map((d) => d.id))
      .at(0)!;
    const res = await request(service.graphqlUrl, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'subscription ($p: ID!, $d: [ID!]) { deviceTelemetry(programId: $p, deviceIds: $d) { deviceId } }',
        variables: { p: programId, d: [deviceId] },
      }),
    });
    expect(res.statusCode).toBe(200);
    let text = '';
    const nexts = () => text.split('event: next').length - 1;
    let closing: Promise<void> | undefined;
    let atClose = 0;
    for await (const chunk of res.body) {
      text += String(chunk);
      if (!closing && nexts() >= 1) {
        atClose = nexts();
        closing = service.close();
      }
    }
    // One poll's point may have been on its way at close(); the one after it came in the grace.
    expect(nexts()).toBeGreaterThanOrEqual(atClose + 2);
    expect(text).not.toContain('event: complete');
    expect(text).toContain(`"deviceId":"${deviceId}"`);
    await closing;
  });
});
