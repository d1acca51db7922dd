import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AddEnrollmentsToGroupDocument,
  CreateGroupDocument,
  DeleteGroupDocument,
  RemoveEnrollmentsFromGroupDocument,
  RenameGroupDocument,
  type AddEnrollmentsToGroupMutation,
  type RemoveEnrollmentsFromGroupMutation,
} from '../../../schema/client/graphql.js';
import { startService, type StartedService } from '../../support/start.js';
import { errorsOf, firstProgram, writeCalls } from './helpers.js';

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

const GROUPS_ROUTE = (programId: string) => `/v1/programs/${programId}/groups`;

describe('Mutation.createGroup', () => {
  it('sends one POST with the id and name, and the next operation lists the group', async () => {
    const { programId } = firstProgram(svc.sim);
    const res = await svc.gql(CreateGroupDocument, {
      input: { programId, id: 'feeder-12', name: 'Feeder 12' },
    });
    expect(res.body).toEqual({
      data: { createGroup: { id: 'feeder-12', programId, name: 'Feeder 12', program: { id: programId } } },
    });
    expect(svc.sim.journal.calls()).toEqual([
      { method: 'POST', route: GROUPS_ROUTE(programId), body: { id: 'feeder-12', name: 'Feeder 12' } },
    ]);
    const next = await svc.gql<{ program: { group: { name: string } | null } }>(
      `query ($p: ID!) { program(id: $p) { group(id: "feeder-12") { name } } }`,
      { p: programId },
    );
    expect(next.body.data?.program.group).toEqual({ name: 'Feeder 12' });
  });

  it('lists a bad id and a blank name at once, and sends nothing', async () => {
    const res = await svc.gql(CreateGroupDocument, {
      input: { programId: svc.sim.programs[0]!.id, id: 'has space', name: '  ' },
    });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['input.id', 'input.name'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('#13: answers NOT_FOUND for a program that is not configured, and sends nothing', async () => {
    const res = await svc.gql(CreateGroupDocument, {
      input: { programId: 'nope', id: 'zone-x', name: 'Zone X' },
    });
    expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND' }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('answers CONFLICT when the id is taken', async () => {
    const { programId } = firstProgram(svc.sim);
    const res = await svc.gql(CreateGroupDocument, { input: { programId, id: 'LZ_NORTH', name: 'Again' } });
    expect(errorsOf(res)).toEqual([{ code: 'CONFLICT' }]);
    expect(writeCalls(svc.sim)).toHaveLength(1);
  });
});

describe('Mutation.renameGroup', () => {
  it('sends one PATCH with the new name', async () => {
    const { programId } = firstProgram(svc.sim);
    const res = await svc.gql(RenameGroupDocument, {
      programId,
      id: 'LZ_HOUSTON',
      name: 'Houston Load Zone',
    });
    expect(res.body).toEqual({
      data: { renameGroup: { id: 'LZ_HOUSTON', programId, name: 'Houston Load Zone' } },
    });
    expect(svc.sim.journal.calls()).toEqual([
      {
        method: 'PATCH',
        route: `${GROUPS_ROUTE(programId)}/LZ_HOUSTON`,
        body: { name: 'Houston Load Zone' },
      },
    ]);
  });
});

describe('Mutation.deleteGroup', () => {
  it('sends one DELETE and answers true', async () => {
    const { programId } = firstProgram(svc.sim);
    await svc.gql(CreateGroupDocument, { input: { programId, id: 'to-delete', name: 'Short-lived' } });
    svc.sim.journal.clear();
    const res = await svc.gql(DeleteGroupDocument, { programId, id: 'to-delete' });
    expect(res.body).toEqual({ data: { deleteGroup: true } });
    expect(svc.sim.journal.calls()).toEqual([
      { method: 'DELETE', route: `${GROUPS_ROUTE(programId)}/to-delete` },
    ]);
  });

  it('answers NOT_FOUND for an unknown group', async () => {
    const { programId } = firstProgram(svc.sim);
    const res = await svc.gql(DeleteGroupDocument, { programId, id: 'never-was' });
    expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND' }]);
  });
});

describe('Mutation.addEnrollmentsToGroup and removeEnrollmentsFromGroup', () => {
  it('merge with each site groups: PATCH only where the membership changes', async () => {
    const { programId, enrollments } = firstProgram(svc.sim);
    const inNorthAndWest = enrollments.filter((e) => {
      const ids = (e.site.groups ?? []).map((g) => g.id);
      return ids.length === 2 && ids.includes('LZ_NORTH') && ids.includes('LZ_WEST');
    });
    const [a, b] = inNorthAndWest;
    const inBeta = enrollments.find((e) => (e.site.groups ?? []).some((g) => g.id === 'beta-testers'))!;
    const unknown = '00000000-0000-4000-8000-0000000000ab';
    const added = await svc.gql<AddEnrollmentsToGroupMutation>(AddEnrollmentsToGroupDocument, {
      programId,
      groupId: 'beta-testers',
      enrollmentIds: [a!.id, inBeta.id, unknown],
    });
    const result = added.body.data?.addEnrollmentsToGroup;
    expect(result?.succeeded.map((e) => [e.id, e.groups.map((g) => g.id).sort()])).toEqual([
      [a!.id, ['LZ_NORTH', 'LZ_WEST', 'beta-testers']],
      [inBeta.id, inBeta.site.groups!.map((g) => g.id).sort()],
    ]);
    expect(result?.failed.map(({ id, code }) => ({ id, code }))).toEqual([
      { id: unknown, code: 'NOT_FOUND' },
    ]);
    expect(writeCalls(svc.sim)).toEqual([
      {
        method: 'PATCH',
        route: `/v1/enrollments/${a!.id}`,
        body: { group_ids: ['LZ_NORTH', 'LZ_WEST', 'beta-testers'] },
      },
    ]);

    svc.sim.journal.clear();
    const removed = await svc.gql<RemoveEnrollmentsFromGroupMutation>(RemoveEnrollmentsFromGroupDocument, {
      programId,
      groupId: 'LZ_WEST',
      enrollmentIds: [b!.id],
    });
    expect(removed.body.data?.removeEnrollmentsFromGroup.succeeded[0]?.groups).toEqual([
      { programId, id: 'LZ_NORTH' },
    ]);
    expect(writeCalls(svc.sim)).toEqual([
      { method: 'PATCH', route: `/v1/enrollments/${b!.id}`, body: { group_ids: ['LZ_NORTH'] } },
    ]);
  });

  it('refuses a group the program does not have, before any write', async () => {
    const { programId, enrollments } = firstProgram(svc.sim);
    const res = await svc.gql(AddEnrollmentsToGroupDocument, {
      programId,
      groupId: 'no-such-group',
      enrollmentIds: [enrollments[0]!.id],
    });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['groupId'] }]);
    expect(writeCalls(svc.sim)).toEqual([]);
  });
});
