import { createHash } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
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

describe('dispatchEvent idempotency scopes of API keys and JWT subjects', () => {
  it('#13: a JWT whose sub is an API key caller id never shares that key caller scope', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const svc = await startService({
      env: { GRAPHQL_API_KEYS: `${KEYS.first}:dispatcher`, JWT_PUBLIC_KEY: await exportSPKI(publicKey) },
    });
    const apiKeyCallerId = `key:${createHash('sha256').update(KEYS.first).digest('hex').slice(0, 8)}`;
    const token = await new SignJWT({ roles: ['dispatcher'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(apiKeyCallerId)
      .setExpirationTime('5m')
      .sign(privateKey);
    const { programId } = firstProgram(svc.sim);
    const vars = {
      input: {
        programId,
        targetType: 'PROGRAM',
        targetIds: [programId],
        actions: [{ mode: 'CHARGE', startsAt: inMinutes(240), durationS: 600 }],
      },
      idempotencyKey: 'same-key',
    };
    const byKey = await svc.gql<DispatchEventMutation>(DispatchEventDocument, vars, as(KEYS.first));
    const byJwt = await svc.gql<DispatchEventMutation>(DispatchEventDocument, vars, as(token));

    expect(byKey.body.errors).toBeUndefined();
    expect(byJwt.body.errors).toBeUndefined();
    // Two callers, two scopes: the JWT's dispatch is its own, not a replay of the key's.
    expect(byJwt.body.data?.dispatchEvent.id).not.toBe(byKey.body.data?.dispatchEvent.id);
    expect(svc.sim.journal.counts()['POST /v1/events']).toBe(2);
    const callers = svc.logs.flatMap((l) => (l.audit ? [(l.audit as { callerId: unknown }).callerId] : []));
    expect(callers).toEqual([apiKeyCallerId, apiKeyCallerId]);
  });
});
