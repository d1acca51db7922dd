import { describe, expect, it } from 'vitest';
import type { WireEnrollment } from '../../src/flip/wire.js';
import { startService } from '../support/start.js';

const DETAIL = /* GraphQL */ `
  query ($id: ID!) {
    enrollment(id: $id) {
      id
      program {
        id
      }
      devices {
        id
        latestTelemetry {
          isOnline
        }
      }
    }
  }
`;
type Detail = { enrollment: { id: string; program: { id: string }; devices: { id: string }[] } };

describe('the program locator (cache off)', () => {
  it('answers enrollment(id) with program-scoped fields from GET by id once a load told its program', async () => {
    const svc = await startService({ env: { CACHE_TTL_S: '0' } });
    const programId = svc.sim.programs[1]!.id;
    const enrollment = svc.sim.state.enrollments(programId)[0] as WireEnrollment;
    await svc.gql('{ programs { stats { enrollmentCount } } }');
    svc.sim.journal.clear();

    const res = await svc.gql<Detail>(DETAIL, { id: enrollment.id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.enrollment.program).toEqual({ id: programId });
    expect(svc.sim.journal.calls()).toEqual([
      { method: 'GET', route: `/v1/enrollments/${enrollment.id}` },
      {
        method: 'POST',
        route: '/v1/telemetry/latest',
        body: { program_id: programId, device_ids: (enrollment.devices ?? []).map((d) => d.id) },
      },
    ]);
  });

  it('loads the programs for an id no load has told yet', async () => {
    const svc = await startService({ env: { CACHE_TTL_S: '0' } });
    const programId = svc.sim.programs[1]!.id;
    const enrollment = svc.sim.state.enrollments(programId)[0] as WireEnrollment;
    const res = await svc.gql<Detail>(DETAIL, { id: enrollment.id });
    expect(res.body.data?.enrollment.program).toEqual({ id: programId });
    expect(svc.sim.journal.counts()).toEqual({ 'GET /v1/enrollments': 3, 'POST /v1/telemetry/latest': 1 });
  });
});
