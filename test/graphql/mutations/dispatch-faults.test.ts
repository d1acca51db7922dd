import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../../src/flip/wire.js';
import type { FaultKind } from '../../../src/simulator/types.js';
import { DispatchEventDocument, type DispatchEventMutation } from '../../../schema/client/graphql.js';
import { startService, type StartedService } from '../../support/start.js';
import { errorsOf, firstProgram, inMinutes } from './helpers.js';

let svc: StartedService;
beforeAll(async () => {
  // A hung POST times out after 300 ms; retried reads wait 5 ms.
  svc = await startService({
    autoClose: false,
    env: { FLIP_HEADERS_TIMEOUT_MS: '300', FLIP_RETRY_BASE_DELAY_MS: '5' },
  });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());
afterEach(() => svc.sim.faults.clear());

// The seed already has events on the first sites of each program (seed-events.ts).
let nextSite = 20;
/** A SITE event on a site no other test and no seeded event targets. */
function siteEvent() {
  const { programId, enrollments } = firstProgram(svc.sim);
  const siteId = enrollments[nextSite++]!.site.id;
  return {
    programId,
    targetType: 'SITE',
    targetIds: [siteId],
    actions: [{ mode: 'DISCHARGE', startsAt: inMinutes(45), durationS: 1800 }],
  };
}

function dispatch(input: ReturnType<typeof siteEvent>, idempotencyKey: string) {
  return svc.gql<DispatchEventMutation>(DispatchEventDocument, { input, idempotencyKey });
}

/** `METHOD route` of every call, in order: the shape of what happened upstream. */
function callShape(): string[] {
  return svc.sim.journal
    .calls()
    .map((c) => `${c.method} ${c.route.replace(/^\/v1\/events\/.+/, '/v1/events/{id}')}`);
}

function eventsOfSite(siteId: string): WireEvent[] {
  return (svc.sim.state.events() as WireEvent[]).filter((e) => e.target_ids.includes(siteId));
}

describe('POST /v1/events answering 503', () => {
  it('sends one POST, answers UPSTREAM_UNAVAILABLE and frees the key for a retry', async () => {
    svc.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'status', status: 503, times: 1 });
    const input = siteEvent();
    const key = randomUUID();
    const failed = await dispatch(input, key);
    expect(errorsOf(failed)).toEqual([{ code: 'UPSTREAM_UNAVAILABLE' }]);
    expect(callShape()).toEqual(['GET /v1/enrollments', 'GET /v1/events', 'POST /v1/events']);

    const retried = await dispatch(input, key);
    expect(retried.body.data?.dispatchEvent.targetIds).toEqual(input.targetIds);
    expect(callShape()).toEqual([
      'GET /v1/enrollments',
      'GET /v1/events',
      'POST /v1/events',
      'GET /v1/enrollments',
      'GET /v1/events',
      'POST /v1/events',
    ]);
    expect(eventsOfSite(input.targetIds[0]!)).toHaveLength(1);
  });
});

describe.each<FaultKind>(['hang', 'reset'])('POST /v1/events under a %s', (kind) => {
  it('applied upstream: sends the POST once and returns the event found by GET /v1/events', async () => {
    svc.sim.faults.add({ method: 'POST', route: '/v1/events', kind, applyFirst: true, times: 1 });
    const input = siteEvent();
    const res = await dispatch(input, randomUUID());
    const created = eventsOfSite(input.targetIds[0]!);
    expect(created).toHaveLength(1);
    expect(res.body.data?.dispatchEvent.id).toBe(created[0]?.id);
    expect(callShape()).toEqual([
      'GET /v1/enrollments',
      'GET /v1/events',
      'POST /v1/events',
      'GET /v1/events',
    ]);
  });

  it('not applied: answers UPSTREAM_OUTCOME_UNKNOWN, and a retry with the key looks again but never re-sends', async () => {
    svc.sim.faults.add({ method: 'POST', route: '/v1/events', kind, times: 1 });
    const input = siteEvent();
    const key = randomUUID();
    const first = await dispatch(input, key);
    expect(errorsOf(first)).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    expect(callShape()).toEqual([
      'GET /v1/enrollments',
      'GET /v1/events',
      'POST /v1/events',
      'GET /v1/events',
    ]);

    svc.sim.journal.clear();
    const retried = await dispatch(input, key);
    expect(errorsOf(retried)).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    expect(callShape()).toEqual(['GET /v1/events']);
    expect(eventsOfSite(input.targetIds[0]!)).toEqual([]);
  });
});
