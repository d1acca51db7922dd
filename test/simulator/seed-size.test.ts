import { describe, expect, it } from 'vitest';
import { cloud, startTestSim } from '../support/sim.js';

// Its own file so that the large seed runs beside the other simulator tests. Speed belongs in
// test/bench; this only checks that the benchmark size is served.
describe('simulator seed size', () => {
  it('seeds 100,000 sites', async () => {
    const big = await startTestSim({ sites: 100_000 });
    try {
      const tail = await cloud(big, 'GET', '/v1/sites', { query: { skip: 99_999, limit: 10 } });
      expect((tail.json as { id: string }[]).map((s) => s.id)).toEqual(['site-100000']);
      expect(big.state.enrollments(big.programs[2]?.id as string)).toHaveLength(15_000);
    } finally {
      await big.close();
    }
  });
});
