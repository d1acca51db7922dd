import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../../src/flip/wire.js';
import { DispatchEventDocument, type DispatchEventMutation } from '../../../schema/client/graphql.js';
import { utility } from '../../support/sim.js';
import { startService, type StartedService } from '../../support/start.js';
import { errorsOf, firstProgram, inMinutes } from './helpers.js';

// Issue 13 §2.3: after a POST /v1/events whose answer was lost, the service claims an event only
// when it can show the event is this attempt's; otherwise UPSTREAM_OUTCOME_UNKNOWN.

let svc: StartedService;
beforeAll(async () => {
  // A hung POST times out after 300 ms.
  svc = await startService({ autoClose: false, env: { FLIP_HEADERS_TIMEOUT_MS: '300' } });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());
afterEach(() => svc.sim.faults.clear());

// Sites no seeded event and no other test (here or in dispatch-faults.test.ts) targets.
let nextSite = 60;
function siteEvent() {
  const { programId, enrollments } = firstProgram(svc.sim);
  return {
    programId,
    targetType: 'SITE',
    targetIds: [enrollments[nextSite++]!.site.id],
    actions: [{ mode: 'DISCHARGE', startsAt: inMinutes(50), durationS: 900 }],
  };
}
type SiteEvent = ReturnType<typeof siteEvent>;

function dispatch(input: SiteEvent, idempotencyKey: string) {
  return svc.gql<DispatchEventMutation>(DispatchEventDocument, { input, idempotencyKey });
}

/** Creates the event on Flip directly, as a client other than this service would. */
async function createOutside(input: SiteEvent): Promise<string> {
  const reply = await utility(svc.sim, 'POST', '/v1/events', {
    body: {
      program_id: input.programId,
      target_type: input.targetType,
      target_ids: input.targetIds,
      actions: input.actions.map((a) => ({ mode: a.mode, starts_at: a.startsAt, duration_s: a.durationS })),
    },
  });
  expect(reply.status).toBe(200);
  return (reply.json as WireEvent).id;
}

function loseNextPost(options: { applied: boolean }) {
  svc.sim.faults.add({
    method: 'POST',
    route: '/v1/events',
    kind: 'hang',
    applyFirst: options.applied,
    times: 1,
  });
}

function routes(): string[] {
  return svc.sim.journal.calls().map((c) => `${c.method} ${c.route}`);
}

function eventIdsOfSite(siteId: string): string[] {
  return (svc.sim.state.events() as WireEvent[])
    .filter((e) => e.target_ids.includes(siteId))
    .map((e) => e.id);
}

describe('dispatchEvent recovery after a lost answer', () => {
  it("#13: never returns another key's identical event to a retry as its own", async () => {
    const input = siteEvent();
    const key = randomUUID();
    loseNextPost({ applied: false });
    expect(errorsOf(await dispatch(input, key))).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);

    const other = await dispatch(input, randomUUID());
    const otherId = other.body.data?.dispatchEvent.id;
    expect(eventIdsOfSite(input.targetIds[0]!)).toEqual([otherId]);

    svc.sim.journal.clear();
    const retried = await dispatch(input, key);
    expect(errorsOf(retried)).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    expect(routes()).toEqual(['GET /v1/events']);
  });

  it('#13: never claims an identical event that existed before the attempt was sent', async () => {
    const input = siteEvent();
    const earlier = await createOutside(input);
    svc.sim.journal.clear();
    loseNextPost({ applied: false });
    const res = await dispatch(input, randomUUID());
    expect(errorsOf(res)).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    expect(routes()).toEqual(['GET /v1/enrollments', 'GET /v1/events', 'POST /v1/events', 'GET /v1/events']);
    expect(eventIdsOfSite(input.targetIds[0]!)).toEqual([earlier]);
  });

  it('still claims its own event when an identical one existed before', async () => {
    const input = siteEvent();
    const earlier = await createOutside(input);
    loseNextPost({ applied: true });
    const res = await dispatch(input, randomUUID());
    const ids = eventIdsOfSite(input.targetIds[0]!);
    expect(ids).toHaveLength(2);
    expect(res.body.data?.dispatchEvent.id).toBe(ids.find((id) => id !== earlier));
  });

  it('returns the event once Flip lists it after the lost answer, when no other attempt could own it', async () => {
    const input = siteEvent();
    const key = randomUUID();
    loseNextPost({ applied: false });
    expect(errorsOf(await dispatch(input, key))).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    // Flip finishing the lost request late looks like this: the event appears, created after the POST.
    const late = await createOutside(input);
    svc.sim.journal.clear();
    const retried = await dispatch(input, key);
    expect(retried.body.data?.dispatchEvent.id).toBe(late);
    expect(routes()).toEqual(['GET /v1/events']);
  });

  it('#13: answers UPSTREAM_OUTCOME_UNKNOWN while another key at an identical event is unresolved', async () => {
    const input = siteEvent();
    loseNextPost({ applied: false });
    expect(errorsOf(await dispatch(input, randomUUID()))).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    // This attempt's event exists, but the first attempt's lost POST could as well have made it.
    loseNextPost({ applied: true });
    const res = await dispatch(input, randomUUID());
    expect(errorsOf(res)).toEqual([{ code: 'UPSTREAM_OUTCOME_UNKNOWN' }]);
    expect(eventIdsOfSite(input.targetIds[0]!)).toHaveLength(1);
  });

  it('says that the event may exist and how to check, without upstream text', async () => {
    loseNextPost({ applied: false });
    const res = await dispatch(siteEvent(), randomUUID());
    const message = res.body.errors?.[0]?.message ?? '';
    expect(message).toMatch(/may exist/);
    expect(message).toMatch(/events query/);
    expect(message).toMatch(/never re-sends/);
  });
});
