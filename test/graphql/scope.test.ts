import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddEnrollmentsToGroupDocument,
  ApproveEnrollmentDocument,
  CancelEventDocument,
  CreateGroupDocument,
  DeleteGroupDocument,
  PauseEnrollmentDocument,
  RenameGroupDocument,
  UpdateEnrollmentDocument,
  UpdateEnrollmentsDocument,
} from '../../schema/client/graphql.js';
import type { WireEnrollment, WireEvent } from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/types.js';
import { startTestSim } from '../support/sim.js';
import { startService, type StartedService } from '../support/start.js';
import { seedEnrollments, seedEvents } from './helpers.js';
import { errorsOf, writeCalls } from './mutations/helpers.js';

// Issue 13 §2.1: FLIP_PROGRAMS is the service's boundary. The simulator holds three programs; the
// service is configured with the first only, so the second's objects exist upstream but are out of
// scope: reads answer null as for an unknown id, writes NOT_FOUND with nothing sent.
let sim: Simulator;
let svc: StartedService;
let inScope: string;
let outOfScope: string;
let foreign: WireEnrollment;
let foreignEvent: WireEvent;
let ownEvent: WireEvent;
beforeAll(async () => {
  sim = await startTestSim({ sites: 300 });
  [inScope, outOfScope] = sim.programs.map((p) => p.id) as [string, string];
  svc = await startService({
    upstream: sim,
    env: { FLIP_PROGRAMS: `${inScope}=Only this one` },
    autoClose: false,
  });
  foreign = seedEnrollments(sim, outOfScope).find((e) => e.status === 'ACTIVE' && e.devices?.length)!;
  foreignEvent = seedEvents(sim).find((e) => e.program_id === outOfScope)!;
  ownEvent = seedEvents(sim).find((e) => e.program_id === inScope)!;
});
afterAll(async () => {
  await svc.close();
  await sim.close();
});
beforeEach(() => sim.journal.clear());

describe('reads by id of a program that is not configured', () => {
  it('#13: enrollment, site, device and event answer null as an unknown id does', async () => {
    const res = await svc.gql(
      /* GraphQL */ `
        query ($enrollment: ID!, $site: ID!, $device: ID!, $event: ID!) {
          enrollment(id: $enrollment) {
            id
          }
          site(id: $site) {
            id
          }
          device(id: $device) {
            id
          }
          event(id: $event) {
            id
          }
        }
      `,
      {
        enrollment: foreign.id,
        site: foreign.site.id,
        device: foreign.devices![0]!.id,
        event: foreignEvent.id,
      },
    );
    expect(res.body).toEqual({ data: { enrollment: null, site: null, device: null, event: null } });
    // Only the configured program was read; never the other one.
    expect(sim.journal.calls().filter((c) => c.query?.program_id === outOfScope)).toEqual([]);
  });

  it('#13: events lists only the configured programs’ events', async () => {
    const res = await svc.gql<{ events: { id: string; programId: string }[] }>(`{ events { id programId } }`);
    const programIds = new Set(res.body.data?.events.map((e) => e.programId));
    expect([...programIds]).toEqual([inScope]);
    expect(res.body.data?.events.map((e) => e.id)).toContain(ownEvent.id);
  });
});

describe('writes to objects of a program that is not configured', () => {
  it('#13: updateEnrollment and the four status actions answer NOT_FOUND and send nothing', async () => {
    const results = await Promise.all([
      svc.gql(UpdateEnrollmentDocument, { input: { id: foreign.id, statusReason: 'x' } }),
      svc.gql(ApproveEnrollmentDocument, { id: foreign.id }),
      svc.gql(PauseEnrollmentDocument, { id: foreign.id }),
      svc.gql(`mutation ($id: ID!) { rejectEnrollment(id: $id) { id } }`, { id: foreign.id }),
      svc.gql(`mutation ($id: ID!) { unenrollEnrollment(id: $id) { id } }`, { id: foreign.id }),
    ]);
    expect(results.map(errorsOf)).toEqual(Array.from({ length: 5 }, () => [{ code: 'NOT_FOUND' }]));
    expect(writeCalls(sim)).toEqual([]);
  });

  it('#13: updateEnrollments reports each foreign id NOT_FOUND and patches only the configured ones', async () => {
    const own = seedEnrollments(sim, inScope).find((e) => e.status === 'ACTIVE')!;
    const res = await svc.gql<{
      updateEnrollments: { succeeded: { id: string }[]; failed: { id: string; code: string }[] };
    }>(UpdateEnrollmentsDocument, { ids: [foreign.id, own.id], status: 'ACTIVE', statusReason: 'ok' });
    expect(res.body.data?.updateEnrollments.succeeded.map((e) => e.id)).toEqual([own.id]);
    expect(res.body.data?.updateEnrollments.failed.map(({ id, code }) => ({ id, code }))).toEqual([
      { id: foreign.id, code: 'NOT_FOUND' },
    ]);
    expect(writeCalls(sim)).toEqual([
      {
        method: 'PATCH',
        route: `/v1/enrollments/${own.id}`,
        body: { status: 'ACTIVE', status_reason: 'ok' },
      },
    ]);
  });

  it('#13: group membership items of another program are NOT_FOUND and never sent', async () => {
    const group = sim.state.groups(inScope)[0]!;
    const res = await svc.gql<{ addEnrollmentsToGroup: { failed: { id: string; code: string }[] } }>(
      AddEnrollmentsToGroupDocument,
      { programId: inScope, groupId: group.id, enrollmentIds: [foreign.id] },
    );
    expect(res.body.data?.addEnrollmentsToGroup.failed.map(({ id, code }) => ({ id, code }))).toEqual([
      { id: foreign.id, code: 'NOT_FOUND' },
    ]);
    expect(writeCalls(sim)).toEqual([]);
  });

  it('#13: group writes and membership in that program answer NOT_FOUND and send nothing', async () => {
    const group = sim.state.groups(outOfScope)[0]!;
    const results = await Promise.all([
      svc.gql(CreateGroupDocument, { input: { programId: outOfScope, id: 'zone-z', name: 'Zone Z' } }),
      svc.gql(RenameGroupDocument, { programId: outOfScope, id: group.id, name: 'Renamed' }),
      svc.gql(DeleteGroupDocument, { programId: outOfScope, id: group.id }),
      svc.gql(AddEnrollmentsToGroupDocument, {
        programId: outOfScope,
        groupId: group.id,
        enrollmentIds: [foreign.id],
      }),
    ]);
    expect(results.map(errorsOf)).toEqual(Array.from({ length: 4 }, () => [{ code: 'NOT_FOUND' }]));
    expect(sim.journal.calls()).toEqual([]);
  });

  it('#13: cancelEvent of its event answers NOT_FOUND and sends no DELETE', async () => {
    const res = await svc.gql(CancelEventDocument, { id: foreignEvent.id });
    expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND' }]);
    expect(writeCalls(sim)).toEqual([]);
  });
});
