import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { WireEvent } from '../../../src/flip/wire.js';
import { DispatchEventDocument, type DispatchEventMutation } from '../../../schema/client/graphql.js';
import { startRedis } from '../../support/redis.js';
import { startService, type StartedService } from '../../support/start.js';
import { errorsOf, firstProgram, inMinutes, writeCalls } from './helpers.js';

function siteEvent(svc: StartedService, n: number) {
  const { programId, enrollments } = firstProgram(svc.sim);
  return {
    programId,
    targetType: 'SITE',
    targetIds: [enrollments[40 + n]!.site.id],
    actions: [{ mode: 'CHARGE', startsAt: inMinutes(40), durationS: 600 }],
  };
}

function eventIdsOfSite(svc: StartedService, siteId: string): string[] {
  return (svc.sim.state.events() as WireEvent[])
    .filter((e) => e.target_ids.includes(siteId))
    .map((e) => e.id);
}

// Issue 13 §2.4: once the POST may have left, no failure is reported as "nothing was sent".
describe('dispatchEvent with Redis stopped between the POST and the save', () => {
  /** A service on its own Redis; the fault holds the POST until Redis is gone. */
  async function startOnRedis() {
    const redis = await startRedis();
    // The POST is held (hang: up to this timeout; latency: 1 s) while the test stops Redis.
    const svc = await startService({ env: { REDIS_URL: redis.url, FLIP_HEADERS_TIMEOUT_MS: '3000' } });
    const stopRedisOnceThePostArrived = async () => {
      // The first write opens the audit trail before its POST (in-memory PGlite: seconds when loaded).
      await vi.waitFor(() => expect(svc.sim.journal.counts()['POST /v1/events']).toBe(1), {
        timeout: 30_000,
      });
      await redis.close();
    };
    return { svc, stopRedisOnceThePostArrived };
  }

  it('answers UPSTREAM_OUTCOME_UNKNOWN, not UPSTREAM_UNAVAILABLE, when the answer was lost too', async () => {
    const { svc, stopRedisOnceThePostArrived } = await startOnRedis();
    svc.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'hang', times: 1 });
    const input = siteEvent(svc, 0);
    const [res] = await Promise.all([
      svc.gql(DispatchEventDocument, { input, idempotencyKey: randomUUID() }),
      stopRedisOnceThePostArrived(),
    ]);
    expect(errorsOf(res)).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    expect(res.body.errors?.[0]?.message).toMatch(/may exist/);
    expect(res.body.errors?.[0]?.message).not.toMatch(/nothing was sent/);
    expect(writeCalls(svc.sim)).toHaveLength(1);
  });

  it('answers UPSTREAM_OUTCOME_UNKNOWN when the lost POST applied but its ownership cannot be checked', async () => {
    const { svc, stopRedisOnceThePostArrived } = await startOnRedis();
    svc.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'hang', applyFirst: true, times: 1 });
    const input = siteEvent(svc, 1);
    const [res] = await Promise.all([
      svc.gql(DispatchEventDocument, { input, idempotencyKey: randomUUID() }),
      stopRedisOnceThePostArrived(),
    ]);
    expect(errorsOf(res)).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    expect(eventIdsOfSite(svc, input.targetIds[0]!)).toHaveLength(1);
    expect(writeCalls(svc.sim)).toHaveLength(1);
  });

  it("returns the event when Flip answered: its answer is the proof, whatever the store's state", async () => {
    const { svc, stopRedisOnceThePostArrived } = await startOnRedis();
    svc.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'latency', latencyMs: 1_000, times: 1 });
    const input = siteEvent(svc, 2);
    const [res] = await Promise.all([
      svc.gql<DispatchEventMutation>(DispatchEventDocument, { input, idempotencyKey: randomUUID() }),
      stopRedisOnceThePostArrived(),
    ]);
    expect(res.body.errors).toBeUndefined();
    expect(eventIdsOfSite(svc, input.targetIds[0]!)).toEqual([res.body.data?.dispatchEvent.id]);
    expect(writeCalls(svc.sim)).toHaveLength(1);
  });
});

// Issue 13 §2.5: a live idempotency key is never dropped to make room.
describe('the in-memory idempotency store when full', () => {
  it('#13: refuses a new dispatch with RATE_LIMITED and sends nothing, and still replays every live key', async () => {
    // Two keys per dispatch of a new event: its record and its event's attempt list.
    const svc = await startService({ env: { IDEMPOTENCY_MAX_KEYS: '4' } });
    const keys = [randomUUID(), randomUUID(), randomUUID()];
    const firstInput = siteEvent(svc, 3);
    const first = await svc.gql<DispatchEventMutation>(DispatchEventDocument, {
      input: firstInput,
      idempotencyKey: keys[0],
    });
    expect(first.body.errors).toBeUndefined();
    await svc.gql(DispatchEventDocument, { input: siteEvent(svc, 4), idempotencyKey: keys[1] });
    svc.sim.journal.clear();

    const refused = await svc.gql(DispatchEventDocument, {
      input: siteEvent(svc, 5),
      idempotencyKey: keys[2],
    });
    expect(errorsOf(refused)).toEqual([{ code: 'RATE_LIMITED' }]);
    expect(refused.body.errors?.[0]?.extensions?.retryAfterS).toBeGreaterThan(0);
    expect(writeCalls(svc.sim)).toEqual([]);

    const replayed = await svc.gql<DispatchEventMutation>(DispatchEventDocument, {
      input: firstInput,
      idempotencyKey: keys[0],
    });
    expect(replayed.body.data?.dispatchEvent.id).toBe(first.body.data?.dispatchEvent.id);
    expect(writeCalls(svc.sim)).toEqual([]);
  });
});
