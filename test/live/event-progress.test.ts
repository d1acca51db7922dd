import { describe, expect, it } from 'vitest';
import { liveClient } from '../support/live.js';
import { startService } from '../support/start.js';

const EVENT_PROGRESS = /* GraphQL */ `
  subscription ($id: ID!) {
    eventProgress(id: $id) {
      eventId
      status
      at
      performance {
        targetedSiteCount
        participatingSiteCount
      }
    }
  }
`;

interface Progress {
  eventProgress: { eventId: string; status: string; performance: { targetedSiteCount: number } | null };
}

describe('Subscription.eventProgress', () => {
  it('sends the current state first, then the change a cancellation made through HTTP', async () => {
    const service = await startService({ env: { TELEMETRY_POLL_S: '3600' } });
    const listed = await service.gql<{ events: { id: string }[] }>(/* GraphQL */ `
      {
        events(status: [UPCOMING]) {
          id
        }
      }
    `);
    const id = listed.body.data!.events[0]!.id;
    const sub = liveClient(service.graphqlUrl).subscribe<Progress>(EVENT_PROGRESS, { id });
    const first = await sub.nth(1);
    expect(first.errors).toBeUndefined();
    expect(first.data!.eventProgress).toMatchObject({ eventId: id, status: 'UPCOMING' });
    expect(first.data!.eventProgress.performance?.targetedSiteCount).toBeGreaterThanOrEqual(0);
    const sitesCalls = service.sim.journal.calls().filter((c) => c.route === `/v1/events/${id}/sites`);
    expect(sitesCalls).toHaveLength(1);

    const res = await service.gql(
      /* GraphQL */ `
        mutation ($id: ID!) {
          cancelEvent(id: $id)
        }
      `,
      { id },
    );
    expect(res.body.errors).toBeUndefined();
    const second = await sub.nth(2);
    expect(second.data!.eventProgress).toMatchObject({ eventId: id, status: 'CANCELED' });
  });

  it('answers NOT_FOUND for an event outside the configured programs', async () => {
    const service = await startService();
    const sub = liveClient(service.graphqlUrl).subscribe(EVENT_PROGRESS, { id: 'no-such-event' });
    const result = await sub.nth(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
