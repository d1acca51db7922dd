import { createHmac, randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile, type Measured } from './drive.js';
import { API_KEY, startServiceProcess, type SimProcess } from './processes.js';
import type { Row } from './report.js';

/**
 * Scenario `live-fanout` (issue 15): SUBSCRIBERS graphql-ws clients on one service process, each
 * subscribed to `deviceTelemetry` for DEVICES_EACH devices (together DEVICES), and one signed
 * `telemetry.published` webhook with every device's point posted each second for ROUNDS
 * seconds. Measures delivery latency (webhook posted -> message received here, every message)
 * and the service's peak RSS before and after. Targets: p99 < 250 ms, RSS growth < 200 MB.
 */
export const LIVE_FANOUT = 'live-fanout';
const SUBSCRIBERS = 1_000;
const DEVICES = 2_000;
const DEVICES_EACH = DEVICES / SUBSCRIBERS;
const ROUNDS = 10;

const SUBSCRIPTION = /* GraphQL */ `
  subscription BenchTelemetry($programId: ID!, $deviceIds: [ID!]) {
    deviceTelemetry(programId: $programId, deviceIds: $deviceIds) {
      deviceId
      batteryStateOfChargePercentage
    }
  }
`;

export async function runLiveFanout(sim: SimProcess, nodeArgs: string[]): Promise<Row[]> {
  const secret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`;
  const programId = sim.programIds[0]!;
  const svc = await startServiceProcess(
    sim,
    {
      FLIP_WEBHOOK_SECRET: secret,
      MAX_CONNECTIONS: String(SUBSCRIBERS + 10),
      GRAPHQL_API_KEYS: `${API_KEY}:viewer`,
    },
    nodeArgs,
  );
  const baseUrl = svc.graphqlUrl.replace(/\/graphql$/, '');
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const clients = Array.from({ length: SUBSCRIBERS }, (_, i) => {
    const client = createClient({
      url: svc.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${API_KEY}` },
      retryAttempts: 0,
    });
    const deviceIds = Array.from({ length: DEVICES_EACH }, (_, k) => `bench-dev-${i * DEVICES_EACH + k}`);
    client.subscribe<{ deviceTelemetry: { batteryStateOfChargePercentage: number } }>(
      { query: SUBSCRIPTION, variables: { programId, deviceIds } },
      {
        next: (result) => {
          const round = result.data?.deviceTelemetry.batteryStateOfChargePercentage ?? -1;
          const at = sentAt.get(round);
          if (at !== undefined) latencies.push(performance.now() - at);
          received++;
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return client;
  });
  try {
    // Warm-up round 0 until every subscriber has one message (subscriptions register asynchronously).
    while (received < DEVICES) {
      await post(baseUrl, secret, programId, 0);
      await new Promise((r) => setTimeout(r, 500));
    }
    const rssBefore = svc.peakRssMb();
    const cpuBefore = svc.cpuMs();
    latencies.length = 0;
    const startedAt = performance.now();
    for (let round = 1; round <= ROUNDS; round++) {
      const tick = performance.now();
      sentAt.set(round, tick);
      await post(baseUrl, secret, programId, round);
      await new Promise((r) => setTimeout(r, Math.max(0, 1_000 - (performance.now() - tick))));
    }
    const expected = ROUNDS * DEVICES;
    for (let i = 0; latencies.length < expected && i < 100; i++) await new Promise((r) => setTimeout(r, 100));
    const durationS = (performance.now() - startedAt) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const measured: Measured = {
      ops: sorted.length,
      durationS,
      opsPerS: sorted.length / durationS,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      failures: expected - sorted.length,
    };
    const rssAfter = svc.peakRssMb();
    return [
      {
        scenario: `8. ${LIVE_FANOUT}: ${SUBSCRIBERS} deviceTelemetry subscribers, a ${DEVICES}-device webhook per second`,
        variant: 'service, webhooks',
        measured,
        callsPerOp: 0,
        peakRssMb: rssAfter,
        cpuMsPerOp: (svc.cpuMs() - cpuBefore) / ROUNDS,
        note: `delivery latency per message; peak RSS ${rssBefore.toFixed(0)} -> ${rssAfter.toFixed(0)} MB; CPU per webhook in cpuMsPerOp`,
      },
    ];
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await svc.close();
  }
}

async function post(baseUrl: string, secret: string, programId: string, round: number): Promise<void> {
  const body = JSON.stringify({
    type: 'telemetry.published',
    timestamp: new Date().toISOString(),
    data: {
      program_id: programId,
      telemetry: Array.from({ length: DEVICES }, (_, d) => ({
        device_id: `bench-dev-${d}`,
        start_time: new Date().toISOString(),
        duration_s: 300,
        battery_state_of_charge_percentage: round,
      })),
    },
  });
  const id = `msg_${randomUUID()}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  const res = await fetch(`${baseUrl}/webhooks/flip`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': `v1,${signature}`,
    },
    body,
  });
  if (res.status !== 204) throw new Error(`webhook answered ${res.status}`);
}
