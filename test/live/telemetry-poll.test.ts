import { describe, expect, it } from 'vitest';
import { liveClient, webhookSecret } from '../support/live.js';
import { startService } from '../support/start.js';
import WebSocket from 'ws';

const DEVICE_TELEMETRY = /* GraphQL */ `
  subscription ($programId: ID!, $deviceIds: [ID!]) {
    deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {
      deviceId
      batteryStateOfChargePercentage
    }
  }
`;

describe('deviceTelemetry without webhooks', () => {
  it('polls POST /v1/telemetry/latest once per program however many subscribers there are', async () => {
    // One period spans the whole test: every subscriber is served by the period's single poll.
    const service = await startService({ env: { TELEMETRY_POLL_S: '3600' } });
    const [a, b] = service.sim.programs.map((p) => p.id) as [string, string];
    const clients = Array.from({ length: 4 }, () => liveClient(service.graphqlUrl));
    const subs = clients.flatMap((client) => [
      client.subscribe(DEVICE_TELEMETRY, { programId: a }),
      client.subscribe(DEVICE_TELEMETRY, { programId: a }),
      client.subscribe(DEVICE_TELEMETRY, { programId: b }),
    ]);
    const firsts = await Promise.all(subs.map((s) => s.nth(1)));
    expect(firsts.every((r) => r.errors === undefined)).toBe(true);
    const polls = service.sim.journal.calls().filter((c) => c.route === '/v1/telemetry/latest');
    expect(polls.map((p) => p.body)).toEqual(expect.arrayContaining([{ program_id: a }, { program_id: b }]));
    expect(polls).toHaveLength(2);
  });

  it('asks Flip only for the devices subscribers named', async () => {
    const service = await startService({ env: { TELEMETRY_POLL_S: '3600' } });
    const programId = service.sim.programs[0]!.id;
    const devices = (service.sim.state.enrollments(programId) as { devices?: { id: string }[] }[])
      .flatMap((e) => (e.devices ?? []).map((d) => d.id))
      .slice(0, 2);
    const live = liveClient(service.graphqlUrl);
    const sub = live.subscribe<{ deviceTelemetry: { deviceId: string } }>(DEVICE_TELEMETRY, {
      programId,
      deviceIds: devices,
    });
    await sub.nth(2);
    expect(sub.results.map((r) => r.data!.deviceTelemetry.deviceId).sort()).toEqual([...devices].sort());
    const polls = service.sim.journal.calls().filter((c) => c.route === '/v1/telemetry/latest');
    expect(polls).toEqual([
      {
        method: 'POST',
        route: '/v1/telemetry/latest',
        body: { program_id: programId, device_ids: [...devices].sort() },
      },
    ]);
  });
});

describe('a slow consumer', () => {
  it('is disconnected with 1013 once SUBSCRIPTION_QUEUE_MAX messages wait, and leaves nothing behind', async () => {
    const secret = webhookSecret();
    const service = await startService({
      env: { FLIP_WEBHOOK_SECRET: secret, SUBSCRIPTION_QUEUE_MAX: '2000' },
      sim: { sites: 2_000 },
    });
    const programId = service.sim.programs[0]!.id;
    // A raw graphql-ws client that stops reading once subscribed (its TCP window fills up).
    const ws = new WebSocket(service.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise<void>((resolve) => ws.once('message', () => resolve()));
    ws.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: DEVICE_TELEMETRY, variables: { programId } },
      }),
    );
    const first = new Promise<void>((resolve) => ws.once('message', () => resolve()));
    const target = { url: `${service.url}/webhooks/flip`, secret };
    let rounds = 0;
    const subscriptions = async () =>
      Number(
        /^flip_graphql_subscriptions (\d+)$/m.exec(
          await fetch(`${service.url}/metrics`).then((r) => r.text()),
        )?.[1],
      );
    // A round (one webhook per program, a few hundred points each) fits in the queue; until the
    // first message arrives the subscription is not live yet. Then stop reading and keep sending.
    while (
      !(await Promise.race([first.then(() => true), service.sim.deliverWebhooks(target).then(() => false)]))
    )
      rounds++;
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // The hub drops the subscriber as soon as its queue is full: nothing keeps piling up.
    while ((await subscriptions()) > 0 && rounds < 200) {
      await service.sim.deliverWebhooks(target);
      rounds++;
    }
    expect(await subscriptions()).toBe(0);
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toBe(1013);
    const metrics = await fetch(`${service.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^flip_graphql_subscription_connections 0$/m);
    expect(rounds).toBeLessThan(200);
  });
});
