import { describe, expect, it } from 'vitest';
import { DispatchEventDocument, type DispatchEventMutation } from '../../../schema/client/graphql.js';
import { startService } from '../../support/start.js';
import { errorsOf, firstProgram, inMinutes } from './helpers.js';

const KEYS = { first: 'dispatcher-one-0123456789abcdef', second: 'dispatcher-two-0123456789abcdef' };
const ENV = { GRAPHQL_API_KEYS: `${KEYS.first}:dispatcher,${KEYS.second}:dispatcher` };
const as = (key: string) => ({ authorization: `Bearer ${key}` });

describe('dispatchEvent idempotency keys with authenticated callers', () => {
  it("keeps each caller's keys apart and names the caller in the audit line", async () => {
    const svc = await startService({ env: ENV });
    const { programId } = firstProgram(svc.sim);
    const event = (minutes: number) => ({
      programId,
      targetType: 'PROGRAM',
      targetIds: [programId],
      actions: [{ mode: 'DISCHARGE', startsAt: inMinutes(minutes), durationS: 600 }],
    });
    const vars = (minutes: number) => ({ input: event(minutes), idempotencyKey: 'shared-key' });
    const first = await svc.gql<DispatchEventMutation>(DispatchEventDocument, vars(120), as(KEYS.first));
    const second = await svc.gql<DispatchEventMutation>(DispatchEventDocument, vars(180), as(KEYS.second));
    const conflict = await svc.gql(DispatchEventDocument, vars(180), as(KEYS.first));

    expect(first.body.data?.dispatchEvent.id).not.toBe(second.body.data?.dispatchEvent.id);
    expect(errorsOf(conflict)).toEqual([{ code: 'CONFLICT' }]);
    expect(svc.sim.journal.counts()['POST /v1/events']).toBe(2);
    const callers = svc.logs.flatMap((l) => (l.audit ? [(l.audit as { callerId: unknown }).callerId] : []));
    expect(callers).toEqual([expect.stringMatching(/^key:/), expect.stringMatching(/^key:/), callers[0]]);
    expect(callers[0]).not.toBe(callers[1]);
  });
});
