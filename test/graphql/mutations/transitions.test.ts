import { describe, expect, it } from 'vitest';
import {
  PauseEnrollmentDocument,
  UpdateEnrollmentDocument,
  UpdateEnrollmentsDocument,
} from '../../../schema/client/graphql.js';
import { startService } from '../../support/start.js';
import { errorsOf, firstProgram, writeCalls } from './helpers.js';

// Issue 13 §2.9: one table (src/writes/transitions.ts) says which status each change may start from.
const KEYS = { operator: 'operator-key-0123456789abcdef', admin: 'admin-key-0123456789abcdef01' };
const ENV = { GRAPHQL_API_KEYS: `${KEYS.operator}:operator,${KEYS.admin}:admin` };
const as = (key: string) => ({ authorization: `Bearer ${key}` });

async function started() {
  const svc = await startService({ env: ENV });
  const { enrollments } = firstProgram(svc.sim);
  const withStatus = (status: string) => enrollments.filter((e) => e.status === status);
  return { svc, withStatus };
}

describe('enrollment status transitions', () => {
  it('#13: refuses PENDING -> PAUSED with BAD_USER_INPUT naming the transition, before any PATCH', async () => {
    const { svc, withStatus } = await started();
    const target = withStatus('PENDING')[0]!;
    const res = await svc.gql(PauseEnrollmentDocument, { id: target.id }, as(KEYS.operator));
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['id'] }]);
    expect(res.body.errors?.[0]?.message).toContain('PENDING -> PAUSED');
    expect(writeCalls(svc.sim)).toEqual([]);
  });

  it('#13: refuses ACTIVE -> REJECTED at input.status; allows PAUSED -> ACTIVE', async () => {
    const { svc, withStatus } = await started();
    const active = withStatus('ACTIVE')[0]!;
    const paused = withStatus('PAUSED')[0]!;
    const refused = await svc.gql(
      UpdateEnrollmentDocument,
      { input: { id: active.id, status: 'REJECTED' } },
      as(KEYS.operator),
    );
    expect(errorsOf(refused)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['input.status'] }]);
    expect(refused.body.errors?.[0]?.message).toContain('ACTIVE -> REJECTED');
    const allowed = await svc.gql(
      UpdateEnrollmentDocument,
      { input: { id: paused.id, status: 'ACTIVE' } },
      as(KEYS.operator),
    );
    expect(allowed.body.errors).toBeUndefined();
    expect(writeCalls(svc.sim)).toEqual([
      { method: 'PATCH', route: `/v1/enrollments/${paused.id}`, body: { status: 'ACTIVE' } },
    ]);
  });

  it('#13: lets an admin override the table, and audits the override', async () => {
    const { svc, withStatus } = await started();
    const target = withStatus('PENDING')[1]!;
    const res = await svc.gql<{ pauseEnrollment: { status: string } }>(
      PauseEnrollmentDocument,
      { id: target.id },
      as(KEYS.admin),
    );
    expect(res.body.data?.pauseEnrollment.status).toBe('PAUSED');
    expect(writeCalls(svc.sim)).toEqual([
      { method: 'PATCH', route: `/v1/enrollments/${target.id}`, body: { status: 'PAUSED' } },
    ]);
    const audit = svc.logs.map((l) => l.audit as { detail?: unknown } | undefined).filter(Boolean);
    expect(audit.map((a) => a?.detail)).toEqual([{ transitionOverride: 'PENDING -> PAUSED' }]);
  });

  it('#13: updateEnrollments reports a refused transition per id and patches only the allowed ones', async () => {
    const { svc, withStatus } = await started();
    const active = withStatus('ACTIVE')[0]!;
    const pending = withStatus('PENDING')[0]!;
    const res = await svc.gql<{
      updateEnrollments: {
        succeeded: { id: string }[];
        failed: { id: string; code: string; message: string }[];
      };
    }>(UpdateEnrollmentsDocument, { ids: [pending.id, active.id], status: 'PAUSED' }, as(KEYS.operator));
    const result = res.body.data?.updateEnrollments;
    expect(result?.succeeded.map((e) => e.id)).toEqual([active.id]);
    expect(result?.failed.map(({ id, code }) => ({ id, code }))).toEqual([
      { id: pending.id, code: 'BAD_USER_INPUT' },
    ]);
    expect(result?.failed[0]?.message).toContain('PENDING -> PAUSED');
    expect(writeCalls(svc.sim)).toEqual([
      { method: 'PATCH', route: `/v1/enrollments/${active.id}`, body: { status: 'PAUSED' } },
    ]);
  });
});
