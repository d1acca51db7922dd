import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CommissionSiteDocument,
  DispatchEventDocument,
  PauseEnrollmentDocument,
} from '../../../schema/client/graphql.js';
import { startService } from '../../support/start.js';
import { PERSONAL_COMMISSION_INPUT, PERSONAL_VALUES } from '../../support/personal-commission.js';
import { firstProgram, inMinutes } from './helpers.js';

describe('the audit log of writes', () => {
  it('writes one structured line per write, with ids, key, outcome and duration', async () => {
    const svc = await startService();
    const { programId, enrollments } = firstProgram(svc.sim);
    const target = enrollments.find((e) => e.status === 'ACTIVE')!;
    const key = randomUUID();
    const input = {
      programId,
      targetType: 'PROGRAM',
      targetIds: [programId],
      actions: [{ mode: 'DISCHARGE', startsAt: inMinutes(90), durationS: 600 }],
    };
    await svc.gql(PauseEnrollmentDocument, { id: target.id });
    const dispatched = await svc.gql<{ dispatchEvent: { id: string } }>(DispatchEventDocument, {
      input,
      idempotencyKey: key,
    });
    await svc.gql(PauseEnrollmentDocument, { id: '00000000-0000-4000-8000-0000000000ff' });

    const lines = svc.logs
      .filter((l) => l.audit !== undefined)
      .map((l) => l.audit as Record<string, unknown>);
    expect(
      lines.map(({ durationMs, requestId, ...rest }) => ({
        ...rest,
        timed: typeof durationMs === 'number',
        requestId: typeof requestId,
      })),
    ).toEqual([
      {
        // The scope check (issue 13 §2.1) found the program.
        operation: 'pauseEnrollment',
        callerId: null,
        programId,
        targetIds: [target.id],
        outcome: 'OK',
        timed: true,
        requestId: 'string',
      },
      {
        operation: 'dispatchEvent',
        callerId: null,
        programId,
        targetIds: [programId],
        idempotencyKey: key,
        outcome: 'OK',
        detail: { eventId: dispatched.body.data?.dispatchEvent.id },
        timed: true,
        requestId: 'string',
      },
      {
        operation: 'pauseEnrollment',
        callerId: null,
        programId: null,
        targetIds: ['00000000-0000-4000-8000-0000000000ff'],
        outcome: 'NOT_FOUND',
        timed: true,
        requestId: 'string',
      },
    ]);
  });

  it('never logs names, emails or addresses of the input', async () => {
    const svc = await startService();
    await svc.gql(CommissionSiteDocument, { input: PERSONAL_COMMISSION_INPUT });
    const audit = svc.logs.find((l) => l.audit !== undefined)?.audit;
    expect(audit).toMatchObject({
      operation: 'commissionSite',
      targetIds: ['oem-audit', 'bat-audit'],
      outcome: 'OK',
    });
    for (const secret of PERSONAL_VALUES) {
      expect(svc.logText()).not.toContain(secret);
    }
  });
});
