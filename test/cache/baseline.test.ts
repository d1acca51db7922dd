import { describe, expect, it } from 'vitest';
import { startService } from '../support/start.js';

describe('DISABLE_BATCHING (the naive baseline of npm run bench)', () => {
  it('fetches per field: two aliases of one program cost two enrollments calls, concurrent or not', async () => {
    const svc = await startService({ env: { DISABLE_BATCHING: 'true', CACHE_TTL_S: '0' } });
    const id = svc.sim.programs[0]!.id;
    const res = await svc.gql(`{
      a: program(id: "${id}") { stats { enrollmentCount } }
      b: program(id: "${id}") { stats { enrollmentCount } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(svc.sim.journal.counts()).toEqual({ 'GET /v1/enrollments': 2 });
  });
});
