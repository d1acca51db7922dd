import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateGroupDocument,
  DeviceTelemetryDocument,
  EventsPageDocument,
} from '../../schema/client/graphql.js';
import { startService, type GqlResult, type StartedService } from '../support/start.js';
import { seedEnrollments } from './helpers.js';

// Issue 14 section 4: a validation failure lists one { path, message, code } per offending input
// in extensions.fields, beside the message and fieldPaths, every path in GraphQL argument names.

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

function inputErrors(res: GqlResult<unknown>) {
  return (res.body.errors ?? []).map((e) => ({
    message: e.message,
    code: e.extensions?.code,
    fieldPaths: e.extensions?.fieldPaths,
    fields: e.extensions?.fields,
  }));
}

describe('extensions.fields', () => {
  it('#14: names a telemetry window Flip refuses by the argument `to`, never `end_time`', async () => {
    const deviceId = seedEnrollments(svc.sim, svc.sim.programs[0]!.id)[0]!.devices![0]!.id;
    const res = await svc.gql(DeviceTelemetryDocument, {
      deviceId,
      from: '2030-05-01T00:00:00Z',
      to: '2030-05-09T00:00:00Z',
    });
    expect(inputErrors(res)).toEqual([
      {
        message: 'Flip refused the input at to.',
        code: 'BAD_USER_INPUT',
        fieldPaths: ['to'],
        fields: [{ path: 'to', message: 'Flip refused to.', code: 'BAD_USER_INPUT' }],
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/end_time|start_time/);
    expect(svc.sim.journal.counts()['POST /v1/telemetry/historical']).toBe(1);
  });

  it('#14: lists each offending input of a write with its own message', async () => {
    const res = await svc.gql(CreateGroupDocument, {
      input: { programId: svc.sim.programs[0]!.id, id: 'has space', name: '  ' },
    });
    expect(inputErrors(res)).toEqual([
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fieldPaths: ['input.id', 'input.name'],
        fields: [
          {
            path: 'input.id',
            message: 'input.id must be letters, digits, _ and - only (^[\\w-]+$), at least one',
            code: 'BAD_USER_INPUT',
          },
          { path: 'input.name', message: 'input.name must not be blank', code: 'BAD_USER_INPUT' },
        ],
      }),
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it("#14: gives a one-input error one entry with the error's message", async () => {
    const at = new Date().toISOString();
    const res = await svc.gql(EventsPageDocument, { startsAfter: at, startsBefore: at });
    expect(inputErrors(res)).toEqual([
      {
        message: '`startsBefore` must be after `startsAfter`',
        code: 'BAD_USER_INPUT',
        fieldPaths: ['startsBefore'],
        fields: [
          {
            path: 'startsBefore',
            message: '`startsBefore` must be after `startsAfter`',
            code: 'BAD_USER_INPUT',
          },
        ],
      },
    ]);
  });

  it('#14: gives an edge check (a DateTime literal) its argument path', async () => {
    const res = await svc.gql(/* GraphQL */ `
      {
        eventConnection(startsAfter: "2026-02-30T00:00:00Z") {
          totalCount
        }
      }
    `);
    const [error] = inputErrors(res);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.fields).toEqual([{ path: 'startsAfter', message: error?.message, code: 'BAD_USER_INPUT' }]);
    expect(error?.fieldPaths).toEqual(['startsAfter']);
  });
});
