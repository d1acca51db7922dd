import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, postWebhook, webhookSecret } from '../support/live.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { startService, type StartedService } from '../support/start.js';
import { requireBinary } from '../support/system-binary.js';
import {
  PROGRAM_CHANGE_KINDS as PROGRAM_CHANGES,
  PROGRAM_DEVICE_READINGS as DEVICE_TELEMETRY,
} from '../support/operations.js';

// Two instances on one real redis-server and one Flip (A's embedded simulator).
const redisServer = requireBinary('redis-server', 'apt-get install redis-server');

describe('subscriptions across instances', redisServer.suite, () => {
  const secret = webhookSecret();
  let redis: TestRedis;
  let a: StartedService;
  let b: StartedService;
  beforeAll(async () => {
    redis = await startRedis({ autoClose: false });
    a = await startService({ env: { REDIS_URL: redis.url, FLIP_WEBHOOK_SECRET: secret }, autoClose: false });
    b = await startService({
      env: { REDIS_URL: redis.url, FLIP_WEBHOOK_SECRET: secret },
      upstream: a.sim,
      autoClose: false,
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.close();
  });

  it("a write made through A reaches B's programChanges subscribers", async () => {
    const programId = a.sim.programs[0]!.id;
    const sub = liveClient(b.graphqlUrl).subscribe<{ programChanges: { targetIds: string[] } }>(
      PROGRAM_CHANGES,
      {
        programId,
      },
    );
    for (let i = 0; sub.results.length === 0; i++) {
      const res = await a.gql(
        /* GraphQL */ `
          mutation ($input: CreateGroupInput!) {
            createGroup(input: $input) {
              id
            }
          }
        `,
        { input: { programId, id: `fan-${i}`, name: 'Fan-out' } },
      );
      expect(res.body.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(sub.results[0]!.data!.programChanges).toMatchObject({ kind: 'GROUP_CREATED' });
  });

  it("a webhook received by A reaches B's deviceTelemetry subscribers; a redelivery to B is dropped", async () => {
    const programId = a.sim.programs[0]!.id;
    const sub = liveClient(b.graphqlUrl).subscribe<{ deviceTelemetry: { deviceId: string } }>(
      DEVICE_TELEMETRY,
      {
        programId,
      },
    );
    const body = (deviceId: string) =>
      JSON.stringify({
        type: 'telemetry.published',
        timestamp: new Date().toISOString(),
        data: {
          program_id: programId,
          telemetry: [{ device_id: deviceId, start_time: '2026-12-01T12:00:00Z', duration_s: 300 }],
        },
      });
    for (let i = 0; sub.results.length === 0; i++) {
      expect(await postWebhook(a.url, body(`warm-${i}`), { secret })).toBe(204);
      await new Promise((r) => setTimeout(r, 50));
    }
    const id = 'msg_once';
    expect(await postWebhook(a.url, body('once'), { secret, id })).toBe(204);
    expect(await postWebhook(b.url, body('once'), { secret, id })).toBe(204);
    expect(await postWebhook(a.url, body('last'), { secret })).toBe(204);
    while (!sub.results.some((r) => r.data?.deviceTelemetry.deviceId === 'last')) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(sub.results.filter((r) => r.data?.deviceTelemetry.deviceId === 'once')).toHaveLength(1);
  });
});

describe('polling across instances', redisServer.suite, () => {
  it('polls once per program for the subscribers of both instances', async () => {
    const redis = await startRedis();
    const env = { REDIS_URL: redis.url, TELEMETRY_POLL_S: '3600' };
    const a = await startService({ env });
    const b = await startService({ env, upstream: a.sim });
    const programId = a.sim.programs[0]!.id;
    const subs = [a, b, a, b].map((s) => liveClient(s.graphqlUrl).subscribe(DEVICE_TELEMETRY, { programId }));
    await Promise.all(subs.map((s) => s.nth(1)));
    const polls = a.sim.journal.calls().filter((c) => c.route === '/v1/telemetry/latest');
    expect(polls).toEqual([
      { method: 'POST', route: '/v1/telemetry/latest', body: { program_id: programId } },
    ]);
  });
});
