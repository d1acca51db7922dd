import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEnrollment, WireEvent } from '../../src/flip/wire.js';
import {
  EventsPageDocument,
  SiteEventHistoryDocument,
  type EventsPageQuery,
  type SiteEventHistoryQuery,
} from '../../schema/client/graphql.js';
import { utility } from '../support/sim.js';
import { startService, type StartedService } from '../support/start.js';
import { seedEnrollments, seedEvents } from './helpers.js';

let svc: StartedService;
beforeAll(async () => {
  // One site in both programs: its history spans them.
  svc = await startService({ autoClose: false, sim: { crossEnrolledSites: 3 } });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

const newestFirst = (a: WireEvent, b: WireEvent) =>
  Date.parse(b.starts_at) - Date.parse(a.starts_at) || (a.id < b.id ? -1 : 1);

/** The rule restated on Flip's shapes: the event targets the enrollment (and these devices). */
function targets(e: WireEvent, en: WireEnrollment, programId: string, deviceIds?: string[]): boolean {
  if (e.program_id !== programId) return false;
  const ids = new Set(e.target_ids);
  if (e.target_type === 'PROGRAM') return true;
  if (e.target_type === 'GROUP') return (en.site.groups ?? []).some((g) => ids.has(g.id));
  if (e.target_type === 'SITE') return ids.has(en.site.id);
  return (deviceIds ?? (en.devices ?? []).map((d) => d.id)).some((id) => ids.has(id));
}

function enrollmentsOfSite(siteId: string): { programId: string; enrollment: WireEnrollment }[] {
  return svc.sim.programs.flatMap((p) =>
    seedEnrollments(svc.sim, p.id)
      .filter((e) => e.site.id === siteId)
      .map((enrollment) => ({ programId: p.id, enrollment })),
  );
}

/** A site enrolled in two programs (crossEnrolledSites). */
function crossSite(): string {
  const counts = new Map<string, number>();
  for (const p of svc.sim.programs)
    for (const e of seedEnrollments(svc.sim, p.id)) counts.set(e.site.id, (counts.get(e.site.id) ?? 0) + 1);
  return [...counts].find(([, n]) => n >= 2)![0];
}

async function dispatchToDevice(programId: string, deviceId: string): Promise<string> {
  const starts = new Date(Date.now() + 72 * 3600_000).toISOString();
  const reply = await utility(svc.sim, 'POST', '/v1/events', {
    body: {
      program_id: programId,
      target_type: 'DEVICE',
      target_ids: [deviceId],
      actions: [{ mode: 'DISCHARGE', starts_at: starts, duration_s: 3600 }],
    },
  });
  svc.sim.journal.clear();
  return (reply.json as { id: string }).id;
}

describe('Site.events', () => {
  it('lists the events targeting the site in each of its programs, newest first, paged', async () => {
    const siteId = crossSite();
    const subjects = enrollmentsOfSite(siteId);
    expect(subjects.length).toBe(2);
    const expected = [...seedEvents(svc.sim)]
      .sort(newestFirst)
      .filter((e) => subjects.some((s) => targets(e, s.enrollment, s.programId)))
      .map((e) => e.id);
    expect(new Set(expected.map((id) => seedEvents(svc.sim).find((e) => e.id === id)!.program_id)).size).toBe(
      2,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: { body: { data?: SiteEventHistoryQuery | null } } = await svc.gql<SiteEventHistoryQuery>(
        SiteEventHistoryDocument,
        { siteId, first: 2, after },
      );
      const conn = res.body.data!.site!.events!;
      expect(conn.totalCount).toBe(expected.length);
      seen.push(...conn.nodes.map((n) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor!;
    }
    expect(seen).toEqual(expected);
  });

  it('costs the events list and one enrollments call per program, for many sites', async () => {
    const program = svc.sim.programs[0]!;
    const res = await svc.gql(/* GraphQL */ `
      {
        program(id: "${program.id}") {
          enrollments(first: 20) {
            nodes {
              site { events(first: 3) { totalCount } }
              events(status: [COMPLETED]) { totalCount }
              devices { events { totalCount } }
            }
          }
        }
      }
    `);
    expect(res.body.errors).toBeUndefined();
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/events': 1,
      'GET /v1/enrollments': svc.sim.programs.length,
    });
  });

  it('narrows by status', async () => {
    const siteId = crossSite();
    const res = await svc.gql<SiteEventHistoryQuery>(SiteEventHistoryDocument, {
      siteId,
      status: ['COMPLETED'],
    });
    const nodes = res.body.data!.site!.events!.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(['COMPLETED']));
  });
});

describe('Device.events and Enrollment.events', () => {
  it("a device event is in its device's, its enrollment's and its site's history, not its sibling's", async () => {
    const program = svc.sim.programs[0]!;
    const enrollment = seedEnrollments(svc.sim, program.id).find((e) => (e.devices ?? []).length >= 2)!;
    const [device, sibling] = enrollment.devices ?? [];
    const eventId = await dispatchToDevice(program.id, device!.id);
    const res = await svc.gql<{
      enrollment: { events: { nodes: { id: string }[] } };
      site: { events: { nodes: { id: string }[] } };
      a: { events: { nodes: { id: string }[] } };
      b: { events: { nodes: { id: string }[] } };
    }>(/* GraphQL */ `
      {
        enrollment(id: "${enrollment.id}") { events { nodes { id } } }
        site(id: "${enrollment.site.id}") { events { nodes { id } } }
        a: device(id: "${device!.id}") { events { nodes { id } } }
        b: device(id: "${sibling!.id}") { events { nodes { id } } }
      }
    `);
    expect(res.body.errors).toBeUndefined();
    const ids = (k: 'enrollment' | 'site' | 'a' | 'b') => res.body.data![k].events.nodes.map((n) => n.id);
    expect([ids('enrollment'), ids('site'), ids('a'), ids('b')].map((l) => l.includes(eventId))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    const all = [...seedEvents(svc.sim)].sort(newestFirst);
    const inProgram = (e: WireEvent) => targets(e, enrollment, program.id);
    expect(ids('enrollment')).toEqual(all.filter(inProgram).map((e) => e.id));
    expect(ids('b')).toEqual(
      all.filter((e) => targets(e, enrollment, program.id, [sibling!.id])).map((e) => e.id),
    );
  });
});

describe('Query.eventConnection', () => {
  it('narrows by program, status, start window and target type, pages every match once', async () => {
    const all = [...seedEvents(svc.sim)].sort(newestFirst);
    const program = svc.sim.programs[1]!.id;
    const now = Date.now();
    const cases: { vars: Record<string, unknown>; keep: (e: WireEvent) => boolean }[] = [
      { vars: {}, keep: () => true },
      { vars: { programId: program }, keep: (e) => e.program_id === program },
      { vars: { targetType: 'GROUP' }, keep: (e) => e.target_type === 'GROUP' },
      { vars: { status: ['UPCOMING'] }, keep: (e) => Date.parse(e.starts_at) > now },
      {
        vars: {
          startsAfter: new Date(now - 30 * 3600_000).toISOString(),
          startsBefore: new Date(now).toISOString(),
        },
        keep: (e) => Date.parse(e.starts_at) > now - 30 * 3600_000 && Date.parse(e.starts_at) < now,
      },
    ];
    for (const { vars, keep } of cases) {
      const expected = all.filter(keep).map((e) => e.id);
      expect(expected.length).toBeGreaterThan(0);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const res: { body: { data?: EventsPageQuery | null } } = await svc.gql<EventsPageQuery>(
          EventsPageDocument,
          { ...vars, first: 3, after },
        );
        const conn = res.body.data!.eventConnection;
        expect(conn.totalCount).toBe(expected.length);
        seen.push(...conn.edges.map((e) => e.node.id));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor!;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('refuses an empty start window and a cursor of other arguments with BAD_USER_INPUT', async () => {
    const at = new Date().toISOString();
    const first = await svc.gql<EventsPageQuery>(EventsPageDocument, { first: 1 });
    const cursor = first.body.data!.eventConnection.pageInfo.endCursor;
    const window = await svc.gql(EventsPageDocument, { startsAfter: at, startsBefore: at });
    const other = await svc.gql(EventsPageDocument, { first: 1, after: cursor, targetType: 'SITE' });
    expect(
      [window, other].map((r) => r.body.errors?.map((e) => [e.extensions?.code, e.extensions?.fieldPaths])),
    ).toEqual([[['BAD_USER_INPUT', ['startsBefore']]], [['BAD_USER_INPUT', ['after']]]]);
  });
});
