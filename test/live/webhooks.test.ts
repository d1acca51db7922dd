import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { liveClient, postWebhook, webhookSecret } from '../support/live.js';
import { startService, type StartedService } from '../support/start.js';

const DEVICE_TELEMETRY = /* GraphQL */ `
  subscription ($programId: ID!, $deviceIds: [ID!]) {
    deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {
      deviceId
      startTime
      batteryStateOfChargePercentage
    }
  }
`;

async function webhookOutcomes(service: StartedService): Promise<Record<string, number>> {
  const res = await request(`${service.url}/metrics`);
  const text = await res.body.text();
  const out: Record<string, number> = {};
  for (const match of text.matchAll(/^flip_graphql_webhooks_total\{outcome="([^"]+)"\} (\d+)$/gm)) {
    out[match[1]!] = Number(match[2]);
  }
  return out;
}

function telemetryBody(programId: string, deviceIds: string[], soc = 55): string {
  return JSON.stringify({
    type: 'telemetry.published',
    timestamp: new Date().toISOString(),
    data: {
      program_id: programId,
      telemetry: deviceIds.map((device_id) => ({
        device_id,
        start_time: '2026-12-01T12:00:00Z',
        duration_s: 300,
        battery_state_of_charge_percentage: soc,
      })),
    },
  });
}

describe('POST /webhooks/flip', () => {
  it("delivers the simulator's signed telemetry.published to deviceTelemetry subscribers, polling nothing", async () => {
    const secret = webhookSecret();
    const service = await startService({ env: { FLIP_WEBHOOK_SECRET: secret } });
    const programId = service.sim.programs[0]!.id;
    const live = liveClient(service.graphqlUrl);
    const all = live.subscribe<{ deviceTelemetry: { deviceId: string } }>(DEVICE_TELEMETRY, { programId });
    const target = { url: `${service.url}/webhooks/flip`, secret };
    // Deliver until the subscription (registered asynchronously) has seen a round.
    let rounds: Awaited<ReturnType<typeof service.sim.deliverWebhooks>> = [];
    while (all.results.length === 0) rounds = await service.sim.deliverWebhooks(target);
    expect(rounds.map((d) => d.status)).toEqual(service.sim.programs.map(() => 204));
    const points = rounds.find((d) => d.programId === programId)!.points;
    const first = await all.nth(points);
    expect(first.errors).toBeUndefined();
    const ids = new Set(all.results.slice(0, points).map((r) => r.data!.deviceTelemetry.deviceId));
    expect(ids.size).toBe(points);
    expect(service.sim.journal.counts()['POST /v1/telemetry/latest']).toBeUndefined();
    expect((await webhookOutcomes(service)).accepted).toBeGreaterThanOrEqual(2);
  });

  it('answers 401 to a bad signature, a missing one and a stale timestamp, and processes none', async () => {
    const secret = webhookSecret();
    const service = await startService({ env: { FLIP_WEBHOOK_SECRET: secret } });
    const target = { url: `${service.url}/webhooks/flip`, secret };
    for (const fault of ['bad-signature', 'late-timestamp'] as const) {
      const rounds = await service.sim.deliverWebhooks(target, fault);
      expect(rounds.map((d) => d.status)).toEqual(service.sim.programs.map(() => 401));
    }
    const body = telemetryBody(service.sim.programs[0]!.id, ['d-1']);
    expect(await postWebhook(service.url, body)).toBe(401);
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    expect(await postWebhook(service.url, body, { secret, timestampS: future })).toBe(401);
    const programs = service.sim.programs.length;
    expect(await webhookOutcomes(service)).toEqual({
      'bad-signature': programs,
      'stale-timestamp': programs + 1,
      'missing-headers': 1,
    });
  });

  it('accepts any key of a rotation, drops a redelivered Webhook-Id and bounds the body', async () => {
    const [oldKey, newKey] = [webhookSecret(), webhookSecret()];
    const service = await startService({
      env: { FLIP_WEBHOOK_SECRET: `${newKey},${oldKey}`, WEBHOOK_MAX_BODY_BYTES: '2048' },
    });
    const programId = service.sim.programs[0]!.id;
    const live = liveClient(service.graphqlUrl);
    const sub = live.subscribe<{ deviceTelemetry: { deviceId: string } }>(DEVICE_TELEMETRY, {
      programId,
      deviceIds: ['d-1', 'd-2'],
    });
    const id = 'msg_fixed';
    let sent = 0;
    // The subscription registers asynchronously: send fresh ids until one arrives.
    while (sub.results.length === 0) {
      expect(
        await postWebhook(service.url, telemetryBody(programId, ['d-1', 'other']), { secret: oldKey }),
      ).toBe(204);
      sent++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await postWebhook(service.url, telemetryBody(programId, ['d-2']), { secret: newKey, id })).toBe(
      204,
    );
    expect(await postWebhook(service.url, telemetryBody(programId, ['d-2']), { secret: newKey, id })).toBe(
      204,
    );
    const big = telemetryBody(
      programId,
      Array.from({ length: 40 }, (_, i) => `device-${i}`),
    );
    expect(await postWebhook(service.url, big, { secret: newKey })).toBe(413);
    // A last, distinct delivery: once it arrived, the duplicate (sent before it) would have too.
    expect(await postWebhook(service.url, telemetryBody(programId, ['d-1'], 77), { secret: newKey })).toBe(
      204,
    );
    while (
      !sub.results.some(
        (r) =>
          (r.data?.deviceTelemetry as { batteryStateOfChargePercentage?: number })
            ?.batteryStateOfChargePercentage === 77,
      )
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const devices = sub.results.map((r) => r.data!.deviceTelemetry.deviceId);
    expect(devices.filter((d) => d === 'd-2')).toHaveLength(1);
    expect(devices).not.toContain('other');
    expect((await webhookOutcomes(service)).duplicate).toBe(1);
    expect(sent).toBeGreaterThan(0);
  });

  it('counts a signed body that does not fit the documented shape and publishes nothing of it', async () => {
    const secret = webhookSecret();
    const service = await startService({ env: { FLIP_WEBHOOK_SECRET: secret } });
    const programId = service.sim.programs[0]!.id;
    const cases = [
      'not json',
      JSON.stringify({ type: 'something.else', data: {} }),
      JSON.stringify({ type: 'telemetry.published', timestamp: 'x', data: { telemetry: 'no' } }),
      JSON.stringify({
        type: 'telemetry.published',
        timestamp: 'x',
        data: { program_id: 'unknown', telemetry: [] },
      }),
      JSON.stringify({
        type: 'telemetry.published',
        timestamp: 'x',
        data: {
          program_id: programId,
          telemetry: [{ device_id: 'd-1', start_time: 'garbage', duration_s: 300 }, { nope: 1 }],
        },
      }),
    ];
    for (const body of cases) expect(await postWebhook(service.url, body, { secret })).toBe(204);
    // Processing happens after the answer: wait until all five were counted.
    let outcomes: Record<string, number> = {};
    while (Object.values(outcomes).reduce((a, b) => a + b, 0) < cases.length)
      outcomes = await webhookOutcomes(service);
    expect(outcomes).toEqual({
      'not-json': 1,
      'unknown-type': 1,
      'invalid-envelope': 1,
      'unknown-program': 1,
      'accepted-partly': 1,
    });
    expect(service.logText()).not.toContain('garbage');
  });

  it('answers 404 when no webhook secret is configured', async () => {
    const service = await startService();
    expect(await postWebhook(service.url, '{}', { secret: webhookSecret() })).toBe(404);
  });
});
