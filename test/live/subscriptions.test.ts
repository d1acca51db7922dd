import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { liveClient } from '../support/live.js';
import { startService } from '../support/start.js';

const VIEWER_KEY = 'viewer-key-0123456789abcdef';
const OPERATOR_KEY = 'operator-key-0123456789abcdef';
const KEYS_ENV = { GRAPHQL_API_KEYS: `${VIEWER_KEY}:viewer,${OPERATOR_KEY}:operator` };

const PROGRAM_CHANGES = /* GraphQL */ `
  subscription ($programId: ID!) {
    programChanges(programId: $programId) {
      programId
      kind
      operation
      targetIds
      callerId
      at
    }
  }
`;
const DEVICE_TELEMETRY = /* GraphQL */ `
  subscription ($programId: ID!, $deviceIds: [ID!]) {
    deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {
      deviceId
      batteryStateOfChargePercentage
    }
  }
`;
const CREATE_GROUP = /* GraphQL */ `
  mutation ($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
    }
  }
`;

describe('subscriptions over graphql-ws', () => {
  it('pushes a write made over HTTP to programChanges, with who and when', async () => {
    const service = await startService({ env: KEYS_ENV });
    const programId = service.sim.programs[0]!.id;
    const live = liveClient(service.graphqlUrl, { authorization: `Bearer ${VIEWER_KEY}` });
    const sub = live.subscribe(PROGRAM_CHANGES, { programId });
    // The subscription is registered once the connection is acknowledged and the subscribe handled;
    // a write made before that would not be seen, so write until the first change arrives.
    const first = sub.nth(1);
    let written = 0;
    while (sub.results.length === 0) {
      const res = await service.gql(
        CREATE_GROUP,
        { input: { programId, id: `live-${written++}`, name: 'Live' } },
        { authorization: `Bearer ${OPERATOR_KEY}` },
      );
      expect(res.body.errors).toBeUndefined();
      await Promise.race([first, new Promise((r) => setTimeout(r, 50))]);
    }
    const result = await first;
    expect(result.errors).toBeUndefined();
    const change = result.data!.programChanges as Record<string, unknown>;
    expect(change).toMatchObject({
      programId,
      kind: 'GROUP_CREATED',
      operation: 'createGroup',
      callerId: expect.stringMatching(/^key:[0-9a-f]{8}$/),
    });
    expect(change.targetIds).toContain(`live-${written - 1}`);
    expect(Date.parse(change.at as string)).not.toBeNaN();
  });

  it('refuses a connection without a valid token (4403) and runs nothing', async () => {
    const service = await startService({ env: KEYS_ENV });
    for (const params of [undefined, { authorization: 'Bearer not-a-key-0123456789' }]) {
      const live = liveClient(service.graphqlUrl, params);
      const sub = live.subscribe(PROGRAM_CHANGES, { programId: service.sim.programs[0]!.id });
      expect(await live.closed).toBe(4403);
      expect((await sub.ended).kind).toBe('error');
    }
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('checks the token again at each subscribe: one that expired since connect is UNAUTHENTICATED', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const service = await startService({ env: { JWT_PUBLIC_KEY: await exportSPKI(publicKey) } });
    const expS = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ roles: 'viewer' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('user-1')
      .setExpirationTime(expS)
      .sign(privateKey);
    const live = liveClient(service.graphqlUrl, { authorization: `Bearer ${token}` });
    const programId = service.sim.programs[0]!.id;
    // This one keeps the connection open (a lazy client closes it when nothing is subscribed).
    const kept = live.subscribe(PROGRAM_CHANGES, { programId });
    const probe = live.subscribe(PROGRAM_CHANGES, { programId: 'not-a-program' });
    expect((await probe.nth(1)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    while (Date.now() < (expS + 1) * 1000) await new Promise((r) => setTimeout(r, 100));
    const after = live.subscribe(PROGRAM_CHANGES, { programId });
    expect(codesOf(await after.ended)).toEqual(['UNAUTHENTICATED']);
    expect(kept.results).toEqual([]);
  });

  it('answers NOT_FOUND for a program that is not configured, even to a valid viewer', async () => {
    const service = await startService({ env: KEYS_ENV });
    const live = liveClient(service.graphqlUrl, { authorization: `Bearer ${VIEWER_KEY}` });
    const sub = live.subscribe(PROGRAM_CHANGES, { programId: 'not-a-program' });
    const result = await sub.nth(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await sub.ended).kind).toBe('complete');
  });

  it('refuses queries and mutations (HTTP only), invalid ids and over-deep documents', async () => {
    const service = await startService({ env: { ...KEYS_ENV, MAX_DEPTH: '2' } });
    const live = liveClient(service.graphqlUrl, { authorization: `Bearer ${VIEWER_KEY}` });
    const query = live.subscribe('{ programs { id } }');
    const queryEnd = await query.ended;
    expect(queryEnd.kind).toBe('error');
    expect(codesOf(queryEnd)).toEqual(['BAD_USER_INPUT']);

    const badId = live.subscribe(PROGRAM_CHANGES, { programId: '..' });
    expect(codesOf(await badId.ended)).toEqual(['BAD_USER_INPUT']);

    const deep = live.subscribe(/* GraphQL */ `
      subscription ($programId: ID!) {
        deviceTelemetry(programId: $programId) {
          deviceId
        }
        programChanges(programId: $programId) {
          kind
        }
      }
    `);
    // Two root fields in a subscription: refused by graphql-js's own rules before anything runs.
    expect((await deep.ended).kind).toBe('error');

    // Depth 3 with MAX_DEPTH=2: the limits' validation rules apply as on HTTP.
    const tooDeep = live.subscribe(/* GraphQL */ `
      subscription {
        eventProgress(id: "e-1") {
          performance {
            targetedSiteCount
          }
        }
      }
    `);
    const tooDeepEnd = await tooDeep.ended;
    expect(tooDeepEnd.kind).toBe('error');
    expect(JSON.stringify(tooDeepEnd)).toMatch(/depth/i);
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('applies the cost limit per subscribe, with the limit error HTTP gives (MAX_COST)', async () => {
    // eventProgress { performance { ... } } costs 2 (two objects); programChanges { kind } costs 1.
    const service = await startService({ env: { ...KEYS_ENV, MAX_COST: '1' } });
    const auth = `Bearer ${VIEWER_KEY}`;
    const live = liveClient(service.graphqlUrl, { authorization: auth });
    const kept = live.subscribe(PROGRAM_CHANGES, { programId: service.sim.programs[0]!.id });
    const costly = live.subscribe(/* GraphQL */ `
      subscription {
        eventProgress(id: "e-1") {
          performance {
            targetedSiteCount
          }
        }
      }
    `);
    const end = await costly.ended;
    expect(end.kind).toBe('error');
    const refusal = {
      message: 'Query cost 2 exceeds the maximum 1.',
      extensions: { code: 'BAD_USER_INPUT', limitName: 'MAX_COST', limit: 1, actual: 2 },
    };
    expect(end.kind === 'error' && end.error).toEqual([refusal]);
    // The same shape as a query refused over HTTP for its cost.
    const http = await service.gql(
      /* GraphQL */ `
        query ($id: ID!) {
          event(id: $id) {
            performance {
              targetedSiteCount
            }
          }
        }
      `,
      { id: 'e-1' },
      { authorization: auth },
    );
    // (Event.performance also prices its upstream read: 12.)
    expect(http.body.errors).toEqual([
      {
        message: 'Query cost 12 exceeds the maximum 1.',
        extensions: { ...refusal.extensions, actual: 12 },
      },
    ]);
    // The cheaper subscription on the same connection was not refused.
    expect(kept.results).toEqual([]);
    expect(await Promise.race([kept.ended, new Promise((r) => setTimeout(() => r('open'), 100))])).toBe(
      'open',
    );
    expect(service.sim.journal.calls()).toEqual([]);
  });

  it('refuses a subscription beyond MAX_SUBSCRIPTIONS_PER_CONNECTION with RATE_LIMITED', async () => {
    const service = await startService({ env: { ...KEYS_ENV, MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' } });
    const programId = service.sim.programs[0]!.id;
    const live = liveClient(service.graphqlUrl, { authorization: `Bearer ${VIEWER_KEY}` });
    const kept = [
      live.subscribe(PROGRAM_CHANGES, { programId }),
      live.subscribe(PROGRAM_CHANGES, { programId }),
    ];
    const third = live.subscribe(PROGRAM_CHANGES, { programId });
    expect(codesOf(await third.ended)).toEqual(['RATE_LIMITED']);
    expect(kept.map((s) => s.results.length)).toEqual([0, 0]);
  });

  it('on SIGTERM keeps delivering during SHUTDOWN_GRACE_MS, refuses new connections, then closes with 1001', async () => {
    // Updates come from the poller (every second), which needs no new connection to the service.
    const service = await startService({
      autoClose: false,
      env: { TELEMETRY_POLL_S: '1', SHUTDOWN_GRACE_MS: '4000' },
    });
    const programId = service.sim.programs[0]!.id;
    const deviceId = (service.sim.state.enrollments(programId) as { devices?: { id: string }[] }[])
      .flatMap((e) => (e.devices ?? []).map((d) => d.id))
      .at(0)!;
    const live = liveClient(service.graphqlUrl);
    const sub = live.subscribe(DEVICE_TELEMETRY, { programId, deviceIds: [deviceId] });
    await sub.nth(1);
    const order: string[] = [];
    void live.closed.then((code) => order.push(`closed ${code}`));
    const closing = service.close().then(() => order.push('stopped'));
    // One poll's point may have been on its way when close() began; the one after it was polled
    // and sent during the grace period.
    const seen = sub.results.length;
    const during = await sub.nth(seen + 2);
    order.push('update');
    expect(during.data).toEqual({
      deviceTelemetry: { deviceId, batteryStateOfChargePercentage: expect.any(Number) },
    });
    // No new connection meanwhile: the port is closed (and a WebSocket upgrade with it).
    await expect(request(service.graphqlUrl, { method: 'POST' })).rejects.toThrow(/ECONNREFUSED/);
    expect(await live.closed).toBe(1001);
    await closing;
    expect(order).toEqual(['update', 'closed 1001', 'stopped']);
  });

  it('with no subscriber, stops at once rather than waiting out SHUTDOWN_GRACE_MS', async () => {
    // Were close() to wait 60 s, this test's own timeout (20 s) would fail it.
    const service = await startService({ autoClose: false, env: { SHUTDOWN_GRACE_MS: '60000' } });
    const live = liveClient(service.graphqlUrl);
    // A program's first subscriber is polled at once: its first point arrives without a write.
    const sub = live.subscribe(DEVICE_TELEMETRY, { programId: service.sim.programs[0]!.id });
    await sub.nth(1);
    sub.unsubscribe();
    // The lazy client closes its socket once nothing is subscribed.
    expect(await live.closed).toBe(1000);
    await service.close();
  });
});

function codesOf(end: { kind: string; error?: unknown }): unknown[] {
  const errors = Array.isArray(end.error) ? (end.error as { extensions?: { code?: unknown } }[]) : [];
  return errors.map((e) => e.extensions?.code);
}
