import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../src/flip/wire.js';
import {
  EventDetailDocument,
  EventsListDocument,
  type EventDetailQuery,
  type EventsListQuery,
} from '../../schema/client/graphql.js';
import { startService, type StartedService } from '../support/start.js';
import { iso, seedEnrollments, seedEvents } from './helpers.js';

/** The contract's rule, restated: UPCOMING before start, ACTIVE until the end, COMPLETED after. */
function statusOf(e: WireEvent, now: number): string {
  const start = Date.parse(e.starts_at);
  const end = e.ends_at ? Date.parse(e.ends_at) : e.duration_s != null ? start + e.duration_s * 1000 : null;
  if (now < start) return 'UPCOMING';
  return end !== null && now >= end ? 'COMPLETED' : 'ACTIVE';
}

const newestFirst = (a: WireEvent, b: WireEvent) =>
  Date.parse(b.starts_at) - Date.parse(a.starts_at) || (a.id < b.id ? -1 : 1);

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

describe('Query.events', () => {
  it('lists every event newest first, with derived status and program, from one GET /v1/events', async () => {
    const res = await svc.gql<EventsListQuery>(EventsListDocument, {});
    const now = Date.now();
    const names = new Map(svc.sim.programs.map((p) => [p.id, p.name]));
    expect(res.body).toEqual({
      data: {
        events: [...seedEvents(svc.sim)].sort(newestFirst).map((e) => ({
          id: e.id,
          programId: e.program_id,
          program: { id: e.program_id, name: names.get(e.program_id) },
          status: statusOf(e, now),
          targetType: e.target_type,
          targetIds: e.target_ids,
          startsAt: iso(e.starts_at),
          endsAt: iso(e.ends_at),
          durationS: e.duration_s ?? null,
          createdAt: iso(e.created_at),
          actions: e.actions.map((a) => ({
            mode: a.mode,
            startsAt: iso(a.starts_at),
            durationS: a.duration_s,
            powerMode: a.power_mode ?? null,
            setpointMode: a.setpoint_mode ?? null,
            setpointW: a.setpoint_w ?? null,
            backupReservePercentage: a.backup_reserve_percentage ?? null,
            enableGridImport: a.enable_grid_import ?? null,
          })),
        })),
      },
    });
    expect(svc.sim.journal.calls()).toEqual([{ method: 'GET', route: '/v1/events' }]);
  });

  it('filters by program and by derived status (any of), also on Program.events, in one call', async () => {
    const programId = svc.sim.programs[0]!.id;
    const res = await svc.gql(
      /* GraphQL */ `
        query ($p: ID!) {
          mine: events(programId: $p) {
            id
          }
          running: events(status: [ACTIVE, UPCOMING]) {
            id
            status
          }
          program(id: $p) {
            events(status: [COMPLETED]) {
              id
            }
          }
        }
      `,
      { p: programId },
    );
    const now = Date.now();
    const all = [...seedEvents(svc.sim)].sort(newestFirst);
    expect(res.body).toEqual({
      data: {
        mine: all.filter((e) => e.program_id === programId).map((e) => ({ id: e.id })),
        running: all
          .filter((e) => statusOf(e, now) !== 'COMPLETED')
          .map((e) => ({ id: e.id, status: statusOf(e, now) })),
        program: {
          events: all
            .filter((e) => e.program_id === programId && statusOf(e, now) === 'COMPLETED')
            .map((e) => ({ id: e.id })),
        },
      },
    });
    expect(svc.sim.journal.calls()).toEqual([{ method: 'GET', route: '/v1/events' }]);
    expect(new Set(all.map((e) => statusOf(e, now)))).toEqual(new Set(['UPCOMING', 'ACTIVE', 'COMPLETED']));
  });
});

describe('Query.event', () => {
  it('answers the event with per-site participation and each site from the program load', async () => {
    const event = seedEvents(svc.sim).find((e) => e.target_type === 'SITE')!;
    const res = await svc.gql<EventDetailQuery>(EventDetailDocument, { id: event.id });
    const sites = new Map(seedEnrollments(svc.sim, event.program_id).map((e) => [e.site.id, e.site]));
    const rows = res.body.data?.event?.sites ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const site = sites.get(row.siteId)!;
      expect(row.site).toEqual({
        id: site.id,
        firstName: site.first_name,
        lastName: site.last_name,
        companyName: site.company_name,
      });
    }
    expect(res.body.data?.event).toMatchObject({
      id: event.id,
      programId: event.program_id,
      targetIds: event.target_ids,
    });
    expect(svc.sim.journal.calls()).toEqual([
      { method: 'GET', route: '/v1/events' },
      { method: 'GET', route: `/v1/events/${event.id}/sites` },
      { method: 'GET', route: '/v1/enrollments', query: { program_id: event.program_id } },
    ]);
  });

  it('answers null for an unknown event id', async () => {
    const res = await svc.gql(/* GraphQL */ `
      {
        event(id: "00000000-0000-4000-8000-000000000000") {
          id
        }
      }
    `);
    expect(res.body).toEqual({ data: { event: null } });
  });

  it('costs one GET /v1/events/{id}/sites per event', async () => {
    const res = await svc.gql(/* GraphQL */ `
      {
        events {
          id
          sites {
            siteId
          }
        }
        again: events {
          id
          sites {
            isParticipating
          }
        }
      }
    `);
    expect(res.body.errors).toBeUndefined();
    const ids = seedEvents(svc.sim).map((e) => e.id);
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/events': 1,
      'GET /v1/events/{id}/sites': ids.length,
    });
  });
});
