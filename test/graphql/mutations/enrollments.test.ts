import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApproveEnrollmentDocument,
  PauseEnrollmentDocument,
  UpdateEnrollmentDocument,
  UpdateEnrollmentsDocument,
  type PauseEnrollmentMutation,
  type UpdateEnrollmentMutation,
  type UpdateEnrollmentsMutation,
} from '../../../schema/client/graphql.js';
import { startService, type StartedService } from '../../support/start.js';
import { enrollmentsOf, errorsOf, firstProgram, writeCalls } from './helpers.js';

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());
afterEach(() => svc.sim.faults.clear());

/** Enrollments of the first program with this status; each test takes its own by index. */
function seeded(status: string) {
  const { programId, enrollments } = firstProgram(svc.sim);
  return { programId, enrollments: enrollments.filter((e) => e.status === status) };
}

describe('Mutation.pauseEnrollment', () => {
  it('sends one PATCH with the snake_case status and reason, and the same answer counts it', async () => {
    const { programId, enrollments } = seeded('ACTIVE');
    const target = enrollments[0]!;
    const before = firstProgram(svc.sim).enrollments.filter((e) => e.status === 'PAUSED').length;
    const res = await svc.gql<PauseEnrollmentMutation>(PauseEnrollmentDocument, {
      id: target.id,
      reason: 'battery maintenance',
    });
    const paused = res.body.data?.pauseEnrollment;
    expect(paused).toMatchObject({ id: target.id, status: 'PAUSED', statusReason: 'battery maintenance' });
    expect(paused?.program?.id).toBe(programId);
    expect(paused?.program?.stats?.byStatus.find((s) => s.status === 'PAUSED')?.count).toBe(before + 1);
    expect(writeCalls(svc.sim)).toEqual([
      {
        method: 'PATCH',
        route: `/v1/enrollments/${target.id}`,
        body: { status: 'PAUSED', status_reason: 'battery maintenance' },
      },
    ]);
  });

  it('is seen by the next operation', async () => {
    const target = seeded('ACTIVE').enrollments[1]!;
    await svc.gql(PauseEnrollmentDocument, { id: target.id });
    const res = await svc.gql(`query ($id: ID!) { enrollment(id: $id) { status statusReason } }`, {
      id: target.id,
    });
    expect(res.body.data).toEqual({ enrollment: { status: 'PAUSED', statusReason: null } });
  });

  it('answers NOT_FOUND for an unknown id after reading the configured programs, and sends no PATCH', async () => {
    const res = await svc.gql(PauseEnrollmentDocument, { id: '00000000-0000-4000-8000-000000000000' });
    expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND' }]);
    expect(writeCalls(svc.sim)).toEqual([]);
  });
});

describe('Mutation.approveEnrollment', () => {
  it('sets ACTIVE without a reason when none is given', async () => {
    const target = seeded('PENDING').enrollments[0]!;
    const res = await svc.gql(ApproveEnrollmentDocument, { id: target.id });
    expect(res.body.data).toEqual({
      approveEnrollment: { id: target.id, status: 'ACTIVE', statusReason: target.status_reason ?? null },
    });
    expect(writeCalls(svc.sim)).toEqual([
      { method: 'PATCH', route: `/v1/enrollments/${target.id}`, body: { status: 'ACTIVE' } },
    ]);
  });
});

