import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CancelEventDocument } from '../../schema/client/graphql.js';
import { startClientHarness } from '../support/client.js';
import { startService, type StartedService } from '../support/start.js';
import { errorsOf } from './mutations/helpers.js';

let svc: StartedService;
let programId: string;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
  programId = svc.sim.programs[0]!.id;
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

const DOT_SEGMENTS = ['.', '..', '%2E%2E', '%2e.', '.%2E', '%2E', '%252E%252E', '%25252e%25252e'];

describe('ids at the edge', () => {
  it.each(DOT_SEGMENTS)(
    '#13: refuses cancelEvent(id: "%s") with BAD_USER_INPUT, sending nothing',
    async (id) => {
      const res = await svc.gql(CancelEventDocument, { id });
      expect(res.status).toBe(400);
      expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['id'] }]);
      expect(svc.sim.journal.calls()).toEqual([]);
    },
  );

  it('#13: refuses a dot segment written as a literal too', async () => {
    const res = await svc.gql(`mutation { cancelEvent(id: "..") }`);
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['id'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'e'.repeat(129)],
    ['a NUL', 'evt\u0000x'],
    ['a newline', 'evt\nx'],
    ['DEL', 'evt\u007f'],
    ['a C1 control', 'evt\u0085'],
  ])('#13: refuses an id that is %s', async (_name, id) => {
    const res = await svc.gql(CancelEventDocument, { id });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['id'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('accepts ids of 1 and 128 characters and dots inside an id', async () => {
    for (const id of ['e', 'e'.repeat(128), 'a.b', '...', '.hidden']) {
      svc.sim.journal.clear();
      const res = await svc.gql(CancelEventDocument, { id });
      // Past the edge check: the program-scope lookup of the event (an unknown id) answers, and
      // no DELETE leaves for an event outside the configured programs.
      expect(errorsOf(res)).toEqual([{ code: 'NOT_FOUND' }]);
      expect(svc.sim.journal.calls()).toEqual([{ method: 'GET', route: '/v1/events' }]);
    }
  });

  it('#13: names every refused id of lists and inputs at once', async () => {
    const res = await svc.gql(
      /* GraphQL */ `
        mutation ($ids: [ID!]!, $programId: ID!) {
          addEnrollmentsToGroup(programId: $programId, groupId: "%2e%2e", enrollmentIds: $ids) {
            failed {
              id
            }
          }
        }
      `,
      { programId, ids: ['ok-1', '..', 'ok-2', 'x\u0000'] },
    );
    expect(errorsOf(res)).toEqual([
      { code: 'BAD_USER_INPUT', fieldPaths: ['groupId', 'enrollmentIds[1]', 'enrollmentIds[3]'] },
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('#13: refuses a group name with control characters or over 200 characters', async () => {
    for (const name of ['Zone\u0000North', 'n'.repeat(201)]) {
      const res = await svc.gql(
        `mutation ($name: String!, $p: ID!) { renameGroup(programId: $p, id: "g1", name: $name) { id } }`,
        { name, p: programId },
      );
      expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['name'] }]);
    }
    const res = await svc.gql(`mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`, {
      input: { programId, id: 'zone-x', name: 'Zone\nX' },
    });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['input.name'] }]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('does not echo the refused value in the message', async () => {
    const res = await svc.gql(CancelEventDocument, { id: 'secret\u0000id' });
    expect(res.body.errors?.[0]?.message).not.toContain('secret');
  });
});

describe('the Utility client path segments', () => {
  it.each(['..', '.', '%2E%2E', '%252e%252e', 'a\u0000b'])(
    '#13: refuses the id %j before sending anything',
    async (id) => {
      const h = await startClientHarness();
      await expect(h.clients.utility.cancelEvent(id)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', fieldPaths: ['id'] },
      });
      expect(h.sim.journal.calls()).toEqual([]);
    },
  );
});