describe('Mutation.updateEnrollment', () => {
  it('replaces the groups after checking them against the program, and returns the new groups', async () => {
    const { programId, enrollments } = seeded('ACTIVE');
    const target = enrollments[2]!;
    const res = await svc.gql<UpdateEnrollmentMutation>(UpdateEnrollmentDocument, {
      input: { id: target.id, groupIds: ['LZ_SOUTH', 'beta-testers'] },
    });
    expect(res.body.data?.updateEnrollment.groups.map((g) => g.id).sort()).toEqual([
      'LZ_SOUTH',
      'beta-testers',
    ]);
    expect(writeCalls(svc.sim)).toEqual([
      {
        method: 'PATCH',
        route: `/v1/enrollments/${target.id}`,
        body: { group_ids: ['LZ_SOUTH', 'beta-testers'] },
      },
    ]);
    expect(svc.sim.journal.counts()[`GET /v1/programs/{programId}/groups`]).toBe(1);
    expect(
      enrollmentsOf(svc.sim, programId)
        .find((e) => e.id === target.id)
        ?.site.groups?.map((g) => g.id)
        .sort(),
    ).toEqual(['LZ_SOUTH', 'beta-testers']);
  });

  it('lists every bad group id and sends no PATCH', async () => {
    const target = seeded('ACTIVE').enrollments[3]!;
    const res = await svc.gql(UpdateEnrollmentDocument, {
      input: {
        id: target.id,
        status: 'PAUSED',
        groupIds: ['LZ_SOUTH', 'no-such-group', 'bad id', 'LZ_SOUTH'],
      },
    });
    expect(errorsOf(res)).toEqual([
      {
        code: 'BAD_USER_INPUT',
        fieldPaths: ['input.groupIds[2]', 'input.groupIds[3]', 'input.groupIds[1]'],
      },
    ]);
    expect(writeCalls(svc.sim)).toEqual([]);
  });

  it('removes every group with [] without reading the groups', async () => {
    const target = seeded('ACTIVE').enrollments[4]!;
    const res = await svc.gql<UpdateEnrollmentMutation>(UpdateEnrollmentDocument, {
      input: { id: target.id, groupIds: [] },
    });
    expect(res.body.data?.updateEnrollment.groups).toEqual([]);
    // The reads after it serve the answer's Enrollment.groups, which needs the program.
    const patch = { method: 'PATCH', route: `/v1/enrollments/${target.id}`, body: { group_ids: [] } };
    expect(writeCalls(svc.sim)).toEqual([patch]);
    expect(svc.sim.journal.counts()['GET /v1/programs/{programId}/groups']).toBeUndefined();
  });

  it('refuses an input that changes nothing', async () => {
    const res = await svc.gql(UpdateEnrollmentDocument, {
      input: { id: seeded('ACTIVE').enrollments[5]!.id },
    });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['input'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});

describe('Mutation.updateEnrollments', () => {
  it('reports every id: successes, an unknown id as NOT_FOUND and an injected 422, in the order given', async () => {
    const targets = seeded('PENDING')
      .enrollments.slice(1, 4)
      .map((e) => e.id);
    const unknown = '00000000-0000-4000-8000-000000000001';
    svc.sim.faults.add({
      method: 'PATCH',
      route: `/v1/enrollments/${targets[1]}`,
      kind: 'status',
      status: 422,
    });
    const res = await svc.gql<UpdateEnrollmentsMutation>(UpdateEnrollmentsDocument, {
      ids: [targets[0], unknown, targets[1], targets[2], targets[0]],
      status: 'ACTIVE',
      statusReason: 'approved in bulk',
    });
    const result = res.body.data?.updateEnrollments;
    expect(result?.succeeded).toEqual([
      { id: targets[0], status: 'ACTIVE', statusReason: 'approved in bulk' },
      { id: targets[2], status: 'ACTIVE', statusReason: 'approved in bulk' },
    ]);
    expect(result?.failed.map(({ id, code }) => ({ id, code }))).toEqual([
      { id: unknown, code: 'NOT_FOUND' },
      { id: targets[1], code: 'BAD_USER_INPUT' },
    ]);
    // A repeated id is one PATCH; one failure stops nothing; the unknown id is never sent.
    const body = { status: 'ACTIVE', status_reason: 'approved in bulk' };
    expect(writeCalls(svc.sim).sort((a, b) => a.route.localeCompare(b.route))).toEqual(
      [targets[0], targets[1], targets[2]]
        .map((id) => ({ method: 'PATCH', route: `/v1/enrollments/${id}`, body }))
        .sort((a, b) => a.route.localeCompare(b.route)),
    );
  });

  it('refuses more than 1000 ids without sending anything', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
    const res = await svc.gql(UpdateEnrollmentsDocument, { ids, status: 'PAUSED' });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['ids'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('returns two empty lists for no ids', async () => {
    const res = await svc.gql(UpdateEnrollmentsDocument, { ids: [], status: 'PAUSED' });
    expect(res.body.data).toEqual({ updateEnrollments: { succeeded: [], failed: [] } });
  });
});
